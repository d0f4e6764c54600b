import { describe, expect, it } from 'vitest';
import { matchProtocol, planArrival } from './engine.js';
import { arrival, expected, type Outline, outline, shippedPack } from './testkit.js';
import type { ArrivalFacts } from './types.js';

const pack = shippedPack('chifeng-2022.yaml');

const QH = '“对来自…高风险地区所在区的,实施 14 天集中隔离,前 7 天每日、第10天、第14天进行核酸检测”';
const QM = '“对来自中风险地区所在区的,实行 14 天居家隔离和 5 次核酸检测”';
const QO = '“对来自其他地区人员,实施7天居家隔离和入赤第一时间核酸+抗原双检测,第3天、第7天各进行1次核酸检测”';
const QA = '“所有不符合居家隔离条件的均须集中隔离”';
const QC = '“对上海市、吉林市、满洲里市全域参照高风险地区进行管控”';
const Q12 = '“因特殊情况短时间内不能离开的…每日监测健康状况,严格限制活动范围,每日进行 1 次核酸检测”';

const facts = (at: string, more: Partial<ArrivalFacts>) =>
  arrival(at, { originRisk: 'low', originDistrictRisk: 'low', negativeNatHoursBefore: 30, ...more });

const medium = (kind: string) =>
  expected({
    protocol: 'medium-risk-district-14-home',
    day0: '2022-05-25',
    phases: [`${kind} 2022-05-25→2022-06-08`],
    tests: [
      'nat 2022-05-25',
      'antigen 2022-05-25',
      'nat 2022-05-26',
      'nat 2022-05-28',
      'nat 2022-06-01',
      'nat 2022-06-04',
      'nat 2022-06-08 release',
    ],
    releaseDate: '2022-06-08',
  });

const other = (kind: string) =>
  expected({
    protocol: 'other-areas-7-home',
    day0: '2022-04-30',
    phases: [`${kind} 2022-04-30→2022-05-07`],
    tests: ['nat 2022-04-30', 'antigen 2022-04-30', 'nat 2022-05-03', 'nat 2022-05-07 release'],
    releaseDate: '2022-05-07',
  });

const cases: [string, ArrivalFacts, Outline | undefined][] = [
  [
    `ARR-9 ${QH}: landing NAT + antigen on day 0, NAT on days 1–7, 10 and 14 over a month end`,
    facts('2022-04-28T18:00+08:00', { originDistrictRisk: 'high' }),
    expected({
      protocol: 'high-risk-district-14-central',
      day0: '2022-04-28',
      phases: ['centralised_isolation 2022-04-28→2022-05-12'],
      tests: [
        'nat 2022-04-28',
        'antigen 2022-04-28',
        ...['04-29', '04-30', '05-01', '05-02', '05-03', '05-04', '05-05', '05-08'].map(
          (d) => `nat 2022-${d}`,
        ),
        'nat 2022-05-12 release',
      ],
      releaseDate: '2022-05-12',
    }),
  ],
  [
    `ARR-9 ${QM} (days 1, 3, 7, 10, 14 assumed)`,
    facts('2022-05-25T10:00+08:00', { originDistrictRisk: 'medium', homeIsolationConditions: true }),
    medium('home_isolation'),
  ],
  [
    `ARR-9 ${QM} ${QA}`,
    facts('2022-05-25T10:00+08:00', { originDistrictRisk: 'medium', homeIsolationConditions: false }),
    medium('centralised_isolation'),
  ],
  [
    `ARR-9 ${QO}: arrival at 23:30 on a month end`,
    facts('2022-04-30T23:30+08:00', { homeIsolationConditions: true }),
    other('home_isolation'),
  ],
  [
    `ARR-9 ${QO} ${QA}`,
    facts('2022-04-30T23:30+08:00', { homeIsolationConditions: false }),
    other('centralised_isolation'),
  ],
  [
    `ARR-9 ${QO}: home-isolation conditions not yet known change nothing`,
    facts('2022-04-30T23:30+08:00', {}),
    other('home_isolation'),
  ],
  [
    `ARR-9 “一律查验…48 小时核酸检测阴性证明”: a NAT 50 h old is a shortfall`,
    facts('2022-04-30T23:30+08:00', { negativeNatHoursBefore: 50 }),
    { ...other('home_isolation'), shortfalls: ['negative_nat_within_hours'] },
  ],
  [
    `ARR-12 ${Q12}: a starred truck crew staying over, even from a high-risk district (3 days assumed)`,
    facts('2022-04-28T18:00+08:00', { truckCrew: true, originDistrictRisk: 'high' }),
    expected({
      protocol: 'truck-crew-stay-over',
      day0: '2022-04-28',
      phases: ['health_monitoring 2022-04-28→2022-05-01'],
      tests: ['nat 2022-04-28', 'antigen 2022-04-28', 'nat 2022-04-29', 'nat 2022-04-30', 'nat 2022-05-01'],
      restrictions: [
        'closed_loop_transfer 2022-04-28→2022-04-28',
        'no_movement 2022-04-28→2022-05-01',
        'daily_health_report 2022-04-28→2022-05-01',
      ],
      releaseDate: '2022-05-01',
    }),
  ],
  [
    'the Chifeng notice prescribes nothing for an overseas arrival',
    facts('2022-04-28T18:00+08:00', { origin: 'overseas' }),
    undefined,
  ],
];

