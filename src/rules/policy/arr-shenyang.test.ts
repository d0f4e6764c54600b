import { describe, expect, it } from 'vitest';
import { planArrival } from './engine.js';
import { arrival, expected, type Outline, outline, shippedPack } from './testkit.js';
import type { ArrivalFacts } from './types.js';

const pack = shippedPack('shenyang-2020.yaml');

const Q15 = '“对查验发现的疫情中高风险地区和重点地区来返沈人员要立即登记备案…及时转交至相关地区”';
const Q13 = '“来返沈人员应主动向所在社区(村屯)和单位登记”';

/** 001 §13: every arrival registers with the community and with the employer, on day 0. */
const registration = (day: string) => [
  `register_with_community ${day}→${day}`,
  `register_with_employer ${day}→${day}`,
];

const handover = (protocol: string) =>
  expected({
    protocol,
    day0: '2020-06-30',
    restrictions: ['closed_loop_transfer 2020-06-30→2020-06-30', ...registration('2020-06-30')],
    releaseDate: '2020-06-30',
  });

const cases: [string, ArrivalFacts, Outline | undefined][] = [
  [
    `ARR-15 ${Q15}, §13 ${Q13}: medium-risk area, registered and handed over; the document sets no isolation`,
    arrival('2020-06-30T22:00+08:00', { originRisk: 'medium' }),
    handover('station-risk-area-handover'),
  ],
  [
    `ARR-15 ${Q15}, §13 ${Q13}: high-risk area`,
    arrival('2020-06-30T08:00+08:00', { originRisk: 'high' }),
    handover('station-risk-area-handover'),
  ],
  [
    `ARR-15 ${Q15}, §13 ${Q13}: "重点地区", read as the key-concern areas`,
    arrival('2020-06-30T08:00+08:00', { originRisk: 'key_concern' }),
    handover('station-key-area-handover'),
  ],
  [
    `ARR-8, §13 ${Q13}: a low-risk area arrival is not handed over but registers with community and employer`,
    arrival('2020-06-30T08:00+08:00', { originRisk: 'low' }),
    expected({
      protocol: 'low-risk-register-community-employer',
      day0: '2020-06-30',
      restrictions: registration('2020-06-30'),
      releaseDate: '2020-06-30',
    }),
  ],
  [
    `§13 ${Q13}: at 23:59 on new year's eve the registration is due that day`,
    arrival('2020-12-31T23:59+08:00', { originRisk: 'low' }),
    expected({
      protocol: 'low-risk-register-community-employer',
      day0: '2020-12-31',
      restrictions: registration('2020-12-31'),
      releaseDate: '2020-12-31',
    }),
  ],
  [
    'an origin of unknown risk is not taken as low-risk: no protocol, the CDC decides',
    arrival('2020-06-30T08:00+08:00'),
    undefined,
  ],
  [
    '§12 (境外入沈人员) sets no measures this pack could plan: an overseas arrival matches no protocol',
    arrival('2020-06-30T08:00+08:00', { origin: 'overseas', portIsolationDays: 14 }),
    undefined,
  ],
];

describe('Shenyang normalised-prevention plan (document 001) as packs/shenyang-2020.yaml', () => {
  it.each(cases)('%s', (_title, facts, want) => {
    const plan = planArrival(facts, pack);
    expect(plan && outline(plan)).toEqual(want);
  });

  it(`§13 ${Q13}: every protocol of the pack carries both registrations, citing §13`, () => {
    for (const protocol of pack.protocols) {
      const registrations = (protocol.restrictions ?? []).filter((r) => r.id.startsWith('register_with_'));
      expect([protocol.id, registrations.map((r) => r.id)]).toEqual([
        protocol.id,
        ['register_with_community', 'register_with_employer'],
      ]);
      for (const r of registrations) expect(r.source).toMatchObject({ document: '001', section: '§13' });
    }
  });

  // Issue 12 item 8: the terms the document leaves undefined are readings of the pack, on the plan.
  it.each<[ArrivalFacts['originRisk'], object | undefined]>([
    ['high', undefined],
    ['medium', undefined],
    [
      'key_concern',
      {
        term: '重点地区',
        match: { origin: 'domestic', originRisk: ['key_concern'] },
        source: { document: '001', section: '§20' },
        assumption: true,
      },
    ],
    [
      'low',
      {
        term: '来返沈人员',
        match: { origin: 'domestic', originRisk: ['low'] },
        source: { document: '001', section: '§13', quote: '域外来返沈人员防控常态化' },
        assumption: true,
      },
    ],
  ])('an arrival from a %s area: the plan carries the reading it was made on', (originRisk, reading) => {
    const plan = planArrival(arrival('2020-06-30T08:00+08:00', { originRisk }), pack)!;
    if (reading) expect(plan.risk?.reading).toMatchObject({ ...reading, reason: expect.any(String) });
    else expect(plan.risk?.reading).toBeUndefined();
  });

  it('重点地区 is read differently by the Panjin plan (high and medium risk) and by this one (key concern)', () => {
    const panjin = shippedPack('panjin-2022.yaml');
    const reads = (p: typeof pack, term: string) =>
      p.protocols
        .filter((q) => q.reading?.term.endsWith(term))
        .map((q) => [q.match.originRisk, q.reading?.assumption]);
    expect(reads(panjin, '重点地区')).toEqual([[['high', 'medium'], true]]);
    expect(reads(pack, '重点地区')).toEqual([[['key_concern'], true]]);
  });
});
