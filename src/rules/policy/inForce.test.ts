import { describe, expect, it } from 'vitest';
import { type AssignedVersions, type InForce, inForceOn, type PackWindow, packInForce } from './inForce.js';

const panjin3: PackWindow = { packId: 'panjin-2022', packVersion: '3', effectiveFrom: '2022-09-01' };
const panshan4: PackWindow = {
  packId: 'panshan-2021',
  packVersion: '4',
  effectiveFrom: '2021-09-01',
  effectiveTo: '2022-08-31',
};
const panshan3: PackWindow = { ...panshan4, packVersion: '3', effectiveFrom: '2021-06-01' };
/** The county's version as shipped: in force from 2021-09-01, no end. */
const county4: PackWindow = { packId: 'panshan-2021', packVersion: '4', effectiveFrom: '2021-09-01' };
/** A later county version applied to one town only, in force from 2026-11-21. */
const town7: PackWindow = { ...county4, packVersion: '7', effectiveFrom: '2026-11-21' };

/** The nearest assignment alone, as the single-level cases read. */
const only = (assigned: PackWindow, history: PackWindow[]): AssignedVersions[] => [
  { jurisdictionCode: '211122001006', assigned, history },
];
const level = (jurisdictionCode: string, assigned: PackWindow, history: PackWindow[] = [assigned]) => ({
  jurisdictionCode,
  assigned,
  history,
});
const TOWN = '211122002';
const COUNTY = '211122';
const CITY = '2111';

const governs = (version: PackWindow, current: boolean, by = '211122001006'): InForce => ({
  governs: version,
  jurisdictionCode: by,
  current,
});
const none = (assigned: PackWindow | null): InForce => ({ governs: null, assigned });

describe('ARR-1 … ARR-10 the plan records the pack version in force on the arrival date', () => {
  it.each<[string, string, PackWindow, PackWindow[], InForce]>([
    ['the assigned version, in force that day', '2022-10-01', panjin3, [], governs(panjin3, true)],
    ['its first day counts', '2022-09-01', panjin3, [], governs(panjin3, true)],
    ['a date before the only version assigned anywhere', '2021-12-25', panjin3, [], none(panjin3)],
    ['the day before it takes effect', '2022-08-31', panjin3, [panjin3], none(panjin3)],
    [
      'an earlier version once assigned there governs its own window',
      '2021-12-25',
      panjin3,
      [panjin3, panshan4, panshan3],
      governs(panshan4, false),
    ],
    ['its last day counts', '2022-08-31', panjin3, [panjin3, panshan4], governs(panshan4, false)],
    [
      'overlapping windows: the latest assigned wins',
      '2021-09-15',
      panjin3,
      [panjin3, panshan4, panshan3],
      governs(panshan4, false),
    ],
    [
      'before every window once assigned',
      '2021-05-31',
      panjin3,
      [panjin3, panshan4, panshan3],
      none(panjin3),
    ],
    ['after the assigned version ended', '2022-09-01', panshan4, [panshan4, panshan3], none(panshan4)],
    ['the assigned version wins over history', '2021-10-01', panshan3, [panshan4], governs(panshan3, true)],
  ])('one assignment: %s (%s)', (_what, date, assigned, history, expected) => {
    expect(packInForce(date, only(assigned, history))).toEqual(expected);
  });

  it.each<[string, string, AssignedVersions[], InForce]>([
    [
      'the review’s case: a town’s later version does not reach back; the county’s governs the day before',
      '2026-11-20',
      [level(TOWN, town7), level(COUNTY, county4)],
      governs(county4, false, COUNTY),
    ],
    [
      'the town’s version governs from its first day',
      '2026-11-21',
      [level(TOWN, town7), level(COUNTY, county4)],
      governs(town7, true, TOWN),
    ],
    [
      'a community assigned a city pack later: the county’s governs before it takes effect (2021-12-25)',
      '2021-12-25',
      [level('211122001006', panjin3), level(COUNTY, county4)],
      governs(county4, false, COUNTY),
    ],
    [
      'the nearest assignment’s own history comes before its ancestors',
      '2021-12-25',
      [level(TOWN, panjin3, [panjin3, panshan4]), level(COUNTY, county4)],
      governs(panshan4, false, TOWN),
    ],
    [
      'an ancestor’s earlier version governs when its version now does not yet',
      '2021-07-01',
      [level(TOWN, panjin3), level(COUNTY, county4, [county4, panshan3])],
      governs(panshan3, false, COUNTY),
    ],
    [
      'the nearest ancestor with a version in force wins over one further up',
      '2022-01-10',
      [level(TOWN, town7), level(COUNTY, county4), level(CITY, panshan3, [panshan3])],
      governs(county4, false, COUNTY),
    ],
    [
      'further up when the nearer ancestors held none then',
      '2021-07-01',
      [level(TOWN, town7), level(COUNTY, county4), level(CITY, panshan3, [panshan3])],
      governs(panshan3, false, CITY),
    ],
    [
      'the issue: before every version in force anywhere up the tree, none governs',
      '2021-08-31',
      [level('211122001006', panjin3), level(COUNTY, county4)],
      none(panjin3),
    ],
    ['no assignment anywhere', '2022-10-01', [], none(null)],
  ])('assignments up the tree: %s (%s)', (_what, date, levels, expected) => {
    expect(packInForce(date, levels)).toEqual(expected);
  });

  it('compares whole dates, so that a year end or a leap day is no different', () => {
    const leap = { ...panjin3, effectiveFrom: '2024-02-29', effectiveTo: '2024-12-31' };
    expect(['2024-02-28', '2024-02-29', '2024-12-31', '2025-01-01'].map((d) => inForceOn(d, leap))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('refuses what is not a date rather than comparing text', () => {
    expect(() => inForceOn('2022-9-1', panjin3)).toThrow(RangeError);
  });
});