describe('Chifeng HQ notice No. 63 of 2022 (seed 004) as packs/chifeng-2022.yaml', () => {
  it.each(cases)('%s', (_title, f, want) => {
    const plan = planArrival(f, pack);
    expect(plan && outline(plan)).toEqual(want);
  });

  it.each([
    ['310115', 'Shanghai 浦东新区', 'high-risk-district-14-central'],
    ['310115005000', 'a Shanghai town (12-digit code)', 'high-risk-district-14-central'],
    ['220204', 'Jilin City 船营区', 'high-risk-district-14-central'],
    ['150781', 'Manzhouli', 'high-risk-district-14-central'],
    ['220102', 'Changchun 南关区 (Jilin Province, not Jilin City)', 'other-areas-7-home'],
    ['150702', 'Hulunbuir 海拉尔区 (beside Manzhouli)', 'other-areas-7-home'],
  ])(`ARR-9 ${QC}: %s (%s) → %s`, (code, _name, protocol) => {
    const f = facts('2022-04-28T18:00+08:00', { originDivisionCode: code });
    expect(matchProtocol(f, pack)?.id).toBe(protocol);
  });

  it(`ARR-9 ${QA}: the replaced phase says which adjustment replaced it`, () => {
    const plan = planArrival(facts('2022-04-30T10:00+08:00', { homeIsolationConditions: false }), pack)!;
    expect(plan.phases[0]).toMatchObject({
      kind: 'centralised_isolation',
      adjustedBy: { from: 'home_isolation', source: { document: '004', section: '§3' } },
    });
  });

  // Issue 12 item 8: the notice's example (北京市) and its "其他地区" are readings of the pack, on the plan.
  it.each<[string, Partial<ArrivalFacts>, string | undefined, object | undefined]>([
    [QH, { originDistrictRisk: 'high' }, '北京市高风险地区所在区', { originDistrictRisk: ['high'] }],
    [QM, { originDistrictRisk: 'medium' }, undefined, undefined],
    [QO, { originRisk: 'key_concern' }, '其他地区', { origin: 'domestic' }],
    [QO, {}, '其他地区', { origin: 'domestic' }],
    [Q12, { truckCrew: true }, undefined, undefined],
  ])("ARR-9 %s: the plan's reading is %s", (_quote, more, term, match) => {
    const plan = planArrival(facts('2022-04-30T10:00+08:00', more), pack)!;
    if (!term) expect(plan.risk?.reading).toBeUndefined();
    else
      expect(plan.risk?.reading).toMatchObject({
        term,
        match,
        source: { document: '004', section: '§3' },
        assumption: true,
        reason: expect.stringMatching(/^条文.*本地口径/),
      });
  });
});
