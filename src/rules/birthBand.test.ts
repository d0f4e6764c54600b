import { describe, expect, it } from 'vitest';
import { ageBand, ageOn, birthBand, MIN_BAND_YEARS, MIN_ID_CANDIDATES } from './birthBand.js';
import { withCheckDigit } from './idNumber.js';

describe('birth band shown instead of a birth date (masked means irreversible)', () => {
  it.each([
    // birth date, record created, band
    ['1980-01-01', '2026-11-24', { from: '1980-01-01', to: '1989-12-31' }],
    ['1989-12-31', '2026-11-24', { from: '1980-01-01', to: '1989-12-31' }],
    ['2021-06-01', '2026-11-24', { from: '2020-01-01', to: null }],
    ['2015-03-04', '2026-11-24', { from: '2010-01-01', to: '2019-12-31' }],
    // Created in a decade's first five years: the young decade merges with the one before.
    ['2030-01-05', '2030-01-10', { from: '2020-01-01', to: null }],
    ['2021-01-05', '2030-01-10', { from: '2020-01-01', to: null }],
    ['2019-12-31', '2030-01-10', { from: '2010-01-01', to: '2019-12-31' }],
    ['2034-12-31', '2034-12-31', { from: '2020-01-01', to: null }],
    ['2035-01-01', '2035-01-01', { from: '2030-01-01', to: null }],
    ['1880-01-01', '2026-11-24', { from: '1880-01-01', to: '1889-12-31' }],
  ])('born %s, created %s → %o', (born, created, band) => {
    expect(birthBand(born, created)).toEqual(band);
  });

  it.each([
    ['1980-05-06', '2026-05-05', 45],
    ['1980-05-06', '2026-05-06', 46],
    ['2000-02-29', '2026-02-28', 25],
  ])('born %s is on %s aged %i', (born, today, age) => {
    expect(ageOn(born, today)).toBe(age);
  });

  it('shows ages on today, from the band alone', () => {
    expect(ageBand('1985-07-01', '2026-01-01', '2026-11-24')).toEqual({ minAge: 36, maxAge: 46 });
    expect(ageBand('1981-01-01', '2026-01-01', '2026-11-24')).toEqual({ minAge: 36, maxAge: 46 });
    expect(ageBand('2022-01-01', '2026-01-01', '2026-11-24')).toEqual({ minAge: 0, maxAge: 6 });
    expect(ageBand(null, '2026-01-01', '2026-11-24')).toBeNull();
  });

  // For every creation date, the narrowest band leaves ≥ MIN_ID_CANDIDATES check-digit-valid numbers.
  it.each(['2026-11-24', '2030-01-01', '2034-12-31', '2035-01-01'])(
    'every band for a record created %s leaves ≥ 100 resident ID numbers',
    (created) => {
      const dates: string[] = [];
      const from = Number(created.slice(0, 3)) * 10 - 20;
      for (let day = new Date(`${from}-01-01T00:00:00Z`); ; ) {
        const iso = day.toISOString().slice(0, 10);
        if (iso > created) break;
        dates.push(iso);
        day = new Date(day.getTime() + 86_400_000);
      }
      const bands = new Map<string, string[]>();
      for (const date of dates) {
        const band = birthBand(date, created);
        const key = `${band.from}/${band.to}`;
        bands.set(key, [...(bands.get(key) ?? []), date]);
      }
      for (const members of bands.values()) {
        expect(members.length).toBeGreaterThanOrEqual(MIN_BAND_YEARS * 365);
        // Every sequence with every check character: the fewest matching dates in any band.
        for (const tail of ['001', '002', '123', '999']) {
          const counts = new Map<string, number>();
          for (const date of members) {
            const id = withCheckDigit(`211122${date.replaceAll('-', '')}${tail}`);
            counts.set(id.slice(-1), (counts.get(id.slice(-1)) ?? 0) + 1);
          }
          expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(MIN_ID_CANDIDATES);
        }
      }
    },
  );
});
