import { describe, expect, it } from 'vitest';
import { type InForce, inForceOn, type PackWindow, packInForce } from './inForce.js';

const panjin3: PackWindow = { packId: 'panjin-2022', packVersion: '3', effectiveFrom: '2022-09-01' };
const panshan4: PackWindow = {
  packId: 'panshan-2021',
  packVersion: '4',
  effectiveFrom: '2021-09-01',
  effectiveTo: '2022-08-31',
};
const panshan3: PackWindow = { ...panshan4, packVersion: '3', effectiveFrom: '2021-06-01' };

const governs = (version: PackWindow, current: boolean): InForce => ({ governs: version, current });
const none = (assigned: PackWindow): InForce => ({ governs: null, assigned });

describe('ARR-1 … ARR-10 the plan records the pack version in force on the arrival date', () => {
  it.each<[string, string, PackWindow, PackWindow[], InForce]>([
    ['the assigned version, in force that day', '2022-10-01', panjin3, [], governs(panjin3, true)],
    ['its first day counts', '2022-09-01', panjin3, [], governs(panjin3, true)],
    ['the issue: 2021-12-25 under a pack in force from 2022-09-01', '2021-12-25', panjin3, [], none(panjin3)],
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
  ])('%s (%s)', (_what, date, assigned, history, expected) => {
    expect(packInForce(date, assigned, history)).toEqual(expected);
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
