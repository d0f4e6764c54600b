import { describe, expect, it } from 'vitest';
import { needsOriginReview, planArrival } from './engine.js';
import { SILENT_PACK_REASON } from './originReading.js';
import { arrival, shippedPack } from './testkit.js';
import type { ArrivalFacts, OriginRisk, Pack } from './types.js';

/**
 * B7: a traveller who could name only their district (北京市朝阳区 110105) when a street of it
 * (110105001) was published high-risk. The registry finds no area containing the district itself
 * (originRisk low) but a finer one inside it (originFinerRisk high); every pack says what applies.
 */
const packs = {
  fujian: shippedPack('fujian-2021.yaml'),
  panjin: shippedPack('panjin-2022.yaml'),
  panshan: shippedPack('panshan-2021.yaml'),
  shenyang: shippedPack('shenyang-2020.yaml'),
  chifeng: shippedPack('chifeng-2022.yaml'),
};

const DISTRICT = '110105';
const coarse = (finer: OriginRisk, more: Partial<ArrivalFacts> = {}) =>
  arrival('2022-05-10T10:00+08:00', {
    originDivisionCode: DISTRICT,
    originRisk: 'low',
    originDistrictRisk: finer === 'high' || finer === 'medium' ? finer : 'low',
    originFinerRisk: finer,
    negativeNatHoursBefore: 20,
    homeIsolationConditions: true,
    ...more,
  });

const cases: [string, Pack, ArrivalFacts, string | undefined, OriginRisk | undefined][] = [
  [
    'ARR-5 / ARR-8 Panshan: a district holding a high-risk street is not "低风险…自由有序流动" but 14 days centralised',
    packs.panshan,
    coarse('high'),
    'risk-area-14-central',
    'high',
  ],
  [
    'ARR-5 Panshan: a medium-risk street counts as medium',
    packs.panshan,
    coarse('medium'),
    'risk-area-14-central',
    'medium',
  ],
  [
    'ARR-8 Panshan: only low-risk areas inside: still registers and moves freely',
    packs.panshan,
    coarse('low'),
    'low-risk-area-register',
    'low',
  ],
  [
    'ARR-7 Fujian: a high-risk street in the district: 14 days centralised',
    packs.fujian,
    coarse('high'),
    'high-risk-area-14-central',
    'high',
  ],
  [
    'ARR-7 Fujian: a medium-risk street in the district: 14 days at home',
    packs.fujian,
    coarse('medium'),
    'medium-risk-area-14-home',
    'medium',
  ],
  [
    'ARR-5 Panjin: a key (high-risk) street in the district: centralised',
    packs.panjin,
    coarse('high'),
    'key-area-14-central',
    'high',
  ],
  [
    'ARR-6 Panjin: a key-concern street in the district: "1+1"',
    packs.panjin,
    coarse('key_concern'),
    'key-concern-area-1-1',
    'key_concern',
  ],
  [
    'ARR-15 Shenyang: registered and handed over like a risk-area arrival',
    packs.shenyang,
    coarse('high'),
    'station-risk-area-handover',
    'high',
  ],
  [
    'ARR-9 Chifeng: "高风险地区所在区": 14 days centralised',
    packs.chifeng,
    coarse('high'),
    'high-risk-district-14-central',
    'high',
  ],
];

describe('B7 an origin known only to a level that holds a published risk area', () => {
  it.each(cases)('%s', (_name, pack, facts, protocol, level) => {
    const plan = planArrival(facts, pack);
    expect(plan?.protocolId).toBe(protocol);
    expect(plan?.risk?.level).toBe(level);
    expect(plan?.risk?.published).toBe('low');
  });

  it.each(Object.entries(packs))(
    '%s states its reading with a seed citation; a silent document says why (assumption)',
    (_id, pack) => {
      const plan = planArrival(coarse('high'), pack);
      const reading = plan?.risk?.coarse;
      expect(reading).toMatchObject({
        finerRisk: 'high',
        reading: 'cautious',
        source: pack.coarseOrigin?.source,
      });
      // Chifeng's notice decides by district ("所在区"); the others are silent and assume.
      expect(reading?.assumption === true).toBe(pack.id !== 'chifeng-2022');
      if (reading?.assumption) expect(reading.reason).toMatch(/从严口径/);
    },
  );

  it('ARR-7 an origin whose own level is already as high says nothing of finer areas', () => {
    const plan = planArrival(
      coarse('medium', { originRisk: 'high', originDistrictRisk: 'high' }),
      packs.fujian,
    );
    expect(plan?.protocolId).toBe('high-risk-area-14-central');
    expect(plan?.risk?.coarse).toBeUndefined();
  });

  it('DESIGN "never understate risk": a pack that is silent takes the cautious reading as an assumption', () => {
    const { coarseOrigin: _, ...silent } = packs.panshan;
    const plan = planArrival(coarse('high'), silent);
    expect(plan?.protocolId).toBe('risk-area-14-central');
    expect(plan?.risk?.coarse).toEqual({
      finerRisk: 'high',
      reading: 'cautious',
      assumption: true,
      reason: SILENT_PACK_REASON,
    });
  });

  it('a pack that sends such origins to the CDC plans nothing until they are established', () => {
    const review: Pack = {
      ...packs.panshan,
      coarseOrigin: { ...packs.panshan.coarseOrigin!, reading: 'review' },
    };
    expect(planArrival(coarse('high'), review)).toBeUndefined();
    expect(needsOriginReview(coarse('high'), review)).toMatchObject({ finerRisk: 'high', reading: 'review' });
    // Nothing finer than the origin: the pack plans as usual.
    expect(planArrival(coarse('low'), review)?.protocolId).toBe('low-risk-area-register');
    expect(needsOriginReview(coarse('low'), review)).toBeUndefined();
  });
});

describe('ARR-9 the plan names the whole-city override it was made on', () => {
  it('a city on the pack’s list (上海市) counts as high-risk, named, with its citation', () => {
    const plan = planArrival(
      arrival('2022-05-10T10:00+08:00', {
        originDivisionCode: '310101',
        originRisk: 'low',
        negativeNatHoursBefore: 20,
      }),
      packs.chifeng,
    );
    expect(plan?.protocolId).toBe('high-risk-district-14-central');
    expect(plan?.risk).toMatchObject({ level: 'high', districtLevel: 'high', published: 'low' });
    expect(plan?.risk?.override).toMatchObject({ name: '上海市', assumption: true });
    expect(plan?.risk?.override?.source?.quote).toContain('全域参照高风险地区进行管控');
  });

  it('the HQ’s own override (already in the registry’s level) is named too', () => {
    const plan = planArrival(
      arrival('2022-05-10T10:00+08:00', {
        originDivisionCode: '150781',
        originRisk: 'high',
        originOverrideName: '满洲里市全域',
      }),
      packs.fujian,
    );
    expect(plan?.risk).toEqual({
      level: 'high',
      published: 'high',
      districtLevel: 'high',
      override: { name: '满洲里市全域' },
    });
  });

  it('an overseas arrival’s plan carries no origin risk', () => {
    const plan = planArrival(arrival('2022-01-31T10:00+08:00', { origin: 'overseas' }), packs.fujian);
    expect(plan?.risk).toEqual({});
  });
});
