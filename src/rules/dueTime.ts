/**
 * How a due time reads. "Due on day N" is stored as the instant day N ends, the next local midnight
 * (endOfLocalDay in ./time.ts), which a clock shows as day N+1's 00:00; people read and write it as
 * day N's 24:00 ("当日24时", as announcements do), and "the 8th 00:00" for work due on the 7th reads
 * as a day later than it is. Pure: the zone is a parameter; Intl only, so the web can use it too.
 */
export interface LocalDue {
  /** The local calendar date (YYYY-MM-DD) the time belongs to: the day before for a midnight. */
  date: string;
  /** HH:mm, from 00:01 to 24:00 (a local midnight is the end of `date`, never 00:00). */
  time: string;
}

const partsFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });

/** The local date and time of `instant` in `timeZone`, a local midnight read as the day before's 24:00. */
export function localDue(instant: Date, timeZone: string): LocalDue {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const time = `${parts.hour}:${parts.minute}`;
  const midnight = time === '00:00' && parts.second === '00' && instant.getUTCMilliseconds() === 0;
  const date = new Date(Date.UTC(year, month - 1, midnight ? day - 1 : day));
  return { date: date.toISOString().slice(0, 10), time: midnight ? '24:00' : time };
}
