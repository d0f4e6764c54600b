import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_A } from '../support/world.js';
import {
  arriveFromHighRisk,
  call,
  detailOf,
  type Env,
  openImpactWorld,
  panshanAs,
  panshanMovingNat,
} from './policyImpactWorld.js';

/**
 * Issue 12 Deliver 3: applying a version touches only the plans the changed assignment governs, by
 * the nearest-ancestor rule new arrivals follow; re-assigning a subtree to another pack is
 * previewed and applied the same way, and never silently. Failure seen: "applying the county pack's
 * new version replaced plans in a town that is assigned another pack".
 */
let env: Env;
let admin: string;
let api: ReturnType<typeof call>;
/** Town 1: governed by the county. Town 2: its own assignment (another pack). Town 3: unassigned. */
let towns: Array<{ town: string; village: string }>;
const arrivals: Record<'county' | 'other' | 'unassigned', string[]> = {
  county: [],
  other: [],
  unassigned: [],
};

beforeAll(async () => {
  ({ env, admin, towns } = await openImpactWorld());
  api = call(env, admin);
  const [one, two, three] = towns as [(typeof towns)[0], (typeof towns)[0], (typeof towns)[0]];
  for (const day of ['2026-11-20', '2026-11-22']) {
    arrivals.county.push(await arriveFromHighRisk(env, admin, one.village, `${day}T09:00:00+08:00`));
    arrivals.other.push(await arriveFromHighRisk(env, admin, two.village, `${day}T09:00:00+08:00`));
    arrivals.unassigned.push(await arriveFromHighRisk(env, admin, three.village, `${day}T09:00:00+08:00`));
  }
  // Town 2 was assigned Chifeng's pack after its arrivals were planned, as an assignment could once
  // be made silently (the route now refuses it, see below): its plans are still the county pack's.
  await env.db.query(
    `INSERT INTO policy_assignments (jurisdiction_code, pack_id, pack_version) VALUES ($1, 'chifeng-2022', '6')`,
    [two.town],
  );
  await api.post('/api/policy/packs', { yaml: panshanMovingNat('7', 3) }, 201);
});
afterAll(() => env.close());

const activePlan = async (arrivalId: string) =>
  (await detailOf(env, admin, arrivalId)).plans.find((p) => p.status === 'active');

describe('ARR-5 a new county version reaches only the plans the county’s assignment governs', () => {
  const body = () => ({ packId: 'panshan-2021', version: '7', jurisdictionCode: COUNTY_A });

  it('previews the county’s own arrivals, and shows the town with its own assignment as a boundary', async () => {
    const preview = await api.post('/api/policy/impact/preview', body());
    const changed = preview.changes.map((c: { arrivalId: string }) => c.arrivalId).sort();
    // The world's ARR-4 arrival (town 1) is governed too; its plan does not change.
    expect(changed).toEqual([...arrivals.county, ...arrivals.unassigned].sort());
    expect(preview).toMatchObject({ unchanged: 1, examined: 5, governedElsewhere: 2, outsideWindow: 0 });
    expect(preview.boundary).toEqual([
      {
        jurisdictionCode: towns[1]?.town,
        jurisdictionName: expect.any(String),
        packId: 'chifeng-2022',
        packVersion: '6',
        plans: 2,
      },
    ]);
  });

  it('applies it there only: the other town’s plans stay as they were', async () => {
    const before = await Promise.all(arrivals.other.map(activePlan));
    const applied = await api.post('/api/policy/impact/apply', body());
    expect(applied).toMatchObject({ replaced: 4, unchanged: 1, examined: 5, governedElsewhere: 2 });
    for (const [i, id] of arrivals.other.entries()) {
      const now = await activePlan(id);
      expect(now?.id).toBe(before[i]?.id);
      expect(now?.plan.packVersion).toBe('6');
    }
    for (const id of [...arrivals.county, ...arrivals.unassigned]) {
      expect((await activePlan(id))?.plan).toMatchObject({ packId: 'panshan-2021', packVersion: '7' });
    }
  });
});

describe('ARR-5 re-assigning a subtree to another pack is previewed and applied like a new version', () => {
  it('refuses to re-assign it silently', async () => {
    const refused = await api.put(
      `/api/policy/assignments/${towns[2]?.town}`,
      { packId: 'chifeng-2022', version: '6' },
      409,
    );
    expect(refused).toMatchObject({ code: 'assignment_replans' });
    expect(refused.errors[0]).toMatchObject({ field: 'jurisdictionCode', code: 'assignment_replans' });
  });

  it('previews the town’s plans under the other pack, then applies them', async () => {
    const body = { packId: 'chifeng-2022', version: '6', jurisdictionCode: towns[2]?.town };
    const preview = await api.post('/api/policy/impact/preview', body);
    expect(preview.changes).toHaveLength(2);
    for (const change of preview.changes) {
      expect(change).toMatchObject({
        fromPackId: 'panshan-2021',
        fromVersion: '7',
        fromRule: 'ARR-5',
        toRule: 'ARR-9',
        toTitle: { zh: expect.any(String) },
      });
    }
    expect(await api.post('/api/policy/impact/apply', body)).toMatchObject({ replaced: 2, examined: 2 });
    for (const id of arrivals.unassigned) {
      expect((await activePlan(id))?.plan).toMatchObject({ packId: 'chifeng-2022', packVersion: '6' });
    }
    const governing = await api.get(`/api/policy/assignments?jurisdiction=${towns[2]?.village}`);
    expect(governing.governing).toMatchObject({ jurisdictionCode: towns[2]?.town, packId: 'chifeng-2022' });
  });

  it('assigns a subtree without active plans directly', async () => {
    const village = towns[3]?.village ?? '';
    expect(
      await api.put(`/api/policy/assignments/${village}`, { packId: 'panshan-2021', version: '7' }),
    ).toEqual({
      jurisdictionCode: village,
      packId: 'panshan-2021',
      packVersion: '7',
    });
  });
});

describe('ARR-5 a version reaches only arrivals dated within its dates of effect', () => {
  it('leaves the plans of arrivals before its first day to the version in force then', async () => {
    const later = panshanAs('8').replace(/^effectiveFrom: "[^"]+"/m, 'effectiveFrom: "2026-11-21"');
    await api.post('/api/policy/packs', { yaml: later }, 201);
    const body = { packId: 'panshan-2021', version: '8', jurisdictionCode: towns[0]?.town };
    const preview = await api.post('/api/policy/impact/preview', body);
    // Town 1: the arrivals of 11-20 (outside) and 11-22 (inside), and the world's ARR-4 one of 11-23.
    expect(preview).toMatchObject({ examined: 2, outsideWindow: 1 });
    await api.post('/api/policy/impact/apply', body);
    expect((await activePlan(arrivals.county[0] ?? ''))?.plan.packVersion).toBe('7');
    expect((await activePlan(arrivals.county[1] ?? ''))?.plan.packVersion).toBe('8');
  });
});
