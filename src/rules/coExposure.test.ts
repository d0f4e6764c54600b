import { describe, expect, it } from 'vitest';
import {
  compareExposure,
  type Exposure,
  exposureOf,
  inWindow,
  STAY_MINUTES,
  stayOverlap,
} from './coExposure.js';

/**
 * EPI-3: "Venue-code (场所码) check-ins and checkpoint logs feed automatic co-exposure search: everyone
 * at the same venue within a time window of a case's visits." Ranked by shared visits, then overlap
 * of two assumed 30-minute stays (本地口径), then the closest gap.
 */
describe('EPI-3 window', () => {
  it.each([
    ['EPI-3 the same instant is inside any window', 0, 1, true],
    ['EPI-3 exactly the window’s edge is inside', 60, 60, true],
    ['EPI-3 before the visit counts as after it does', -60, 60, true],
    ['EPI-3 one minute past the window is outside', 61, 60, false],
    ['EPI-3 one minute before the window is outside', -31, 30, false],
  ])('%s', (_case, gap, window, inside) => {
    expect(inWindow(gap, window)).toBe(inside);
  });
});

describe('EPI-3 overlap of two assumed stays', () => {
  it.each([
    ['EPI-3 arriving together: a whole stay', 0, STAY_MINUTES],
    ['EPI-3 10 minutes apart: 20 minutes together', 10, 20],
    ['EPI-3 10 minutes before: the same 20 minutes', -10, 20],
    ['EPI-3 a stay apart: no overlap', 30, 0],
    ['EPI-3 beyond a stay: still none, never negative', 45, 0],
  ])('%s', (_case, gap, overlap) => {
    expect(stayOverlap(gap)).toBe(overlap);
  });
});

describe('EPI-3 exposure of one person', () => {
  it.each([
    [
      'EPI-3 one hit: one visit shared',
      [{ visit: 0, gapMinutes: 5 }],
      { sharedVisits: 1, overlapMinutes: 25, closestGapMinutes: 5 },
    ],
    [
      'EPI-3 two scans around one visit count it once, the better overlap kept',
      [
        { visit: 0, gapMinutes: 20 },
        { visit: 0, gapMinutes: -4 },
      ],
      { sharedVisits: 1, overlapMinutes: 26, closestGapMinutes: 4 },
    ],
    [
      'EPI-3 two visits shared add their overlaps',
      [
        { visit: 0, gapMinutes: 10 },
        { visit: 3, gapMinutes: 40 },
      ],
      { sharedVisits: 2, overlapMinutes: 20, closestGapMinutes: 10 },
    ],
  ])('%s', (_case, hits, exposure) => {
    expect(exposureOf(hits)).toEqual(exposure);
  });
});

describe('EPI-3 ranking', () => {
  const person = (
    idHash: string,
    sharedVisits: number,
    overlapMinutes: number,
    closestGapMinutes: number,
  ) => ({
    idHash,
    sharedVisits,
    overlapMinutes,
    closestGapMinutes,
  });
  const order = (people: Array<Exposure & { idHash: string }>) =>
    [...people].sort(compareExposure).map((p) => p.idHash);

  it.each([
    [
      'EPI-3 more shared visits first, whatever the overlap',
      [person('a', 1, 30, 0), person('b', 2, 0, 50)],
      ['b', 'a'],
    ],
    ['EPI-3 then more overlap', [person('a', 2, 10, 5), person('b', 2, 40, 25)], ['b', 'a']],
    ['EPI-3 then the closer gap', [person('a', 1, 0, 50), person('b', 1, 0, 35)], ['b', 'a']],
    [
      'EPI-3 then the id hash, so the order is stable',
      [person('bb', 1, 5, 25), person('aa', 1, 5, 25)],
      ['aa', 'bb'],
    ],
  ])('%s', (_case, people, expected) => {
    expect(order(people)).toEqual(expected);
  });
});
