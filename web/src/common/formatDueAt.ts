import { localDue } from '../../../src/rules/dueTime';
import type { Language } from '../i18n/languages';

/** The server's default zone (config defaultTimeZone), for items whose jurisdiction sets none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * A due time in the zone of the work's jurisdiction, in the UI language's short date form and hours
 * and minutes. Work due "that day" is due at the next local midnight and reads as that day's 24:00
 * (2026/12/7 24:00), never as the next day's 00:00, which reads a day late.
 */
export function formatDueAt(iso: string, language: Language, timeZone?: string | null): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const { date, time } = localDue(instant, timeZone || DEFAULT_TIME_ZONE);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const calendar = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone: 'UTC' });
  return `${calendar.format(new Date(Date.UTC(year, month - 1, day)))} ${time}`;
}
