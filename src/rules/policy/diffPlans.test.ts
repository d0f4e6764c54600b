import { describe, expect, it } from 'vitest';
import { diffPlans, planArrival } from './engine.js';
import { arrival, shippedPack } from './testkit.js';
import type { Pack, Plan } from './types.js';

const fujian = shippedPack('fujian-2021.yaml');
const highRisk = arrival('2022-02-28T14:00+08:00', { originRisk: 'high' });
const overseas = arrival('2022-01-31T10:00+08:00', { origin: 'overseas' });

/** A new version of the Fujian pack with one protocol changed. */
function revised(protocolId: string, change: (p: Pack['protocols'][number]) => void): Pack {
  const pack = structuredClone(fujian);
  pack.version = '2';
  change(pack.protocols.find((p) => p.id === protocolId)!);
  return pack;
}

const plan = (pack: Pack, facts = highRisk): Plan => planArrival(facts, pack)!;
const labels = (tests: Plan['tests']) => tests.map((t) => `${t.kind} ${t.date} ×${t.reagents}`);

describe('diffPlans: what a new pack version changes for one person (issue 4 Deliver 8)', () => {
  it('finds nothing between a plan and itself', () => {
    expect(diffPlans(plan(fujian), plan(fujian))).toEqual({
      changed: false,
      protocolBefore: 'high-risk-area-14-central',
      protocolAfter: 'high-risk-area-14-central',
      removedTests: [],
      addedTests: [],
      endDateBefore: '2022-03-14',
      endDateAfter: '2022-03-14',
      phaseChanges: [],
      addedRestrictions: [],
      removedRestrictions: [],
    });
  });

  it('ARR-10 a new restriction alone is a change: no gatherings added to the rural returnee plan', () => {
    const returnee = arrival('2022-01-20T09:00+08:00', { returnee: 'rural', originRisk: 'low' });
    const before = plan(fujian, returnee);
    const stricter = revised(before.protocolId, (p) => {
      p.restrictions = [
        ...(p.restrictions ?? []).filter((r) => r.id !== 'register_with_employer'),
        {
          id: 'register_with_employer',
          startDay: 0,
          endDay: 14,
          source: { document: '002', section: '§18' },
        },
      ];
    });
    const diff = diffPlans(before, plan(stricter, returnee));
    expect(diff.changed).toBe(true);
    expect(diff.addedRestrictions.map((r) => `${r.id} ${r.startDate}–${r.endDate}`)).toEqual([
      'register_with_employer 2022-01-20–2022-02-03',
    ]);
    expect(diff.removedRestrictions).toEqual([]);
    expect(diff.addedTests).toEqual([]);
  });

  it('ARR-7 extended from 14 to 21 days: the release test moves, the phase and end date change', () => {
    const longer = revised('high-risk-area-14-central', (p) => {
      p.phases[0]!.endDay = 21;
      p.tests[1]!.days = [21];
    });
    const diff = diffPlans(plan(fujian), plan(longer));
    expect(labels(diff.removedTests)).toEqual(['nat 2022-03-14 ×1']);
    expect(labels(diff.addedTests)).toEqual(['nat 2022-03-21 ×1']);
    expect(diff).toMatchObject({ changed: true, endDateBefore: '2022-03-14', endDateAfter: '2022-03-21' });
    expect(diff.phaseChanges).toEqual([
      {
        kind: 'centralised_isolation',
        before: { startDate: '2022-02-28', endDate: '2022-03-14' },
        after: { startDate: '2022-02-28', endDate: '2022-03-21' },
      },
    ]);
  });

  it('ARR-1: dropping the second reagent on day 14 is a removed and an added test', () => {
    const single = revised('overseas-14-7', (p) => {
      p.tests[1]!.reagents = 1;
    });
    const diff = diffPlans(plan(fujian, overseas), plan(single, overseas));
    expect(labels(diff.removedTests)).toEqual(['nat 2022-02-14 ×2']);
    expect(labels(diff.addedTests)).toEqual(['nat 2022-02-14 ×1']);
    expect(diff.phaseChanges).toEqual([]);
  });

  it('ARR-1: a home phase removed shows as a phase with no after', () => {
    const noHome = revised('overseas-14-7', (p) => {
      p.phases.pop();
      p.tests.pop();
    });
    const diff = diffPlans(plan(fujian, overseas), plan(noHome, overseas));
    expect(diff.phaseChanges).toEqual([
      { kind: 'home_isolation', before: { startDate: '2022-02-14', endDate: '2022-02-21' } },
    ]);
    expect(labels(diff.removedTests)).toEqual(['nat 2022-02-21 ×1']);
    expect(diff.endDateAfter).toBe('2022-02-14');
  });

  it('a second test on the same day counts as added (repeats are counted)', () => {
    const twice = revised('high-risk-area-14-central', (p) => {
      p.tests.push({ ...p.tests[0]! });
    });
    expect(labels(diffPlans(plan(fujian), plan(twice)).addedTests)).toEqual(['nat 2022-03-01 ×1']);
  });

  it('a change of protocol alone counts as a change', () => {
    const before = plan(fujian);
    const diff = diffPlans(before, { ...before, protocolId: 'other' });
    expect(diff).toMatchObject({
      changed: true,
      protocolBefore: 'high-risk-area-14-central',
      protocolAfter: 'other',
    });
  });
});
