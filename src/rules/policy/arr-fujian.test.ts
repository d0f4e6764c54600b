import { describe, expect, it } from 'vitest';
import { planArrival } from './engine.js';
import { arrival, expected, type Outline, outline, shippedPack } from './testkit.js';
import type { ArrivalFacts } from './types.js';

const pack = shippedPack('fujian-2021.yaml');

const overseas = (at: string, more: Partial<ArrivalFacts> = {}) =>
  arrival(at, { origin: 'overseas', enteredAt: new Date(at), ...more });

const Q1 = '“严格实施“14+7”…在其入境时、集中隔离第7天、第14天各进行一次核酸检测，两种试剂平行检测”';
const Q2 = '“在入境后未满21天返回省内的，仍要实施居家医学观察直至满21天”';
const Q3 = '“再严格落实7天健康监测…入境第28天再进行一次核酸检测”';
const Q7 = '“在医学观察第 1 天、第 14 天各进行一次核酸检测”';
const Q10 = '“返乡后实行 14 天居家健康监测，期间不聚集、不流动，每 7 天开展一次核酸检测”';

const arr1 = (d0: string, d7: string, d14: string, d21: string) =>
  expected({
    protocol: 'overseas-14-7',
    day0: d0,
    phases: [`centralised_isolation ${d0}→${d14}`, `home_isolation ${d14}→${d21}`],
    tests: [`nat ${d0}`, `nat ${d7}`, `nat ${d14} ×2 release`, `nat ${d21} release`],
    restrictions: [`closed_loop_transfer ${d14}→${d14}`],
    releaseDate: d21,
  });

