import { TZDate } from '@date-fns/tz';

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))/;
const CLOCK = /^(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2})(?:\.\d+)?)?$/;
const CHINESE = /^(\d{1,2})[时点](?:(\d{1,2})分(?:(\d{1,2})秒)?)?$/;

/** Hour, minute, second of a time of day, or undefined; "24时" (announcements' midnight) is hour 24. */
function timeOfDay(text: string): [number, number, number] | undefined {
  if (text === '') return [0, 0, 0];
  const clock = CLOCK.exec(text);
  if (clock) {
    const hour = Number(clock[1]);
    return hour > 23 ? undefined : [hour, Number(clock[2]), Number(clock[3] ?? 0)];
  }
  const chinese = CHINESE.exec(text);
  if (!chinese) return undefined;
  const time: [number, number, number] = [
    Number(chinese[1]),
    Number(chinese[2] ?? 0),
    Number(chinese[3] ?? 0),
  ];
  return time[0] === 24 && time[1] + time[2] > 0 ? undefined : time;
}

/**
 * A date and time as lists and announcements write it — 2022-04-25 12:00, 2022/4/25 12:00:30,
 * 2022.4.25, 2022年4月25日12时30分, 2022-04-25 (midnight), 20220425, or ISO 8601 with an offset —
 * read in `timeZone` unless it carries its own offset. "24时" is the next day's midnight, as
 * announcements use it; "24:00" is refused as a typing slip. Undefined when not a real instant.
 */
export function parseLocalDateTime(raw: string, timeZone: string): Date | undefined {
  const value = raw.trim();
  if (ZONED.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const date = DATE.exec(value);
  if (!date) return undefined;
  const [year, month, day] = [Number(date[1]), Number(date[2] ?? date[4]), Number(date[3] ?? date[5])];
  const time = timeOfDay(value.slice(date[0].length).replace(/^[\sT]+/, ''));
  if (!time) return undefined;
  const [hour, minute, second] = time;
  // 2026-02-30 would roll over into March: not a date anyone meant.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  if (minute > 59 || second > 59) return undefined;
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime());
}
