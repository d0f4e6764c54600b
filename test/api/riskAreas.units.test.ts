import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES } from '../../src/platform/messages.js';
import { parseLocalDateTime } from '../../src/rules/localDateTime.js';

const ZONE = 'Asia/Shanghai';

describe('ZON-5 publication times as published lists write them (Beijing time)', () => {
  it.each([
    ['ZON-5 date and minutes', '2022-04-25 12:00', '2022-04-25T04:00:00.000Z'],
    ['ZON-5 slashes and seconds', '2022/4/25 12:00:30', '2022-04-25T04:00:30.000Z'],
    ['ZON-5 a date alone is its midnight', '2022-04-25', '2022-04-24T16:00:00.000Z'],
    ['ZON-5 Chinese date and hour', '2022年4月25日12时', '2022-04-25T04:00:00.000Z'],
    ['ZON-5 Chinese hour and minute', '2022年4月25日12时30分', '2022-04-25T04:30:00.000Z'],
    ['ZON-5 "24时" is the next midnight', '2022年4月30日24时', '2022-04-30T16:00:00.000Z'],
    ['ZON-5 compact date', '20220425', '2022-04-24T16:00:00.000Z'],
    ['ZON-5 ISO with its own offset', '2022-04-25T12:00:00+08:00', '2022-04-25T04:00:00.000Z'],
    ['ZON-5 ISO in UTC', '2022-04-25T04:00:00Z', '2022-04-25T04:00:00.000Z'],
    ['ZON-5 a leap day', '2024-02-29 08:00', '2024-02-29T00:00:00.000Z'],
    ['ZON-5 no 29 February in 2022', '2022-02-29', undefined],
    ['ZON-5 month 13', '2022-13-01', undefined],
    ['ZON-5 24:30 is no time', '2022-04-25 24:30', undefined],
    ['ZON-5 minute 60', '2022-04-25 12:60', undefined],
    ['ZON-5 words', '四月二十五日', undefined],
    ['ZON-5 trailing text', '2022-04-25 12:00 起', undefined],
  ])('%s', (_case, raw, expected) => {
    expect(parseLocalDateTime(raw, ZONE)?.toISOString()).toBe(expected);
  });
});

describe('the risk-area page says what the API says', () => {
  it.each([
    ['zh-CN.json', 'zh'],
    ['en.json', 'en'],
  ] as const)('web/src/riskAreas/i18n/%s field errors match src/platform/messages.ts', (file, language) => {
    const web = JSON.parse(readFileSync(`web/src/riskAreas/i18n/${file}`, 'utf8')).fieldErrors as Record<
      string,
      string
    >;
    expect(Object.keys(web).length).toBeGreaterThanOrEqual(8);
    for (const [code, text] of Object.entries(web)) {
      const api = FIELD_MESSAGES[code as keyof typeof FIELD_MESSAGES];
      const expected = language === 'zh' ? `{{label}}${api.zh}` : `{{label}} ${api.en}`;
      expect({ code, text }).toEqual({ code, text: expected });
    }
  });
});
