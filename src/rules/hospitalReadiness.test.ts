import { describe, expect, it } from 'vitest';
import {
  admitsCases,
  type HospitalCapacity,
  icuBedsRequired,
  owesEmptying,
  readinessShortfalls,
  sumReadiness,
} from './hospitalReadiness.js';

const designated: HospitalCapacity = {
  kind: 'designated',
  status: 'in_use',
  isCountyHospital: false,
  beds: 200,
  icuBeds: 20,
  negativePressureBeds: 0,
  supplyDays: 30,
};
const county: HospitalCapacity = {
  ...designated,
  isCountyHospital: true,
  icuBeds: 20,
  negativePressureBeds: 30,
};

describe('CAS-4 readiness shortfalls (002 §26 "不低于床位总数的 10% 配置重症监护床位"; 003 §3.4.2 "不少于10张病床的ICU救治中心和30张床位的负压病房"; 002 §26 "30天满负荷运转")', () => {
  const cases: Array<[string, HospitalCapacity, string[]]> = [
    ['CAS-4 ICU at exactly 10% of beds is enough', designated, []],
    ['CAS-4 ICU one bed under 10% falls short', { ...designated, icuBeds: 19 }, ['icu_share:19/20']],
    [
      'CAS-4 10% of 95 beds is 10 ICU beds (a share of a bed is a bed)',
      { ...designated, beds: 95, icuBeds: 9 },
      ['icu_share:9/10'],
    ],
    ['CAS-4 supplies for 29 days fall short of 30', { ...designated, supplyDays: 29 }, ['supply_days:29/30']],
    [
      'CAS-4 a county hospital at 10 ICU and 30 negative-pressure beds passes',
      { ...county, beds: 100, icuBeds: 10 },
      [],
    ],
    [
      'CAS-4 a county hospital with 9 ICU and 29 negative-pressure beds falls short twice (and of the 10% share)',
      { ...county, beds: 90, icuBeds: 9, negativePressureBeds: 29 },
      ['county_icu:9/10', 'county_negative_pressure:29/30'],
    ],
    [
      'CAS-4 the county minimums apply to a plain designated hospital not at all',
      { ...designated, beds: 50, icuBeds: 5, negativePressureBeds: 0 },
      [],
    ],
    [
      'CAS-4 a fever clinic screens and refers: no ICU share, no supply figure',
      { ...designated, kind: 'fever_clinic', beds: 10, icuBeds: 0, supplyDays: 0 },
      [],
    ],
    [
      'CAS-4 a mobile cabin on standby must hold its 30 days (004 §22 "确保遇有突发疫情能够迅速启用"), not an ICU share',
      { ...designated, kind: 'mobile_cabin', status: 'standby', beds: 500, icuBeds: 0, supplyDays: 7 },
      ['supply_days:7/30'],
    ],
  ];
  it.each(cases)('%s', (_name, hospital, expected) => {
    expect(readinessShortfalls(hospital).map((s) => `${s.code}:${s.actual}/${s.required}`)).toEqual(expected);
  });

  it('CAS-4 the ICU requirement rounds up: 10% of 101 beds is 11', () => {
    expect([icuBedsRequired(100), icuBedsRequired(101), icuBedsRequired(0)]).toEqual([10, 11, 0]);
  });
});

describe('CAS-4 readiness summed over a jurisdiction', () => {
  it('CAS-4 beds count designated hospitals and cabins, the ICU share designated hospitals only; cabins on standby and shortfalls are counted', () => {
    const sum = sumReadiness([
      county,
      { ...designated, icuBeds: 10 },
      { ...designated, kind: 'fever_clinic', beds: 20, icuBeds: 0 },
      { ...designated, kind: 'mobile_cabin', status: 'standby', beds: 400, icuBeds: 0 },
    ]);
    expect(sum).toEqual({
      hospitals: 4,
      beds: 800,
      icuBeds: 30,
      negativePressureBeds: 30,
      icuSharePct: 7,
      mobileCabins: 1,
      mobileCabinsStandby: 1,
      withShortfalls: 1,
    });
  });
});

describe('CAS-3 four concentrations: where a case may be admitted (001 §11 "集中患者、集中专家、集中资源、集中救治")', () => {
  const cases: Array<[HospitalCapacity['kind'], HospitalCapacity['status'], boolean]> = [
    ['designated', 'in_use', true],
    ['designated', 'standby', false],
    ['fever_clinic', 'in_use', false],
    ['mobile_cabin', 'standby', false],
    ['mobile_cabin', 'in_use', true],
  ];
  it.each(cases)('CAS-3 %s %s admits cases: %s', (kind, status, expected) => {
    expect(admitsCases({ kind, status })).toBe(expected);
  });
});

describe('CAS-4 the 48-hour emptying (002 §26 "出现 10 人以上确诊患者 … 在 48 小时内腾空一所定点医院")', () => {
  const cases: Array<[HospitalCapacity['kind'], number, boolean]> = [
    ['designated', 9, false],
    ['designated', 10, true],
    ['designated', 11, true],
    ['mobile_cabin', 40, false],
  ];
  it.each(cases)('CAS-4 a %s hospital with %i confirmed owes emptying: %s', (kind, confirmed, expected) => {
    expect(owesEmptying(kind, confirmed)).toBe(expected);
  });
});
