import { addDays, format, parseISO } from 'date-fns';
import { endOfLocalDay, localDate } from '../../rules/time.js';

/** The dashboard's trend: today and the 13 days before it. */
const TREND_DAYS = 14;

/** The trend's local dates in `timeZone`, oldest first; the last is the local date of `now`. */
export function trendDays(now: Date, timeZone: string): string[] {
  const today = parseISO(localDate(now, timeZone));
  return Array.from({ length: TREND_DAYS }, (_, i) =>
    format(addDays(today, i - (TREND_DAYS - 1)), 'yyyy-MM-dd'),
  );
}

/** The instants the local dates `first` … `last` span in `timeZone`: [start, end). */
export function daysSpan(first: string, last: string, timeZone: string): { start: Date; end: Date } {
  const dayBefore = format(addDays(parseISO(first), -1), 'yyyy-MM-dd');
  return { start: endOfLocalDay(dayBefore, timeZone), end: endOfLocalDay(last, timeZone) };
}

/** One count per day of `days` from rows of (day, n); days without a row count 0. */
export function perDay(days: readonly string[], rows: ReadonlyArray<{ day: string; n: number }>): number[] {
  const byDay = new Map<string, number>();
  for (const row of rows) byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.n);
  return days.map((day) => byDay.get(day) ?? 0);
}
