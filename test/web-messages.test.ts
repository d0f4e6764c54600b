import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES } from '../src/platform/messages.js';

/** Forms validate with the same messages as the API: the web's copies must not drift. */
const read = (file: string) =>
  JSON.parse(readFileSync(`web/src/i18n/${file}`, 'utf8')).fieldErrors as Record<string, string>;

describe('field messages shared by the API and the web forms', () => {
  it.each([
    ['zh-CN.json', 'zh'],
    ['en.json', 'en'],
  ] as const)('web/src/i18n/%s says what the API says', (file, language) => {
    const web = read(file);
    for (const [code, web_text] of Object.entries(web)) {
      const api = FIELD_MESSAGES[code as keyof typeof FIELD_MESSAGES];
      if (!api) continue;
      const expected = language === 'zh' ? `{{label}}${api.zh}` : `{{label}} ${api.en}`;
      expect({ code, text: web_text }).toEqual({ code, text: expected });
    }
    expect(Object.keys(web).length).toBeGreaterThanOrEqual(20);
  });
});
