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
 * Issue 12 Deliver 4 on ARR-5 ([003] §3.3.2: 14 days centralised, "2+1", read as NATs on days 1 and
 * 14). Failure seen: "moving a test from day 1 to day 3: 13 of 30 people had already tested negative
 * on day 1 and now owe a third test; 18 of the 30 new deadlines were overdue when created and
 * escalated at once to the province". Here 30 people arrived on 2026-11-16 … 11-23 into two towns;
 * 13 recorded their day-1 NAT negative. Today is 2026-11-24.
 */
let env: Env;
let admin: string;
let api: ReturnType<typeof call>;
let towns: Array<{ town: string; village: string }>;
interface Person {
  id: string;
  day0: string;
  testedDay1: boolean;
}
const people: Person[] = [];
const CATCH_UP = '2026-11-25T16:00:00.000Z';
const dateAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ env, admin, towns } = await openImpactWorld());
  api = call(env, admin);
  for (let i = 0; i < 30; i++) {
    const day0 = dateAfter('2026-11-16', i % 8);
    // Town 1 takes 20 people, town 2 ten; the town 2 pack refuses earlier results (below).
    const village = (i < 20 ? towns[0] : towns[1])?.village ?? '';
    const id = await arriveFromHighRisk(env, admin, village, `${day0}T09:00:00+08:00`);
    const testedDay1 = dateAfter(day0, 1) < '2026-11-24' && i % 2 === 0 && i < 26;
    if (testedDay1) await recordAt(env, admin, id, 'test:nat:d1', `${dateAfter(day0, 1)}T09:30:00+08:00`);
    people.push({ id, day0, testedDay1 });
  }
  expect(people.filter((p) => p.testedDay1)).toHaveLength(13);
  await api.post('/api/policy/packs', { yaml: panshanMovingNat('7', 3) }, 201);
  await api.post('/api/policy/packs', { yaml: panshanMovingNat('5-strict', 3, false) }, 201);
});
afterAll(() => env.close());

const inTown = (n: number) => people.filter((_, i) => (n === 0 ? i < 20 : i >= 20));
type Change = {
  arrivalId: string;
  satisfied: Array<{ test: { day: number }; by: { item: string; date: string }; assumption: boolean }>;
  refused: Array<{ test: { day: number }; by: { item: string } }>;
  addedInPast: Array<{ day: number; catchUpDueAt: string }>;
  doneDropped: Array<{ item: string }>;
};
const byArrival = (changes: Change[]) => new Map(changes.map((c) => [c.arrivalId, c]));

describe('ARR-5 a NAT moved from day 1 to day 3 (default reading: a done NAT since day 0 counts)', () => {
  const body = () => ({ packId: 'panshan-2021', version: '7', jurisdictionCode: towns[0]?.town });

  it('previews, per person, who already did the moved test and who must make it up by when', async () => {
    const preview = await api.post('/api/policy/impact/preview', body());
    const changes = byArrival(preview.changes);
    for (const person of inTown(0)) {
      const change = changes.get(person.id);
      const day3Past = dateAfter(person.day0, 3) < '2026-11-24';
      if (person.testedDay1) {
        expect(change?.satisfied).toEqual([
          {
            test: expect.objectContaining({ kind: 'nat', day: 3, date: dateAfter(person.day0, 3) }),
            by: expect.objectContaining({
              item: 'test:nat:d1',
              date: dateAfter(person.day0, 1),
              result: 'negative',
            }),
            assumption: true,
            reason: expect.stringContaining('本地口径'),
          },
        ]);
        expect(change?.addedInPast).toEqual([]);
      } else {
        expect(change?.satisfied).toEqual([]);
        expect(change?.addedInPast).toEqual(
          day3Past ? [expect.objectContaining({ kind: 'nat', day: 3, catchUpDueAt: CATCH_UP })] : [],
        );
      }
    }
  });

  it('applies it: nobody who tested on day 1 owes a third test, and nothing is overdue on creation', async () => {
    const applied = await api.post('/api/policy/impact/apply', body());
    const tested = inTown(0).filter((p) => p.testedDay1);
    // The world's ARR-4 arrival lives in town 1 too: unchanged, re-stamped.
    expect(applied).toMatchObject({ replaced: 20, unchanged: 1, satisfied: tested.length });
    expect(await overdueOnCreation(env)).toEqual([]);
    for (const person of inTown(0)) {
      const detail = await detailOf(env, admin, person.id);
      const [active, old] = detail.plans;
      expect(active?.plan.tests.map((t) => `${t.kind}:d${t.day}`)).toEqual([
        'nat:d3',
        'nat:d14',
        'serum:d14',
      ]);
      const day3 = detail.events.find((e) => e.planId === active?.id && e.item === 'test:nat:d3');
      const owed = detail.work.find((w) => w.item === 'test:nat:d3');
      if (person.testedDay1) {
        expect(day3).toMatchObject({ result: 'negative', satisfiedBy: 'test:nat:d1' });
        expect(owed).toBeUndefined();
        // The day-1 result stays where it was recorded, on the replaced plan's history.
        expect(detail.events.find((e) => e.planId === old?.id)).toMatchObject({ item: 'test:nat:d1' });
      } else {
        expect(day3).toBeUndefined();
        const past = dateAfter(person.day0, 3) < '2026-11-24';
        expect(owed).toEqual({
          item: 'test:nat:d3',
          dueAt: past ? CATCH_UP.replace('.000', '') : `${dateAfter(person.day0, 3)}T16:00:00Z`,
          catchUp: past,
        });
      }
    }
    const titles = await env.db.query<{ title: string }>(
      `SELECT title_zh AS title FROM deadlines WHERE subject_type = 'arrival' AND kind = 'test:nat:d3'
         AND done_at IS NULL AND cancelled_at IS NULL AND due_at = $1`,
      [CATCH_UP],
    );
    expect(titles.length).toBeGreaterThan(0);
    for (const { title } of titles) expect(title).toMatch(/^补做：/);
  });
});

