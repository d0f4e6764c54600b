import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bilingualPart, splitBilingual } from './bilingualText.js';
import * as earlierResult from './policy/earlierResult.js';

const PACKS = new URL('../../packs/', import.meta.url);

/** Every `reason` written in the shipped packs, wherever it sits, with the file and path. */
function packReasons(): [string, string][] {
  const found: [string, string][] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${path}[${i}]`);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'reason' && typeof value === 'string')
          found.push([path ? `${path}.reason` : 'reason', value]);
        else walk(value, path ? `${path}.${key}` : key);
      }
    }
  };
  for (const file of readdirSync(PACKS).filter((f) => f.endsWith('.yaml'))) {
    const before = found.length;
    walk(parse(readFileSync(new URL(file, PACKS), 'utf8')), '');
    for (const entry of found.slice(before)) entry[0] = `${file} ${entry[0]}`;
  }
  return found;
}

/** Three ASCII words in a row: an English sentence, or the start of one. */
const ASCII_SENTENCE = /[A-Za-z]+(?:[\s,]+[A-Za-z'’]+){2,}/;

/** The parts a Chinese page and an English page show: each whole, and nothing of the other language. */
function expectSplit(text: string) {
  const { zh, en } = splitBilingual(text);
  expect(zh).toMatch(/[\p{Script=Han}]/u);
  expect(zh).not.toMatch(ASCII_SENTENCE);
  expect(zh).toMatch(/[。；！？）]$/u);
  expect(en).toMatch(/^(?:["'“‘(]?[A-Z]|§\d)/u);
  expect(en).not.toContain('。');
  expect(`${zh}${en}`.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
}

describe('a text in both languages shows its Chinese on Chinese pages and its English on English ones', () => {
  it.each([
    [
      'a sentence each',
      '条文未定检测日；假设在第7天。The document gives no day; assumed on day 7.',
      '条文未定检测日；假设在第7天。',
      'The document gives no day; assumed on day 7.',
    ],
    ['space between the parts', '见上。  See above.', '见上。', 'See above.'],
    [
      'English opening with a quote',
      '“短时间内”未定天数。"A short time" has no length.',
      '“短时间内”未定天数。',
      '"A short time" has no length.',
    ],
    [
      'English opening with a clause',
      '按行业推定主管部门。§13 lists the departments together.',
      '按行业推定主管部门。',
      '§13 lists the departments together.',
    ],
    [
      'ASCII words inside the Chinese',
      '假设如此（同 WHO 与国家做法）。Assumed so, as WHO does.',
      '假设如此（同 WHO 与国家做法）。',
      'Assumed so, as WHO does.',
    ],
    [
      'a Chinese sentence that starts like English',
      '本地口径包括低风险地区来人。WHO 另行规定，不在此列。The reading includes low-risk areas.',
      '本地口径包括低风险地区来人。WHO 另行规定，不在此列。',
      'The reading includes low-risk areas.',
    ],
    [
      'Chinese words inside the English',
      '故假设为盘锦市。It speaks of "入盘" and "我市", so Panjin is assumed.',
      '故假设为盘锦市。',
      'It speaks of "入盘" and "我市", so Panjin is assumed.',
    ],
    ['Chinese only', '条文未定期限；假设14天。', '条文未定期限；假设14天。', '条文未定期限；假设14天。'],
    [
      'Chinese only, a capital after a bracket',
      '人员分类见附件（一）A类人员集中隔离。',
      '人员分类见附件（一）A类人员集中隔离。',
      '人员分类见附件（一）A类人员集中隔离。',
    ],
    [
      'English only',
      'No end is stated; assumed 14 days.',
      'No end is stated; assumed 14 days.',
      'No end is stated; assumed 14 days.',
    ],
    ['empty', '', '', ''],
  ])('%s', (_name, text, zh, en) => {
    expect(splitBilingual(text)).toEqual({ zh, en });
    expect(bilingualPart(text, 'zh-CN')).toBe(zh);
    expect(bilingualPart(text, 'en')).toBe(en);
  });

  const reasons = packReasons();
  it('finds the reasons of the shipped packs', () => {
    expect(reasons.length).toBeGreaterThan(50);
  });

  it.each(reasons)('the shipped pack reason %s splits into its Chinese and its English', (_where, reason) => {
    expectSplit(reason);
  });

  it.each([
    ['a test', { kind: 'nat' as const, day: 7 }],
    ['a release test', { kind: 'nat' as const, day: 14, forRelease: true }],
  ])('the engine’s default reading for %s splits into its Chinese and its English', (_name, test) => {
    const reading = earlierResult.earlierResultOf(test, [{ kind: 'nat', day: 1 }, test]);
    expect(reading.reason).toBeDefined();
    expectSplit(reading.reason ?? '');
  });

  it('every reading the engine exports splits into its Chinese and its English', () => {
    const readings = Object.values(earlierResult as Record<string, unknown>).filter(
      (value): value is { reason: string } =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { reason?: unknown }).reason === 'string',
    );
    expect(readings.length).toBeGreaterThanOrEqual(1);
    for (const reading of readings) expectSplit(reading.reason);
  });
});
