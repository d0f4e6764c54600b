import type { Language } from '../i18n/languages';

/** An ISO timestamp in the viewer's own zone, in the UI language's usual form. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium', hour12: false }).format(
    date,
  );
}

/**
 * A calendar day (YYYY-MM-DD, a local date as the server sends it) in the same form as the date of
 * formatDateTime, so a page writes every date one way (2026/11/20, 11/20/2026).
 */
export function formatDay(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone: 'UTC' }).format(date);
}

/** A calendar day without its year (11/20), for day axes and lists within one plan. */
export function formatMonthDay(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language, { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** An hour on a chart's axis (the month, day and hour of an ISO timestamp), in the viewer's zone. */
export function formatHour(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    hour12: false,
  }).format(date);
}

/** The time of day of an ISO timestamp (14:06), in the viewer's zone: for lists grouped by day. */
export function formatTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false }).format(
    date,
  );
}