describe('ARR-5 the same move in a pack whose item accepts no earlier result', () => {
  const body = () => ({ packId: 'panshan-2021', version: '5-strict', jurisdictionCode: towns[1]?.town });

  it('shows the day-1 NAT as done but not counted: the day-3 NAT is owed (made up when past)', async () => {
    const preview = await api.post('/api/policy/impact/preview', body());
    const changes = byArrival(preview.changes);
    const tested = inTown(1).filter((p) => p.testedDay1);
    expect(tested.length).toBeGreaterThan(0);
    for (const person of tested) {
      const change = changes.get(person.id);
      expect(change?.satisfied).toEqual([]);
      expect(change?.refused).toEqual([
        { test: expect.objectContaining({ day: 3 }), by: expect.objectContaining({ item: 'test:nat:d1' }) },
      ]);
      expect(change?.doneDropped).toEqual([expect.objectContaining({ item: 'test:nat:d1' })]);
    }
    const applied = await api.post('/api/policy/impact/apply', body());
    expect(applied).toMatchObject({ satisfied: 0 });
    for (const person of tested) {
      const detail = await detailOf(env, admin, person.id);
      expect(detail.work.map((w) => w.item)).toContain('test:nat:d3');
    }
    expect(await overdueOnCreation(env)).toEqual([]);
  });
});

describe('late work stays late, new work is reachable', () => {
  it('ARR-5 a NAT missed under the old plan and unchanged by the new one keeps its lateness', async () => {
    // Town 1 is on version 5 now; version 7 changes only a quote, so no plan changes.
    const missed = inTown(0).find((p) => !p.testedDay1 && dateAfter(p.day0, 3) < '2026-11-22');
    expect(missed).toBeDefined();
    const before = await env.db.query<{ openedAt: Date; dueAt: Date }>(
      `SELECT opened_at AS "openedAt", due_at AS "dueAt" FROM deadlines WHERE subject_type = 'arrival'
         AND subject_id = $1 AND kind = 'test:nat:d3' AND done_at IS NULL AND cancelled_at IS NULL`,
      [missed?.id],
    );
    const v7 = panshanMovingNat('9', 3).replace(
      '一律集中隔离观察14天，并进行“2+1”医学检测',
      '一律集中隔离观察14天',
    );
    await api.post('/api/policy/packs', { yaml: v7 }, 201);
    const body = { packId: 'panshan-2021', version: '9', jurisdictionCode: towns[0]?.town };
    // Three days on, the catch-up of version 5 was missed too.
    env.setNow(new Date('2026-11-27T02:00:00Z'));
    try {
      await call(env, await signInAs(env.app, 'a_admin')).post('/api/policy/impact/apply', body);
    } finally {
      env.setNow(NOW);
    }
    const after = await env.db.query<{ openedAt: Date; dueAt: Date }>(
      `SELECT opened_at AS "openedAt", due_at AS "dueAt" FROM deadlines WHERE subject_type = 'arrival'
         AND subject_id = $1 AND kind = 'test:nat:d3' AND done_at IS NULL AND cancelled_at IS NULL`,
      [missed?.id],
    );
    expect(after).toHaveLength(1);
    expect(after).toEqual(before);
    expect(await overdueOnCreation(env)).toEqual([]);
  });

  it('ARR-5 an arrival registered three days late makes up its day-1 NAT by the end of tomorrow', async () => {
    const late = await api.post(
      '/api/arrivals',
      {
        person: { name: '迟报人员', idNumber: '110101199003070038' },
        jurisdictionCode: towns[2]?.village,
        origin: 'domestic',
        originDivisionCode: '310101002',
        arrivedAt: '2026-11-21T09:00:00+08:00',
      },
      201,
    );
    const work = (await detailOf(env, admin, late.id)).work;
    expect(work.find((w) => w.item === 'test:nat:d1')).toEqual({
      item: 'test:nat:d1',
      dueAt: CATCH_UP.replace('.000', ''),
      catchUp: true,
    });
    expect(await overdueOnCreation(env)).toEqual([]);
  });

  it('a version that only re-stamps keeps every result and due time', async () => {
    await api.post(
      '/api/policy/packs',
      { yaml: panshanAs('10').replace(/(kind: nat\n\s+days: )\[1\]/, '$1[3]') },
      201,
    );
    const person = inTown(0).find((p) => p.testedDay1);
    const before = await detailOf(env, admin, person?.id ?? '');
    await api.post('/api/policy/impact/apply', {
      packId: 'panshan-2021',
      version: '10',
      jurisdictionCode: towns[0]?.town,
    });
    const after = await detailOf(env, admin, person?.id ?? '');
    expect(after.packVersion).toBe('10');
    expect(after.work).toEqual(before.work);
    const day3 = after.events.find((e) => e.planId === after.plans[0]?.id);
    expect(day3).toMatchObject({ item: 'test:nat:d3', satisfiedBy: 'test:nat:d1' });
  });
});
