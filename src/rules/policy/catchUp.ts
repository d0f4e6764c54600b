import { endOfLocalDay, localDate } from '../time.js';
import { testKey } from './itemKeys.js';
import type { PlanTest, TestKind } from './types.js';

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

/**
 * The past tests a catch-up does not repeat: of the tests whose day has passed when a plan is opened
 * (an arrival registered days late, a subtree moved to a pack with daily tests), each kind is made
 * up by one test, the latest; a test release waits for keeps its own (ISO-6). Assumption (the
 * documents say nothing of missed tests): a person owing seven daily NATs takes one NAT now, not
 * seven on one day, which would tell the CDC nothing more. Returns each such test's item key with
 * the later test that makes it up. `isPast` says whether a test's day has passed (its due time
 * before the opening, or, as the carry-over reads it, its date before today: the same, as a test is
 * due at the end of its day).
 */
export function madeUpByLater<T extends Pick<PlanTest, 'kind' | 'day' | 'forRelease'>>(
  tests: readonly T[],
  isPast: (test: T) => boolean,
): Map<string, T> {
  const past = tests.filter((t) => !t.forRelease && isPast(t));
  const latest = new Map<TestKind, T>();
  for (const t of past) {
    const seen = latest.get(t.kind);
    if (!seen || t.day > seen.day) latest.set(t.kind, t);
  }
  return new Map(
    past.flatMap((t) => {
      const later = latest.get(t.kind);
      return later && later.day !== t.day ? [[testKey(t), later] as const] : [];
    }),
  );
}

/** The item keys of the past tests a plan opened at `openedAt` leaves to a later one (above). */
export function pastTestsMadeUpByLater(
  tests: readonly Pick<PlanTest, 'kind' | 'day' | 'dueAt' | 'forRelease'>[],
  openedAt: Date,
): Set<string> {
  return new Set(madeUpByLater(tests, (t) => new Date(t.dueAt).getTime() < openedAt.getTime()).keys());
}
