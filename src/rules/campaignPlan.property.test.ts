import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_HOURS_PER_DAY, type PlanLab, planCampaign } from './campaignPlan.js';

const population = fc.integer({ min: 0, max: 30_000_000 });
const poolSize = fc.integer({ min: 1, max: 20 });
const lab = fc.record<PlanLab>({
  instruments: fc.integer({ min: 0, max: 200 }),
  tubesPerInstrumentHour: fc.integer({ min: 0, max: 500 }),
  reagentPhysicalTests: fc.integer({ min: 0, max: 50_000_000 }),
  reagentContractedTests: fc.integer({ min: 0, max: 50_000_000 }),
});
const input = fc.record({
  population,
  poolSize,
  labs: fc.array(lab, { maxLength: 5 }),
  level: fc.constantFrom('county' as const, 'city' as const),
});

describe('the planner for any population', () => {
  it('TST-8 sites: min ≤ max, every site ≤ 3000 people at min and ≤ 2000 at max, both counts minimal', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { sites } = planCampaign(i);
        expect(sites.min).toBeLessThanOrEqual(sites.max);
        expect(i.population === 0 ? sites.max === 0 : sites.min >= 1).toBe(true);
        expect(sites.min * 3000).toBeGreaterThanOrEqual(i.population);
        expect(sites.max * 2000).toBeGreaterThanOrEqual(i.population);
        // One site fewer would put more than the ratio on some site.
        if (sites.min > 0) expect((sites.min - 1) * 3000).toBeLessThan(i.population);
        if (sites.max > 0) expect((sites.max - 1) * 2000).toBeLessThan(i.population);
      }),
    );
  });

  it('TST-8 tables: min ≤ max, every table ≤ 800 people at min and ≤ 600 at max; tables ≥ sites', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { tables, sites, samplingStaff } = planCampaign(i);
        expect(tables.min).toBeLessThanOrEqual(tables.max);
        expect(tables.min * 800).toBeGreaterThanOrEqual(i.population);
        expect(tables.max * 600).toBeGreaterThanOrEqual(i.population);
        if (tables.min > 0) expect((tables.min - 1) * 800).toBeLessThan(i.population);
        if (tables.max > 0) expect((tables.max - 1) * 600).toBeLessThan(i.population);
        expect(tables.min).toBeGreaterThanOrEqual(sites.min);
        expect(samplingStaff.min).toBeLessThanOrEqual(samplingStaff.max);
      }),
    );
  });

  it('TST-9 tubes hold everyone; the needed instruments finish the tubes in 18 h at the labs’ average', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { tubes, lab, reagents } = planCampaign(i);
        expect(tubes * i.poolSize).toBeGreaterThanOrEqual(i.population);
        expect((tubes - 1) * i.poolSize).toBeLessThan(Math.max(i.population, 1));
        expect(lab.tubesPerHour * INSTRUMENT_HOURS_PER_DAY).toBeGreaterThanOrEqual(tubes);
        if (lab.instrumentsNeeded !== null && lab.instrumentsAvailable > 0) {
          const perInstrumentDay =
            (INSTRUMENT_HOURS_PER_DAY * lab.capacityTubesPerHour) / lab.instrumentsAvailable;
          expect(lab.instrumentsNeeded * perInstrumentDay).toBeGreaterThanOrEqual(tubes - 1e-6);
          if (lab.instrumentsNeeded > 0)
            expect((lab.instrumentsNeeded - 1) * perInstrumentDay).toBeLessThan(tubes);
        }
        expect(reagents.totalNeeded).toBe(10 * tubes);
        expect(reagents.physicalNeeded).toBe(6 * tubes);
        expect(reagents.physicalShortfall).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('TST-6 a bigger place never gets less time, and a county always 24 h', () => {
    fc.assert(
      fc.property(population, population, (a, b) => {
        const [small, big] = a <= b ? [a, b] : [b, a];
        const city = (p: number) =>
          planCampaign({ population: p, poolSize: 10, labs: [], level: 'city' }).deadline;
        expect(city(small).limitHours).toBeLessThanOrEqual(city(big).limitHours);
        expect(
          planCampaign({ population: big, poolSize: 10, labs: [], level: 'county' }).deadline.limitHours,
        ).toBe(24);
      }),
    );
  });
});
