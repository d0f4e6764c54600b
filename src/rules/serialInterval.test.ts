import { describe, expect, it } from 'vitest';
import {
  estimate,
  incubationPeriods,
  MIN_PAIRS,
  mulberry32,
  quantile,
  serialIntervals,
} from './serialInterval.js';

/** EPI-5: a cluster's serial interval and incubation estimates, with their 95% interval. */
describe('EPI-5 serial interval and incubation estimates', () => {
  it.each([
    ['EPI-5 no pairs', [], false],
    ['EPI-5 nine pairs: too few (样本不足)', [1, 2, 3, 4, 5, 6, 7, 8, 9], false],
    ['EPI-5 ten pairs: shown', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true],
  ] as const)('%s', (_name, values, enough) => {
    const e = estimate(values);
    expect(e.enough).toBe(enough);
    expect(e.pairs).toBe(values.length);
    if (!enough) expect(e.mean).toBeNull();
  });

  it('EPI-5 mean, median and intervals that hold them; the same pairs give the same interval (seeded)', () => {
    const values = [3, 4, 4, 5, 5, 5, 6, 6, 7, 8, 2, 9, 5, 4, 6];
    const e = estimate(values);
    expect(e.mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 2);
    expect(e.median).toBe(5);
    expect(e.meanCi![0]).toBeLessThan(e.mean!);
    expect(e.meanCi![1]).toBeGreaterThan(e.mean!);
    expect(e.medianCi![0]).toBeLessThanOrEqual(5);
    expect(e.medianCi![1]).toBeGreaterThanOrEqual(5);
    expect(estimate(values)).toEqual(e);
  });

  it('EPI-5 a constant sample has a zero-width interval', () => {
    const e = estimate(new Array(MIN_PAIRS).fill(4));
    expect(e.meanCi).toEqual([4, 4]);
  });

  it('EPI-5 serial intervals need both onsets; they may be negative (presymptomatic transmission)', () => {
    const d = (s: string) => new Date(s);
    expect(
      serialIntervals([
        { infectorOnset: d('2026-01-01T00:00:00Z'), infecteeOnset: d('2026-01-05T12:00:00Z') },
        { infectorOnset: d('2026-01-05T00:00:00Z'), infecteeOnset: d('2026-01-04T00:00:00Z') },
        { infectorOnset: null, infecteeOnset: d('2026-01-04T00:00:00Z') },
      ]),
    ).toEqual([4.5, -1]);
  });

  it('EPI-5 an incubation needs the exposure time; an onset before the exposure is left out', () => {
    const d = (s: string) => new Date(s);
    expect(
      incubationPeriods([
        { exposureAt: d('2026-01-01T00:00:00Z'), onset: d('2026-01-04T00:00:00Z') },
        { exposureAt: d('2026-01-05T00:00:00Z'), onset: d('2026-01-04T00:00:00Z') },
        { exposureAt: null, onset: d('2026-01-04T00:00:00Z') },
      ]),
    ).toEqual([3]);
  });

  it('the PRNG is uniform enough and seeded', () => {
    const r = mulberry32(1);
    const xs = Array.from({ length: 10_000 }, r).sort((a, b) => a - b);
    expect(quantile(xs, 0.5)).toBeGreaterThan(0.47);
    expect(quantile(xs, 0.5)).toBeLessThan(0.53);
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });
});
