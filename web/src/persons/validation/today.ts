/** The server's default zone (config defaultTimeZone); calendar days are counted there. */
const SERVER_TIME_ZONE = 'Asia/Shanghai';

/** Today as YYYY-MM-DD in the server's zone, so "birth date in the future" agrees with the API. */
export function todayInServerZone(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: SERVER_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
