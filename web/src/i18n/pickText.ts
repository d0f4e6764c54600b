import type { Language } from './languages';

/** Chooses the Chinese or English variant of a text the server sent in both languages. */
export function pickText(language: Language, zh: string, en: string): string {
  return language === 'en' ? en : zh;
}
