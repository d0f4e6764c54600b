import { describe, expect, it } from 'vitest';
import { planArrival } from './engine.js';
import { arrival, expected, type Outline, outline, shippedPack } from './testkit.js';
import type { ArrivalFacts } from './types.js';

const pack = shippedPack('shenyang-2020.yaml');

const Q15 = '“对查验发现的疫情中高风险地区和重点地区来返沈人员要立即登记备案…及时转交至相关地区”';

const handover = (protocol: string) =>
  expected({
    protocol,
    day0: '2020-06-30',
    restrictions: [
      'closed_loop_transfer 2020-06-30→2020-06-30',
      'register_with_community 2020-06-30→2020-06-30',
    ],
    releaseDate: '2020-06-30',
  });

const cases: [string, ArrivalFacts, Outline | undefined][] = [
  [
    `ARR-15 ${Q15}: medium-risk area, registered and handed over; the seed sets no isolation`,
    arrival('2020-06-30T22:00+08:00', { originRisk: 'medium' }),
    handover('station-risk-area-handover'),
  ],
  [
    `ARR-15 ${Q15}: high-risk area`,
    arrival('2020-06-30T08:00+08:00', { originRisk: 'high' }),
    handover('station-risk-area-handover'),
  ],
  [
    `ARR-15 ${Q15}: "重点地区", assumed to be the key-concern areas`,
    arrival('2020-06-30T08:00+08:00', { originRisk: 'key_concern' }),
    handover('station-key-area-handover'),
  ],
  [
    'ARR-15: a low-risk area arrival is not handed over',
    arrival('2020-06-30T08:00+08:00', { originRisk: 'low' }),
    undefined,
  ],
];

describe('Shenyang normalised-prevention plan (seed 001) as packs/shenyang-2020.yaml', () => {
  it.each(cases)('%s', (_title, facts, want) => {
    const plan = planArrival(facts, pack);
    expect(plan && outline(plan)).toEqual(want);
  });
});
