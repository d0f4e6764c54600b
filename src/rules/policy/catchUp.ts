import { endOfLocalDay, localDate } from '../time.js';

/**
 * Issue 12 Deliver 4, "a test added in the past gets a reachable due time, never one that is overdue
 * on creation": an item whose own due time has passed when it is opened (a test a new pack version
 * adds before today, an arrival registered days late) is due by the end of the next local day after
 * its opening. Assumption (the documents set no time for making up a missed test): the next day,
 * not the same one, so that an item opened late in the evening still leaves a working day.
 */
export function catchUpDueAt(openedAt: Date, timeZone: string): Date {
  const endOfToday = endOfLocalDay(localDate(openedAt, timeZone), timeZone);
  return endOfLocalDay(localDate(endOfToday, timeZone), timeZone);
}

/** The due time an item gets when opened at `openedAt`: its own, or a catch-up when that has passed. */
export function reachableDueAt(
  dueAt: Date,
  openedAt: Date,
  timeZone: string,
): { dueAt: Date; catchUp: boolean } {
  return dueAt.getTime() < openedAt.getTime()
    ? { dueAt: catchUpDueAt(openedAt, timeZone), catchUp: true }
    : { dueAt, catchUp: false };
}
