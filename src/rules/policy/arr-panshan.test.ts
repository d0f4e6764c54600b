import { describe, expect, it } from 'vitest';
import { planArrival } from './engine.js';
import { arrival, expected, type Outline, outline, shippedPack } from './testkit.js';
import type { ArrivalFacts } from './types.js';

const pack = shippedPack('panshan-2021.yaml');

const Q4 = '“须在指定集中隔离场所观察7天，并进行“1+1”医学检测，一律纳入当地村（社区）防控管理体系”';
const Q5 = '“对国内中高风险地区来盘山返盘山人员实行“闭环”管理，一律集中隔离观察14天，并进行“2+1”医学检测”';
const Q8 =
  '“须提供近7日内核酸检测为阴性证明或…“绿码”，须到属地镇（街道）和村（社区）登记备案后可自由有序流动”';

const arr8 = (shortfalls: string[]) =>
  expected({
    protocol: 'low-risk-area-register',
    day0: '2021-12-31',
    restrictions: ['register_with_community 2021-12-31→2021-12-31'],
    shortfalls,
    releaseDate: '2021-12-31',
  });

const low = (more: Partial<ArrivalFacts>) =>
  arrival('2021-12-31T23:30+08:00', { originRisk: 'low', ...more });

const cases: [string, ArrivalFacts, Outline | undefined][] = [
  [
    `ARR-4 ${Q4}: arrival on a month end`,
    arrival('2022-01-31T10:00+08:00', { origin: 'overseas', portIsolationDays: 14 }),
    expected({
      protocol: 'overseas-after-port-7-central',
      day0: '2022-01-31',
      phases: ['centralised_isolation 2022-01-31→2022-02-07'],
      tests: ['nat 2022-02-07 release', 'serum 2022-02-07 release'],
      restrictions: ['register_with_community 2022-02-07→2022-02-07'],
      releaseDate: '2022-02-07',
    }),
  ],
  [
    `ARR-5 ${Q5}: high-risk area; the 14 days run over a leap day`,
    arrival('2024-02-20T10:00+08:00', { originRisk: 'high' }),
    expected({
      protocol: 'risk-area-14-central',
      day0: '2024-02-20',
      phases: ['centralised_isolation 2024-02-20→2024-03-05'],
      tests: ['nat 2024-02-21', 'nat 2024-03-05 release', 'serum 2024-03-05 release'],
      restrictions: ['closed_loop_transfer 2024-02-20→2024-02-20'],
      releaseDate: '2024-03-05',
    }),
  ],
  [
    `ARR-5 ${Q5}: medium-risk area`,
    arrival('2021-10-10T10:00+08:00', { originRisk: 'medium' }),
    expected({
      protocol: 'risk-area-14-central',
      day0: '2021-10-10',
      phases: ['centralised_isolation 2021-10-10→2021-10-24'],
      tests: ['nat 2021-10-11', 'nat 2021-10-24 release', 'serum 2021-10-24 release'],
      restrictions: ['closed_loop_transfer 2021-10-10→2021-10-10'],
      releaseDate: '2021-10-24',
    }),
  ],
  [`ARR-8 ${Q8}: green code, arriving 23:30 on new year's eve`, low({ greenHealthCode: true }), arr8([])],
  [`ARR-8 ${Q8}: a negative NAT 150 h old and no green code`, low({ negativeNatHoursBefore: 150 }), arr8([])],
  [
    `ARR-8 ${Q8}: a NAT 170 h old (more than 7 days) and no green code`,
    low({ negativeNatHoursBefore: 170, greenHealthCode: false }),
    arr8(['green_health_code_or_negative_nat']),
  ],
  [`ARR-8 ${Q8}: neither NAT nor green code`, low({}), arr8(['green_health_code_or_negative_nat'])],
];

describe('Panshan County plan (seed 003) as packs/panshan-2021.yaml', () => {
  it.each(cases)('%s', (_title, facts, want) => {
    const plan = planArrival(facts, pack);
    expect(plan && outline(plan)).toEqual(want);
  });
});
