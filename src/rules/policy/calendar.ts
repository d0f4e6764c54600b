import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, startOfDay } from 'date-fns';

/**
 * Day counting of a plan (REQUIREMENTS conventions): day 0 is the local calendar date of the
 * anchor instant in the jurisdiction's zone, day N is day 0 + N calendar days. All arithmetic is on
 * dates in the zone, so DST changes and skipped midnights never shift a day.
 */
export interface DayCounter {
  readonly timeZone: string;
  /** Local date (YYYY-MM-DD) of day 0. */
  readonly day0: string;
  /** Local date of day N. */
  dateOf(day: number): string;
  /** The instant day N ends: the first instant of the next local day (a test is due by then). */
  dueAt(day: number): Date;
  /** Calendar days from day 0 to the local date of an instant (negative when before day 0). */
  dayOf(instant: Date): number;
}

export function dayCounter(anchor: Date, timeZone: string): DayCounter {
  const start = startOfDay(new TZDate(anchor, timeZone));
  if (Number.isNaN(start.getTime())) {
    throw new RangeError(`invalid instant or time zone: ${String(anchor)} in ${timeZone}`);
  }
  const dayStart = (day: number) => addDays(start, day);
  return {
    timeZone,
    day0: format(start, 'yyyy-MM-dd'),
    dateOf: (day) => format(dayStart(day), 'yyyy-MM-dd'),
    dueAt: (day) => new Date(startOfDay(addDays(start, day + 1)).getTime()),
    dayOf: (instant) => differenceInCalendarDays(new TZDate(instant, timeZone), start),
  };
}
