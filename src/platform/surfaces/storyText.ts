import type { Permission } from '../../rules/roles.js';
import type { Actor } from '../access/actor.js';
import type { StoryEvent, Text } from './types.js';

/** A story event's link, only when the caller may open the page it leads to. */
export function linkIf(actor: Actor, permission: Permission, href: string): string | null {
  return actor.permissions.has(permission) ? href : null;
}

const DATE_FORMATS = {
  zh: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en', { dateStyle: 'short', timeZone: 'UTC' }),
};

/** A local date (YYYY-MM-DD) as the web writes dates (web/src/common/formatDateTime.ts): 2026/12/21. */
export function dateText(localDate: string): Text {
  const date = new Date(`${localDate}T00:00:00Z`);
  return { zh: DATE_FORMATS.zh.format(date), en: DATE_FORMATS.en.format(date) };
}

/** Joins texts language by language: the Chinese with `zh`, the English with `en`. */
export function joinText(parts: ReadonlyArray<Text | null | undefined>, zh = '；', en = '; '): Text {
  const present = parts.filter((part): part is Text => Boolean(part));
  return { zh: present.map((p) => p.zh).join(zh), en: present.map((p) => p.en).join(en) };
}

/**
 * A source's events newest first, at most `limit`: the order and bound every source returns.
 * `events` come in the order they happened; of two at one instant, the later-listed comes first.
 */
export function newestFirst(events: readonly StoryEvent[], limit: number): StoryEvent[] {
  return [...events]
    .reverse()
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, limit);
}
