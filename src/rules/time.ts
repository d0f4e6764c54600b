import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: day arithmetic starts here. */
export function localDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd');
}
