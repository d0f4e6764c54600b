import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dischargeFollowUpInForce,
  dischargePlanFor,
  triggerRulesInForce,
} from '../../src/modules/policy/index.js';
import { withScope } from '../../src/platform/access/scope.js';
import { actorFor, COUNTY_A, COUNTY_B } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * The readers other modules plan by: the trigger rules in force (MON-4) and the follow-up after
 * discharge (CAS-3), each from the version that governs a jurisdiction on a local date (inForce.ts).
 * The world assigns 盘山县 (COUNTY_A) Panshan's plan [003, in force from 2021-09-01] and COUNTY_B
 * Chifeng's notice [004]; a village of the county is given Panjin's plan [000, from 2022-09-01].
 */
const VILLAGE = `${COUNTY_A}001006`;
let env: Awaited<ReturnType<typeof openWorldApp>>;
const county = actorFor(randomUUID(), 'county', ['working_group'], [COUNTY_A]);

beforeAll(async () => {
  env = await openWorldApp();
  await env.db.query(
    `INSERT INTO policy_assignments (jurisdiction_code, pack_id, pack_version) VALUES ($1, 'panjin-2022', '5')`,
    [VILLAGE],
  );
});
afterAll(() => env.close());

const rulesOn = (root: string, date: string) =>
  withScope(env.db, county, (tx) => triggerRulesInForce(env.db, tx, root, date));
const ids = (entry: { rules: { id: string }[] } | undefined) => entry?.rules.map((r) => r.id);

describe('MON-4 the trigger rules in force for each subtree', () => {
  it('MON-4 the county runs its own pack’s rules (003 §3.2 "药店购药人群监测"), the village its own', async () => {
    const entries = await rulesOn(COUNTY_A, '2026-12-01');
    expect(entries.map((e) => [e.jurisdictionCode, e.pack?.packId, e.pack?.governedBy])).toEqual([
      [COUNTY_A, 'panshan-2021', COUNTY_A],
      [VILLAGE, 'panjin-2022', VILLAGE],
    ]);
    expect(ids(entries[0])).toEqual([
      'four-class-sales-town',
      'fever-visits-town',
      'environment-positive',
      'school-absence-cluster',
      'ili-county',
    ]);
    expect(entries[0]?.pack?.packVersion).toBe('6');
    // 000 §2.2 "加强发热门诊、个体诊所、药店等哨点管理": sales and fever visits only.
    expect(ids(entries[1])).toEqual(['four-class-sales-town', 'fever-visits-town']);
  });

  it('MON-4 before the village’s version took effect, the county’s governs it', async () => {
    const entries = await rulesOn(COUNTY_A, '2022-01-10');
    expect(entries[1]).toMatchObject({
      jurisdictionCode: VILLAGE,
      pack: { packId: 'panshan-2021', governedBy: COUNTY_A },
    });
    expect(ids(entries[1])).toEqual(ids(entries[0]));
  });

  it('MON-4 before any version took effect, no rule applies', async () => {
    const entries = await rulesOn(COUNTY_A, '2021-01-10');
    expect(entries.every((e) => e.pack === null && e.rules.length === 0)).toBe(true);
  });

  it('MON-4 a root below an assignment takes its ancestor’s rules', async () => {
    const [town] = await rulesOn(`${COUNTY_A}001`, '2026-12-01');
    expect(town).toMatchObject({
      jurisdictionCode: `${COUNTY_A}001`,
      pack: { packId: 'panshan-2021', governedBy: COUNTY_A },
    });
  });
});

describe('CAS-3 the follow-up after discharge in force', () => {
  it('CAS-3 the county’s pack gives 14 days’ isolation and visits in weeks 2 and 4', async () => {
    const found = await withScope(env.db, county, (tx) =>
      dischargeFollowUpInForce(env.db, tx, `${COUNTY_A}001001`, '2026-12-01'),
    );
    expect(found?.pack).toMatchObject({ packId: 'panshan-2021', governedBy: COUNTY_A });
    expect(found?.followUp.steps.map((s) => [s.kind, s.day, s.untilDay])).toEqual([
      ['isolation', 0, 14],
      ['follow_up_visit', 14, undefined],
      ['follow_up_visit', 28, undefined],
    ]);
  });

  it('CAS-3 dated from the local discharge date', async () => {
    const found = await withScope(env.db, county, (tx) =>
      dischargePlanFor(env.db, tx, COUNTY_A, new Date('2026-12-01T23:30+08:00'), 'Asia/Shanghai'),
    );
    expect(found?.plan).toMatchObject({ day0: '2026-12-01', endDate: '2026-12-29' });
    expect(found?.plan.steps.map((s) => s.date)).toEqual(['2026-12-01', '2026-12-15', '2026-12-29']);
  });

  it('CAS-3 a pack whose document is silent on it (004) gives none', async () => {
    const other = actorFor(randomUUID(), 'other', ['working_group'], [COUNTY_B]);
    const found = await withScope(env.db, other, (tx) =>
      dischargeFollowUpInForce(env.db, tx, COUNTY_B, '2026-12-01'),
    );
    expect(found).toBeNull();
  });
});