const cases: [string, ArrivalFacts, Outline | undefined][] = [
  [
    `ARR-1 ${Q1}: entry on a month end (2022-01-31)`,
    overseas('2022-01-31T10:00+08:00'),
    arr1('2022-01-31', '2022-02-07', '2022-02-14', '2022-02-21'),
  ],
  [
    `ARR-1 ${Q1}: the day-14 release test falls on a leap day (2024-02-29)`,
    overseas('2024-02-15T09:00+08:00'),
    arr1('2024-02-15', '2024-02-22', '2024-02-29', '2024-03-07'),
  ],
  [
    `ARR-1 ${Q1}: across the year end`,
    overseas('2021-12-25T20:00+08:00', { enteredAt: undefined }),
    arr1('2021-12-25', '2022-01-01', '2022-01-08', '2022-01-15'),
  ],
  [
    `ARR-1 ${Q1}: 23:30 local in Shanghai is day 0 of that local date`,
    overseas('2022-01-31T23:30+08:00'),
    arr1('2022-01-31', '2022-02-07', '2022-02-14', '2022-02-21'),
  ],
  [
    `ARR-1 ${Q1}: 00:30 local in Shanghai is 2022-02-01 though UTC is still 2022-01-31`,
    overseas('2022-01-31T16:30Z'),
    arr1('2022-02-01', '2022-02-08', '2022-02-15', '2022-02-22'),
  ],
  [
    `ARR-1 ${Q1}: 23:30 local in New York is 2022-02-28 though UTC is already 2022-03-01`,
    overseas('2022-03-01T04:30Z', { timeZone: 'America/New_York' }),
    arr1('2022-02-28', '2022-03-07', '2022-03-14', '2022-03-21'),
  ],
  [
    `ARR-1 ${Q1}: arriving here on day 14 from a port in the province leaves the home phase`,
    overseas('2022-01-31T15:00+08:00', { enteredAt: new Date('2022-01-17T08:00+08:00') }),
    expected({
      protocol: 'overseas-14-7',
      day0: '2022-01-17',
      phases: ['home_isolation 2022-01-31→2022-02-07'],
      tests: ['nat 2022-02-07 release'],
      releaseDate: '2022-02-07',
    }),
  ],
  [
    `ARR-2 ${Q2}: 14 days at another port, here on day 16; home until day 21 (a month end)`,
    overseas('2022-01-26T11:00+08:00', {
      enteredAt: new Date('2022-01-10T15:00+08:00'),
      portIsolationDays: 14,
    }),
    expected({
      protocol: 'overseas-other-port-until-21',
      day0: '2022-01-10',
      phases: ['home_isolation 2022-01-26→2022-01-31'],
      tests: ['nat 2022-01-31 release'],
      releaseDate: '2022-01-31',
    }),
  ],
  [
    `ARR-2 ${Q2}: here on day 21 is no longer "未满21天": nothing of the 14+7 is left`,
    overseas('2022-01-31T11:00+08:00', {
      enteredAt: new Date('2022-01-10T15:00+08:00'),
      portIsolationDays: 14,
    }),
    expected({ protocol: 'overseas-14-7', day0: '2022-01-10', releaseDate: '2022-01-31' }),
  ],
  [
    `ARR-3 ${Q3}: close contact entering here; the NAT on day 28 falls on a leap day`,
    overseas('2024-02-01T08:00+08:00', { contact: 'close_contact_of_inbound_positive' }),
    expected({
      protocol: 'inbound-positive-contact-14-7-7',
      day0: '2024-02-01',
      phases: [
        'centralised_isolation 2024-02-01→2024-02-15',
        'home_isolation 2024-02-15→2024-02-22',
        'health_monitoring 2024-02-22→2024-02-29',
      ],
      tests: [
        'nat 2024-02-01',
        'nat 2024-02-08',
        'nat 2024-02-15 ×2 release',
        'nat 2024-02-22 release',
        'nat 2024-02-29',
      ],
      restrictions: [
        'closed_loop_transfer 2024-02-15→2024-02-15',
        'no_gatherings 2024-02-22→2024-02-29',
        'daily_health_report 2024-02-22→2024-02-29',
      ],
      releaseDate: '2024-02-29',
    }),
  ],
  [
    `ARR-3 ${Q3}: wins over ARR-2 after a port; counted from the entry across the year end`,
    overseas('2023-01-01T10:00+08:00', {
      enteredAt: new Date('2022-12-18T09:00+08:00'),
      portIsolationDays: 14,
      contact: 'close_contact_of_inbound_positive',
    }),
    expected({
      protocol: 'inbound-positive-contact-14-7-7',
      day0: '2022-12-18',
      phases: ['home_isolation 2023-01-01→2023-01-08', 'health_monitoring 2023-01-08→2023-01-15'],
      tests: ['nat 2023-01-08 release', 'nat 2023-01-15'],
      restrictions: ['no_gatherings 2023-01-08→2023-01-15', 'daily_health_report 2023-01-08→2023-01-15'],
      releaseDate: '2023-01-15',
    }),
  ],
  [
    `ARR-7 “对高风险地区来（返）闽人员严格实施集中医学观察 14 天” ${Q7}: arrival on 2022-02-28`,
    arrival('2022-02-28T14:00+08:00', { originRisk: 'high' }),
    expected({
      protocol: 'high-risk-area-14-central',
      day0: '2022-02-28',
      phases: ['centralised_isolation 2022-02-28→2022-03-14'],
      tests: ['nat 2022-03-01', 'nat 2022-03-14 release'],
      releaseDate: '2022-03-14',
    }),
  ],
  [
    `ARR-7 “对中风险地区来（返）闽人员严格实施居家医学观察 14 天” ${Q7}: day 1 is a leap day`,
    arrival('2024-02-28T09:00+08:00', { originRisk: 'medium' }),
    expected({
      protocol: 'medium-risk-area-14-home',
      day0: '2024-02-28',
      phases: ['home_isolation 2024-02-28→2024-03-13'],
      tests: ['nat 2024-02-29', 'nat 2024-03-13 release'],
      releaseDate: '2024-03-13',
    }),
  ],
  [
    `ARR-7 ${Q7}: a rural returnee from a high-risk area gets ARR-7, not ARR-10`,
    arrival('2021-02-01T09:00+08:00', { originRisk: 'high', returnee: 'rural', negativeNatHoursBefore: 20 }),
    expected({
      protocol: 'high-risk-area-14-central',
      day0: '2021-02-01',
      phases: ['centralised_isolation 2021-02-01→2021-02-15'],
      tests: ['nat 2021-02-02', 'nat 2021-02-15 release'],
      releaseDate: '2021-02-15',
    }),
  ],
  ...(
    [
      ['with a negative NAT 72 h old', 72, []],
      ['with a NAT 200 h old (more than 7 days)', 200, ['negative_nat_within_hours']],
      ['without a NAT', undefined, ['negative_nat_within_hours']],
    ] as const
  ).map(([what, hours, shortfalls]): [string, ArrivalFacts, Outline] => [
    `ARR-10 ${Q10}, “需持 7 天内有效新冠病毒核酸检测阴性结果返乡”: ${what}`,
    arrival('2021-02-01T09:00+08:00', {
      originRisk: 'low',
      returnee: 'rural',
      negativeNatHoursBefore: hours,
    }),
    expected({
      protocol: 'rural-returnee-14-monitoring',
      day0: '2021-02-01',
      phases: ['health_monitoring 2021-02-01→2021-02-15'],
      tests: ['nat 2021-02-08', 'nat 2021-02-15'],
      restrictions: ['no_gatherings 2021-02-01→2021-02-15', 'no_movement 2021-02-01→2021-02-15'],
      shortfalls: [...shortfalls],
      releaseDate: '2021-02-15',
    }),
  ]),
  [
    'the Fujian plan prescribes nothing for a low-risk area arrival',
    arrival('2021-02-01T09:00+08:00'),
    undefined,
  ],
];

describe('Fujian winter-spring plan (seed 002) as packs/fujian-2021.yaml', () => {
  it.each(cases)('%s', (_title, facts, want) => {
    const plan = planArrival(facts, pack);
    expect(plan && outline(plan)).toEqual(want);
  });

  it('ARR-1: the plan names its pack, version, protocol and rule', () => {
    const plan = planArrival(arrival('2022-01-31T10:00+08:00', { origin: 'overseas' }), pack)!;
    expect(plan).toMatchObject({
      packId: 'fujian-2021',
      packVersion: '5',
      protocolId: 'overseas-14-7',
      rule: 'ARR-1',
      timeZone: 'Asia/Shanghai',
      arrivalDay: 0,
    });
    expect(plan.tests[2]!.source).toMatchObject({ document: '002', section: '§3' });
  });

  it('ARR-2 “在入境后未满21天”: the arrival is day 16 counted from the entry', () => {
    const [, facts] = cases[7]!;
    expect(planArrival(facts, pack)?.arrivalDay).toBe(16);
  });
});
