import { TZDate } from '@date-fns/tz';
import type { AppContext } from '../../platform/context.js';
import { localDate } from '../../rules/time.js';

/**
 * Demo times are local wall-clock times on days before the demo's "now" (calendar days in the
 * county's zone, never millisecond arithmetic), so the story reads the same whenever it is loaded.
 */
export function localAt(now: Date, timeZone: string, daysAgo: number, hour: number, minute = 0): Date {
  return onDate(localDate(now, timeZone), timeZone, hour, minute, -daysAgo);
}

/** `hour:minute` on a local date (YYYY-MM-DD), `shift` days later. */
export function onDate(date: string, timeZone: string, hour: number, minute = 0, shift = 0): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day + shift, hour, minute, timeZone).getTime());
}

export const minutesBefore = (instant: Date, minutes: number) =>
  new Date(instant.getTime() - minutes * 60_000);

/** The context as it was at `instant`: services stamp what they do (plans, deadlines) with it. */
export const contextAt = (ctx: AppContext, instant: Date): AppContext => ({ ...ctx, now: () => instant });
