import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_RETENTION,
  capacityLimit,
  checkInTimeProblem,
  retentionCutoffDay,
  type ScanFigures,
  scanFlags,
  VENUE_KIND_LABELS,
  VENUE_KINDS,
} from './venues.js';

describe('ZON-4 capacity limits (002 §22 “剧院、歌舞厅、游艺厅…不得超过核定人数的75%”; 004 §10)', () => {
  it.each([
    ['ZON-4 theatre: 75 % of 200', 'theatre', 200, 150],
    ['ZON-4 dance hall / KTV: 75 % of 81, rounded down', 'entertainment', 81, 60],
    ['ZON-4 game room', 'game_room', 100, 75],
    ['ZON-4 internet café (004 §10 网吧)', 'internet_cafe', 40, 30],
    ['ZON-4 gym (004 §10 体育场馆)', 'gym', 120, 90],
    ['ZON-4 mall: no figure in the plans', 'mall', 1000, null],
    ['ZON-4 restaurant: no figure', 'restaurant', 80, null],
    ['ZON-4 theatre without a capacity: no limit known', 'theatre', null, null],
    ['ZON-4 unknown kind', 'bakery', 100, null],
  ] as const)('%s', (_name, kind, capacity, limit) => {
    expect(capacityLimit(kind, capacity)).toBe(limit);
  });

  it('HC-2 every kind has words in both languages', () => {
    for (const kind of VENUE_KINDS) {
      expect(VENUE_KIND_LABELS[kind].zh.length).toBeGreaterThan(0);
      expect(VENUE_KIND_LABELS[kind].en.length).toBeGreaterThan(0);
    }
  });
});

const busy: ScanFigures = {
  active: true,
  ageHours: 500,
  kind: 'theatre',
  capacity: 200,
  last24h: 300,
  baselineDaily: [280, 300, 310, 290, 305, 295, 300],
  peakHour: 100,
};

describe('HC-2 supervisor’s view: missing or few scans, over ZON-4 capacity', () => {
  it.each([
    ['HC-2 a venue scanning as usual: nothing', {}, []],
    ['HC-2 no scan in 24 h while active: missing', { last24h: 0 }, ['missing']],
    ['HC-2 registered under a day ago: not yet missing', { last24h: 0, ageHours: 5, baselineDaily: [] }, []],
    ['HC-2 inactive: nothing', { last24h: 0, active: false }, []],
    ['HC-2 under 30 % of its own median: few', { last24h: 80 }, ['few']],
    ['HC-2 at 30 % of its median: not few', { last24h: 90 }, []],
    ['HC-2 a small venue (median < 10) is not judged few', { last24h: 1, baselineDaily: [5, 6, 4] }, []],
    ['ZON-4 peak hour over 75 % of capacity: over capacity', { peakHour: 151 }, ['over_capacity']],
    ['ZON-4 peak hour at the limit: fine', { peakHour: 150 }, []],
    ['ZON-4 a mall has no limit', { kind: 'mall', peakHour: 900 }, []],
    ['HC-2 + ZON-4 few and over capacity at once', { last24h: 10, peakHour: 200 }, ['few', 'over_capacity']],
  ] as const)('%s', (_name, change, flags) => {
    expect(scanFlags({ ...busy, ...change })).toEqual(flags);
  });
});

describe('HC-2 check-in retention (privacy; EPI-2 14-day look-back)', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('keeps 28 days by default, today included', () => {
    expect(CHECK_IN_RETENTION.defaultDays).toBe(28);
    expect(retentionCutoffDay('2026-12-07', 28)).toBe('2026-11-10');
    expect(retentionCutoffDay('2026-12-07', 1)).toBe('2026-12-07');
  });
  it.each([
    ['HC-2 an hour ago: fine', '2026-12-07T11:00:00Z', null],
    ['HC-2 on the first kept day: fine', '2026-11-10T00:00:00Z', null],
    ['HC-2 the day before: too old', '2026-11-09T23:59:59Z', 'check_in_too_old'],
    ['HC-2 within 5 minutes of skew: fine', '2026-12-07T12:04:00Z', null],
    ['HC-2 tomorrow: in the future', '2026-12-08T08:00:00Z', 'in_future'],
  ] as const)('%s', (_name, at, problem) => {
    expect(checkInTimeProblem(new Date(at), now, 28)).toBe(problem);
  });
});
