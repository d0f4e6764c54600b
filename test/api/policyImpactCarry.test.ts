import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../support/world.js';
import {
  arriveFromHighRisk,
  call,
  detailOf,
  type Env,
  NOW,
  openImpactWorld,
  overdueOnCreation,
  panshanAs,
  panshanMovingNat,
  recordAt,
} from './policyImpactWorld.js';

/**
 * Issue 12 Deliver 4, "change respects work done", on ARR-5 ([003] §3.3.2, the first NAT on day 1):
 * preview, apply, audit and the deadlines opened agree on the catch-ups; a test one version drops
 * and the next restores keeps its result; a test moved earlier counts the NAT taken on its old day;
 * a positive goes with its moved test and owes no catch-up. Each scenario has its own town, all
 * arrivals on 2026-11-19 (day 0); today is 2026-11-24, day 5.
 */
let env: Env;
let admin: string;
let api: ReturnType<typeof call>;
let towns: Array<{ town: string; village: string }>;
const ARRIVED = '2026-11-19T09:00:00+08:00';
const CATCH_UP = '2026-11-25T16:00:00.000Z';
const ARR5_NAT = /(kind: nat\n\s+days: )\[1\]/;

beforeAll(async () => {
  ({ env, admin, towns } = await openImpactWorld());
  api = call(env, admin);
});
afterAll(() => env.close());

interface TestItem {
  kind: string;
  day: number;
}
interface Change {
  arrivalId: string;
  satisfied: Array<{
    test: TestItem;
    by: { item: string; result: string };
    assumption: boolean;
    reason: string;
  }>;
  positive: Array<{ test: TestItem; by: { item: string; result: string } }>;
  doneDropped: Array<{ item: string }>;
  addedInPast: Array<TestItem & { catchUpDueAt: string }>;
  madeUp: Array<{ test: TestItem; by: TestItem }>;
}
const changeOf = async (body: object, arrivalId: string): Promise<Change | undefined> =>
  (await api.post('/api/policy/impact/preview', body)).changes.find((c: Change) => c.arrivalId === arrivalId);
const openWork = (arrivalId: string) =>
  env.db.query<{ kind: string; dueAt: Date; title: string }>(
    `SELECT kind, due_at AS "dueAt", title_zh AS title FROM deadlines WHERE subject_type = 'arrival'
       AND subject_id = $1 AND kind LIKE 'test:%' AND done_at IS NULL AND cancelled_at IS NULL ORDER BY kind`,
    [arrivalId],
  );
const replanAudit = async (arrivalId: string) =>
  (await api.get(`/api/audit?action=replan&entityId=${arrivalId}`)).items[0].detail;
/** Applies at `at` (the clock put back after), signed in then. */
async function applyAt(at: Date, body: object) {
  env.setNow(at);
  try {
    return await call(env, await signInAs(env.app, 'a_admin')).post('/api/policy/impact/apply', body);
  } finally {
    env.setNow(NOW);
  }
}

describe('catch-ups: preview, apply, audit and deadlines agree (missed tests of a kind made up by one)', () => {
  it('ARR-5 daily NATs on days 1–3, day 1 done, seen on day 5: one catch-up (day 3), day 2 made up by it', async () => {
    const person = await arriveFromHighRisk(env, admin, towns[0]?.village ?? '', ARRIVED);
    await recordAt(env, admin, person, 'test:nat:d1', '2026-11-20T09:30:00+08:00');
    await api.post('/api/policy/packs', { yaml: panshanAs('11').replace(ARR5_NAT, '$1[1, 2, 3]') }, 201);
    const body = { packId: 'panshan-2021', version: '11', jurisdictionCode: towns[0]?.town };

    const change = await changeOf(body, person);
    expect(change?.addedInPast).toEqual([
      expect.objectContaining({ kind: 'nat', day: 3, catchUpDueAt: CATCH_UP }),
    ]);
    expect(change?.madeUp).toEqual([
      {
        test: expect.objectContaining({ kind: 'nat', day: 2 }),
        by: expect.objectContaining({ kind: 'nat', day: 3 }),
      },
    ]);

    const applied = await api.post('/api/policy/impact/apply', body);
    // The town also holds the world's ARR-4 arrival, which the version does not change.
    expect(applied).toMatchObject({ replaced: 1, catchUp: 1 });
    expect(await replanAudit(person)).toMatchObject({
      catchUp: ['test:nat:d3'],
      madeUp: [{ item: 'test:nat:d2', by: 'test:nat:d3' }],
    });
    const work = await openWork(person);
    expect(work.map((w) => w.kind)).toEqual(['test:nat:d14', 'test:nat:d3', 'test:serum:d14']);
    expect(work.find((w) => w.kind === 'test:nat:d3')?.dueAt).toEqual(new Date(CATCH_UP));
    expect(await overdueOnCreation(env)).toEqual([]);
  });
});

