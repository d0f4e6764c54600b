import type { Language } from '../i18n/languages';

/** An ISO timestamp in the viewer's own zone, in the UI language's usual form. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium', hour12: false }).format(
    date,
  );
}
