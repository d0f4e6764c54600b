import { describe, expect, it } from 'vitest';
import { planArrival } from './engine.js';
import { arrival, expected, type Outline, outline, shippedPack } from './testkit.js';
import type { ArrivalFacts } from './types.js';

const pack = shippedPack('panjin-2022.yaml');

const Q4 = '“抵盘后仍须在指定场所集中观察 7 天，进行“1+1”医学检测”';
const Q5 = '“隔离期限至入盘后满 14 天，期间进行“2+1”医学检测”';
const Q6 = '“到指定场所进行“1+1”医学检测…不准组织、参加聚集性活动”';

const arr5 = (d0: string, d1: string, d14: string) =>
  expected({
    protocol: 'key-area-14-central',
    day0: d0,
    phases: [`centralised_isolation ${d0}→${d14}`],
    tests: [`nat ${d1}`, `nat ${d14} release`, `serum ${d14} release`],
    releaseDate: d14,
  });

const cases: [string, ArrivalFacts, Outline | undefined][] = [
  [
    `ARR-4 ${Q4}: released from the port, arrives 2022-12-28; 1+1 on day 7 in the new year`,
    arrival('2022-12-28T16:00+08:00', { origin: 'overseas', portIsolationDays: 14 }),
    expected({
      protocol: 'overseas-after-port-7-central',
      day0: '2022-12-28',
      phases: ['centralised_isolation 2022-12-28→2023-01-04'],
      tests: ['nat 2023-01-04 release', 'serum 2023-01-04 release'],
      restrictions: ['closed_loop_transfer 2022-12-28→2022-12-28'],
      releaseDate: '2023-01-04',
    }),
  ],
  [
    `ARR-4 ${Q4}: day 7 is a leap day`,
    arrival('2024-02-22T10:00+08:00', { origin: 'overseas', portIsolationDays: 14 }),
    expected({
      protocol: 'overseas-after-port-7-central',
      day0: '2024-02-22',
      phases: ['centralised_isolation 2024-02-22→2024-02-29'],
      tests: ['nat 2024-02-29 release', 'serum 2024-02-29 release'],
      restrictions: ['closed_loop_transfer 2024-02-22→2024-02-22'],
      releaseDate: '2024-02-29',
    }),
  ],
  [
    `ARR-5 ${Q5}: high-risk area, arrival on a month end`,
    arrival('2022-01-31T09:00+08:00', { originRisk: 'high' }),
    arr5('2022-01-31', '2022-02-01', '2022-02-14'),
  ],
  [
    `ARR-5 ${Q5}: medium-risk area, arrival at 23:30 on new year's eve`,
    arrival('2022-12-31T23:30+08:00', { originRisk: 'medium' }),
    arr5('2022-12-31', '2023-01-01', '2023-01-14'),
  ],
  [
    `ARR-6 ${Q6}: key-concern area, arrival on a leap day`,
    arrival('2024-02-29T10:00+08:00', { originRisk: 'key_concern' }),
    expected({
      protocol: 'key-concern-area-1-1',
      day0: '2024-02-29',
      phases: ['designated_place 2024-02-29→2024-03-01'],
      tests: ['nat 2024-02-29 release', 'serum 2024-02-29 release'],
      restrictions: ['no_gatherings 2024-02-29→2024-03-14'],
      releaseDate: '2024-03-14',
    }),
  ],
  [
    'ARR-4 applies only after 14 days at the first port: a direct overseas arrival has no protocol in seed 000',
    arrival('2022-10-01T10:00+08:00', { origin: 'overseas' }),
    undefined,
  ],
  [
    'seed 000 prescribes nothing for a low-risk area',
    arrival('2022-10-01T10:00+08:00', { originRisk: 'low' }),
    undefined,
  ],
];

describe('Panjin 2022 autumn-winter plan (seed 000) as packs/panjin-2022.yaml', () => {
  it.each(cases)('%s', (_title, facts, want) => {
    const plan = planArrival(facts, pack);
    expect(plan && outline(plan)).toEqual(want);
  });

  it('ARR-5, ARR-6: the test days the seed leaves open are marked as assumptions in the plan', () => {
    const plan = planArrival(arrival('2022-10-01T10:00+08:00', { originRisk: 'high' }), pack)!;
    expect(plan.tests.every((t) => t.assumption === true)).toBe(true);
    expect(plan.phases[0]!.assumption).toBeUndefined();
  });

  // ARR-6 "不准组织、参加聚集性活动": the person leaves the designated place on day 1, but the plan
  // (and the arrival's release) ends only with the no-gatherings restriction.
  it.each<[string, string, string, string]>([
    ['on a leap day', '2024-02-29T10:00+08:00', '2024-03-01', '2024-03-14'],
    ["at 23:30 on new year's eve", '2022-12-31T23:30+08:00', '2023-01-01', '2023-01-14'],
    ['at 00:10, still the day before in UTC', '2022-10-01T00:10+08:00', '2022-10-02', '2022-10-15'],
  ])(
    `ARR-6 ${Q6}: arrival %s leaves the place on %s; the plan ends on %s with the restriction`,
    (_when, at, left, end) => {
      const plan = planArrival(arrival(at, { originRisk: 'key_concern' }), pack)!;
      expect(plan.phases.at(-1)!.endDate).toBe(left);
      expect(plan.restrictions).toMatchObject([{ id: 'no_gatherings', endDate: end }]);
      expect(plan.releaseDate).toBe(end);
    },
  );

  // Issue 12 item 8: "疫情防控重点地区" is a reading of the pack, shown on the plan; the registry's own
  // 重点关注地区 (ARR-6) needs none.
  it.each<[string, ArrivalFacts['originRisk'], string | undefined]>([
    ['ARR-5 high-risk area', 'high', '疫情防控重点地区'],
    ['ARR-5 medium-risk area', 'medium', '疫情防控重点地区'],
    ['ARR-6 key-concern area', 'key_concern', undefined],
  ])('%s: the plan carries the reading of its term (%s → %s)', (_case, originRisk, term) => {
    const plan = planArrival(arrival('2022-10-01T10:00+08:00', { originRisk }), pack)!;
    if (!term) expect(plan.risk?.reading).toBeUndefined();
    else
      expect(plan.risk?.reading).toMatchObject({
        term,
        match: { origin: 'domestic', originRisk: ['high', 'medium'] },
        source: { document: '000', section: '§2.3', quote: '加强外地重点地区和重点关注地区来盘人群管控' },
        assumption: true,
        reason: expect.stringMatching(
          /^方案把“重点地区”与“重点关注地区”分列.*国内中、高风险地区认定.*The plan lists/s,
        ),
      });
  });
});