describe('a test one version drops and the next restores keeps its result', () => {
  it('ARR-5 day-1 NAT done under version 5, dropped by 6, restored by 7: nothing to make up', async () => {
    const person = await arriveFromHighRisk(env, admin, towns[1]?.village ?? '', ARRIVED);
    await recordAt(env, admin, person, 'test:nat:d1', '2026-11-20T09:30:00+08:00');
    const dropDay1 = panshanAs('7').replace(/\n(\s+)- kind: nat\n\s+days: \[1\]\n(?:\1 {2}.*\n)*/, '\n');
    expect(dropDay1).not.toMatch(ARR5_NAT);
    await api.post('/api/policy/packs', { yaml: dropDay1 }, 201);
    await api.post('/api/policy/packs', { yaml: panshanAs('8') }, 201);
    const town = { packId: 'panshan-2021', jurisdictionCode: towns[1]?.town };
    await api.post('/api/policy/impact/apply', { ...town, version: '7' });
    const dropped = await detailOf(env, admin, person);
    expect(dropped.plans[0]?.plan.tests.map((t) => `${t.kind}:d${t.day}`)).toEqual(['nat:d14', 'serum:d14']);

    const change = await changeOf({ ...town, version: '8' }, person);
    expect(change).toMatchObject({ addedInPast: [], satisfied: [], doneDropped: [], madeUp: [] });
    const applied = await api.post('/api/policy/impact/apply', { ...town, version: '8' });
    expect(applied).toMatchObject({ replaced: 1, catchUp: 0 });
    const detail = await detailOf(env, admin, person);
    const [active] = detail.plans;
    expect(detail.events.filter((e) => e.planId === active?.id)).toEqual([
      expect.objectContaining({ item: 'test:nat:d1', result: 'negative', satisfiedBy: null }),
    ]);
    expect(detail.work.map((w) => w.item)).not.toContain('test:nat:d1');
    // Recorded once, carried once: the day-1 NAT is on version 5's plan and on version 7's.
    expect(detail.events.filter((e) => e.item === 'test:nat:d1')).toHaveLength(2);
    expect(await overdueOnCreation(env)).toEqual([]);
  });
});

describe('a test moved earlier counts the NAT taken on its old day (the "third test" in reverse)', () => {
  let negative: string;
  let positive: string;
  const town = () => ({ packId: 'panshan-2021', jurisdictionCode: towns[2]?.town });

  beforeAll(async () => {
    negative = await arriveFromHighRisk(env, admin, towns[2]?.village ?? '', ARRIVED);
    positive = await arriveFromHighRisk(env, admin, towns[2]?.village ?? '', ARRIVED);
    // Version 7 moves the NAT to day 3, applied on day 1; both take it on day 3.
    await api.post('/api/policy/packs', { yaml: panshanMovingNat('9', 3) }, 201);
    await applyAt(new Date('2026-11-20T02:00:00Z'), { ...town(), version: '9' });
    await recordAt(env, admin, negative, 'test:nat:d3', '2026-11-22T09:30:00+08:00');
    const at = '2026-11-22T09:30:00+08:00';
    env.setNow(new Date(at));
    await call(env, admin).post(`/api/arrivals/${positive}/events`, {
      item: 'test:nat:d3',
      result: 'positive',
      at,
    });
    env.setNow(NOW);
    // Version 8 moves it back to day 1, now day 5.
    await api.post('/api/policy/packs', { yaml: panshanAs('10') }, 201);
  });

  it('ARR-5 preview: the day-3 negative counts for day 1 (a local reading), the positive goes with it', async () => {
    const preview = await api.post('/api/policy/impact/preview', { ...town(), version: '10' });
    const byArrival = new Map(preview.changes.map((c: Change) => [c.arrivalId, c]));
    expect(byArrival.get(negative)).toMatchObject({
      satisfied: [
        {
          test: expect.objectContaining({ kind: 'nat', day: 1 }),
          by: expect.objectContaining({ item: 'test:nat:d3', result: 'negative' }),
          assumption: true,
          reason: expect.stringContaining('本地口径'),
        },
      ],
      positive: [],
      doneDropped: [],
      addedInPast: [],
    });
    expect(byArrival.get(positive)).toMatchObject({
      satisfied: [],
      positive: [
        {
          test: expect.objectContaining({ kind: 'nat', day: 1 }),
          by: expect.objectContaining({ item: 'test:nat:d3', result: 'positive' }),
        },
      ],
      doneDropped: [],
      addedInPast: [],
    });
  });

  it('ARR-5 apply: both results on the active plan, no catch-up NAT, nothing overdue', async () => {
    const applied = await api.post('/api/policy/impact/apply', { ...town(), version: '10' });
    expect(applied).toMatchObject({ replaced: 2, satisfied: 1, catchUp: 0 });
    for (const [person, result] of [
      [negative, 'negative'],
      [positive, 'positive'],
    ] as const) {
      const detail = await detailOf(env, admin, person);
      const [active] = detail.plans;
      expect(detail.events.filter((e) => e.planId === active?.id)).toEqual([
        expect.objectContaining({ item: 'test:nat:d1', result, satisfiedBy: 'test:nat:d3' }),
      ]);
      expect((await openWork(person)).map((w) => w.kind)).toEqual(['test:nat:d14', 'test:serum:d14']);
    }
    expect(await replanAudit(positive)).toMatchObject({
      catchUp: [],
      positive: [{ item: 'test:nat:d1', by: 'test:nat:d3' }],
      dropped: [],
    });
    expect(await overdueOnCreation(env)).toEqual([]);
  });
});
