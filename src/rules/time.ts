import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: day arithmetic starts here. */
export function localDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd');
}

/** The instant a local calendar date ends (the next local midnight): "due on day N" means by then. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day + 1, timeZone).getTime());
}

/** The instant a local calendar date begins (its local midnight): "arrived on day N" means from then. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime());
}
