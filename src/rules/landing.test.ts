import { describe, expect, it } from 'vitest';
import {
  boardClear,
  type CommunityDay,
  countyOf,
  formatReceipt,
  isClear,
  isLandingCode,
  landingUrl,
  localDayRange,
  lookDueAt,
  maskName,
  outstanding,
  RECEIPT_ALPHABET,
  reportState,
  totalOf,
  verifyDueAt,
} from './landing.js';

/**
 * ARR-11 [004 §4]: "各地区要明确专人最长每半小时查看一次报备信息,并第一时间推送所去社区逐人核实,
 * 当日反馈检测管控情况,形成工作闭环,做到每日清零。"
 */
const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

describe('ARR-11 deadlines of the landing-code loop', () => {
  it.each([
    [
      'ARR-11 "最长每半小时查看一次": a look is due 30 minutes after the report',
      '2026-11-24T02:00:00Z',
      '2026-11-24T02:30:00Z',
    ],
    ['ARR-11 half an hour crosses midnight UTC', '2026-11-24T23:45:00Z', '2026-11-25T00:15:00Z'],
    ['ARR-11 half an hour crosses a month end', '2026-11-30T23:50:00Z', '2026-12-01T00:20:00Z'],
  ])('%s', (_case, submitted, due) => {
    expect(lookDueAt(at(submitted)).toISOString()).toBe(new Date(due).toISOString());
  });

  it.each([
    // [case, pushed at, zone, due]
    [
      'ARR-11 "当日反馈": due at the next local midnight (10:00 Beijing)',
      '2026-11-24T02:00:00Z',
      SHANGHAI,
      '2026-11-24T16:00:00Z',
    ],
    [
      'ARR-11 pushed at 23:30 Beijing: still that day',
      '2026-11-24T15:30:00Z',
      SHANGHAI,
      '2026-11-24T16:00:00Z',
    ],
    [
      'ARR-11 pushed at 00:10 Beijing (16:10 UTC the day before): the Beijing day counts',
      '2026-11-24T16:10:00Z',
      SHANGHAI,
      '2026-11-25T16:00:00Z',
    ],
    ['ARR-11 leap day in Beijing', '2028-02-29T05:00:00Z', SHANGHAI, '2028-02-29T16:00:00Z'],
    [
      'ARR-11 a zone with daylight saving: the local day of 2026-03-29 in Berlin has 23 hours',
      '2026-03-29T08:00:00Z',
      'Europe/Berlin',
      '2026-03-29T22:00:00Z',
    ],
  ])('%s', (_case, pushed, zone, due) => {
    expect(verifyDueAt(at(pushed), zone).toISOString()).toBe(new Date(due).toISOString());
  });

  it.each([
    ['ARR-11 a Beijing day', '2026-11-24', SHANGHAI, '2026-11-23T16:00:00.000Z', '2026-11-24T16:00:00.000Z'],
    [
      'ARR-11 the last day of a month',
      '2026-11-30',
      SHANGHAI,
      '2026-11-29T16:00:00.000Z',
      '2026-11-30T16:00:00.000Z',
    ],
    ['ARR-11 a leap day', '2028-02-29', SHANGHAI, '2028-02-28T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
  ])('%s: [start, end) of the local day', (_case, date, zone, start, end) => {
    const range = localDayRange(date, zone);
    expect([range.start.toISOString(), range.end.toISOString()]).toEqual([start, end]);
  });
});

describe('ARR-11 "推送…逐人核实,当日反馈…形成工作闭环": the state of a report', () => {
  const none = { lookedAt: null, pushedAt: null, verifiedAt: null, feedbackAt: null };
  const t = '2026-11-24T02:00:00Z';
  it.each([
    ['ARR-11 nobody has looked yet', none, 'new'],
    ['ARR-11 looked at, not pushed', { ...none, lookedAt: t }, 'looked'],
    ['ARR-11 pushed to the community', { ...none, lookedAt: t, pushedAt: t }, 'pushed'],
    [
      'ARR-11 verified person by person, no feedback yet',
      { ...none, lookedAt: t, pushedAt: t, verifiedAt: t },
      'verified',
    ],
    [
      'ARR-11 verified and fed back: the loop is closed',
      { lookedAt: t, pushedAt: t, verifiedAt: t, feedbackAt: t },
      'cleared',
    ],
  ] as const)('%s', (_case, progress, state) => {
    expect(reportState(progress)).toBe(state);
  });
});

describe('ARR-11 "做到每日清零": the daily-clear board', () => {
  const day = (over: Partial<CommunityDay>): CommunityDay => ({
    received: 0,
    verified: 0,
    fedBack: 0,
    cleared: 0,
    backlog: 0,
    ...over,
  });
  it.each([
    [
      'ARR-11 every report of the day cleared: green',
      day({ received: 3, verified: 3, fedBack: 3, cleared: 3 }),
      0,
      true,
    ],
    [
      'ARR-11 one verified but not fed back: red',
      day({ received: 3, verified: 3, fedBack: 2, cleared: 2 }),
      1,
      false,
    ],
    ['ARR-11 nothing received and nothing left: green', day({}), 0, true],
    [
      'ARR-11 yesterday’s report still open keeps today red',
      day({ received: 2, cleared: 2, backlog: 1 }),
      1,
      false,
    ],
  ])('%s', (_case, community, open, clear) => {
    expect(outstanding(community)).toBe(open);
    expect(isClear(community)).toBe(clear);
  });

  it('ARR-11 the board is green only when every community is', () => {
    const green = day({ received: 1, verified: 1, fedBack: 1, cleared: 1 });
    const red = day({ received: 1 });
    expect(boardClear([green, green])).toBe(true);
    expect(boardClear([green, red])).toBe(false);
    expect(boardClear([])).toBe(true);
    expect(totalOf([green, red])).toEqual({ received: 2, verified: 1, fedBack: 1, cleared: 1, backlog: 0 });
  });
});

describe('ARR-11 receipts, masking and the QR URL', () => {
  it('ARR-11 a receipt carries the local date and six unambiguous characters', () => {
    const receipt = formatReceipt('2026-11-24', new Uint8Array([0, 1, 2, 30, 31, 255, 9, 9]));
    expect(receipt).toBe(
      `LD261124-${RECEIPT_ALPHABET[0]}${RECEIPT_ALPHABET[1]}${RECEIPT_ALPHABET[2]}${RECEIPT_ALPHABET[30]}${RECEIPT_ALPHABET[0]}${RECEIPT_ALPHABET[255 % 31]}`,
    );
    expect(RECEIPT_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it.each([
    ['ARR-11 a four-character name keeps its first', '欧阳明远', '欧***'],
    ['ARR-11 a two-character name', '李四', '李*'],
    ['ARR-11 a single character says nothing', '王', '*'],
  ])('%s', (_case, name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    [
      'ARR-11 a county’s landing code',
      'https://fk.example.cn',
      '211122',
      'https://fk.example.cn/landing/211122',
    ],
    [
      'ARR-11 a city’s, trailing slash dropped',
      'http://127.0.0.1:3000/',
      '1504',
      'http://127.0.0.1:3000/landing/1504',
    ],
  ])('%s', (_case, origin, code, url) => {
    expect(landingUrl(origin, code)).toBe(url);
  });

  it.each([
    ['211122', true],
    ['1504', true],
    ['21', false],
    ['211122001', false],
    ['21112a', false],
  ])('ARR-11 landing code %s is a city or county code: %s', (code, ok) => {
    expect(isLandingCode(code)).toBe(ok);
  });

  it('ARR-11 the county of a community looks at its reports', () => {
    expect(countyOf('211122001001')).toBe('211122');
  });
});
