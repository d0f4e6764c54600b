import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_A } from '../support/world.js';
import {
  arriveFromHighRisk,
  call,
  detailOf,
  type Env,
  openImpactWorld,
  panshanMovingNat,
  recordAt,
} from './policyImpactWorld.js';

/**
 * Issue 12 Deliver 7, accountability: "the apply audit holds only counts; unchanged plans keep
 * showing the old version". The county applies a version that moves ARR-5's first NAT; the world's
 * ARR-4 arrival is not affected by it.
 */
let env: Env;
let admin: string;
let api: ReturnType<typeof call>;
let moved: string[];
let unchanged: string;

beforeAll(async () => {
  let towns: Array<{ town: string; village: string }>;
  ({ env, admin, towns } = await openImpactWorld());
  api = call(env, admin);
  const village = towns[0]?.village ?? '';
  moved = [
    await arriveFromHighRisk(env, admin, village, '2026-11-19T09:00:00+08:00'),
    await arriveFromHighRisk(env, admin, village, '2026-11-22T09:00:00+08:00'),
  ];
  await recordAt(env, admin, moved[0] ?? '', 'test:nat:d1', '2026-11-20T09:00:00+08:00');
  unchanged = env.world.arrivalA.arrivalId;
  await api.post('/api/policy/packs', { yaml: panshanMovingNat('7', 3) }, 201);
  await api.post('/api/policy/impact/apply', {
    packId: 'panshan-2021',
    version: '7',
    jurisdictionCode: COUNTY_A,
  });
});
afterAll(() => env.close());

describe('accountability of an apply (issue 12 Deliver 7)', () => {
  it('ARR-5 the apply’s audit entry lists every plan it replaced, old and new version and protocol', async () => {
    const audit = await api.get('/api/audit?action=apply_pack');
    expect(audit.items).toHaveLength(1);
    const detail = audit.items[0].detail;
    expect(detail).toMatchObject({
      packId: 'panshan-2021',
      version: '7',
      replaced: 2,
      unchanged: 1,
      examined: 3,
    });
    const byArrival = new Map(detail.plans.map((p: { arrivalId: string }) => [p.arrivalId, p]));
    expect([...byArrival.keys()].sort()).toEqual([...moved, unchanged].sort());
    for (const id of [...moved, unchanged]) {
      const { plans } = await detailOf(env, admin, id);
      const [active, old] = plans;
      expect(byArrival.get(id)).toEqual({
        arrivalId: id,
        personId: expect.any(String),
        changed: id !== unchanged,
        from: {
          planId: old?.id,
          packId: 'panshan-2021',
          version: '6',
          protocol: old?.plan.protocolId,
          rule: expect.any(String),
        },
        to: {
          planId: active?.id,
          packId: 'panshan-2021',
          version: '7',
          protocol: active?.plan.protocolId,
          rule: expect.any(String),
        },
      });
    }
  });

  it('ARR-5 each arrival’s history has its own entry, with what was carried over', async () => {
    const [tested] = moved;
    const audit = await api.get(`/api/audit?action=replan&entityId=${tested}`);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      entity: 'arrival',
      before: { version: '6' },
      after: { version: '7' },
      detail: { changed: true, satisfied: [{ item: 'test:nat:d3', by: 'test:nat:d1' }], dropped: [] },
    });
    expect((await api.get('/api/audit?action=replan')).items).toHaveLength(3);
  });

  it('ARR-4 a plan the new version leaves unchanged shows the version that governs it now', async () => {
    const detail = await detailOf(env, admin, unchanged);
    expect(detail.packVersion).toBe('7');
    const [active, old] = detail.plans;
    expect(active).toMatchObject({ status: 'active', supersededBy: null, plan: { packVersion: '7' } });
    expect(old).toMatchObject({ status: 'superseded', supersededBy: active?.id, plan: { packVersion: '6' } });
    const list = await api.get(`/api/arrivals?jurisdiction=${COUNTY_A}&pageSize=50`);
    const versions = list.items.map((a: { packVersion: string | null }) => a.packVersion);
    expect(versions.filter((v: string | null) => v !== null && v !== '7')).toEqual([]);
  });

  it('ARR-5 the arrival shows which plan replaced which, and the result that satisfied the moved test', async () => {
    const detail = await detailOf(env, admin, moved[0] ?? '');
    const [active, old] = detail.plans;
    expect(old?.supersededBy).toBe(active?.id);
    expect(detail.events).toEqual([
      expect.objectContaining({ planId: old?.id, item: 'test:nat:d1', satisfiedBy: null }),
      expect.objectContaining({ planId: active?.id, item: 'test:nat:d3', satisfiedBy: 'test:nat:d1' }),
    ]);
  });
});

describe('no silent arrivals after a change (issue 12 Deliver 5)', () => {
  it('ARR-5 a version that no longer plans them sends them to the CDC’s review list, with a deadline', async () => {
    const yaml = panshanMovingNat('8', 3).replace(
      'match: { origin: domestic, originRisk: [high, medium] }',
      'match: { origin: domestic, originRisk: [key_concern] }',
    );
    await api.post('/api/policy/packs', { yaml }, 201);
    const body = { packId: 'panshan-2021', version: '8', jurisdictionCode: COUNTY_A };
    const preview = await api.post('/api/policy/impact/preview', body);
    const planless = preview.changes.filter((c: { toProtocol: string | null }) => c.toProtocol === null);
    expect(planless.map((c: { arrivalId: string }) => c.arrivalId).sort()).toEqual([...moved].sort());
    await api.post('/api/policy/impact/apply', body);
    for (const id of moved) {
      const detail = await detailOf(env, admin, id);
      expect(detail.plans.every((p) => p.status === 'superseded')).toBe(true);
      const reviews = await env.db.query<{ owner: string }>(
        `SELECT owner_role AS owner FROM deadlines WHERE subject_type = 'arrival' AND subject_id = $1
           AND kind = 'review:no_protocol' AND done_at IS NULL AND cancelled_at IS NULL`,
        [id],
      );
      expect(reviews).toEqual([{ owner: 'cdc_epidemiologist' }]);
      const [arrival] = await env.db.query<{ status: string }>('SELECT status FROM arrivals WHERE id = $1', [
        id,
      ]);
      expect(arrival?.status).toBe('no_protocol');
    }
    const audit = await api.get('/api/audit?action=apply_pack');
    const latest = audit.items[0].detail.plans.filter((p: { to: unknown }) => p.to === null);
    expect(latest.map((p: { arrivalId: string }) => p.arrivalId).sort()).toEqual([...moved].sort());
  });
});
