import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../../src/platform/access/scope.js';
import type { Queryable } from '../../src/platform/db/types.js';
import {
  cancelDeadlines,
  cancelSupersededDeadlines,
  closeDeadline,
  type DeadlineInput,
  openDeadline,
  openNewDeadlines,
} from '../../src/platform/deadlines/service.js';
import { COUNTY_A, COUNTY_B, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * The shared deadline mechanism (DESIGN "Deadlines"; ARR-11's 30-minute look as the example):
 * obligations opened, moved, closed and cancelled by services; states, escalation and the
 * manual completion through the API, within the caller's jurisdiction only.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let adminA: string;
let communityA: string;
let adminB: string;

const START = new Date('2026-11-24T02:00:00Z');
const TOWN_A = VILLAGE_A.slice(0, 9);
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

beforeAll(async () => {
  env = await openWorldApp();
  adminA = await signInAs(env.app, 'a_admin');
  communityA = await signInAs(env.app, 'a_community');
  adminB = await signInAs(env.app, 'b_admin');
});
afterAll(() => env.close());

const asAdminA = <T>(fn: (tx: Queryable) => Promise<T>) =>
  withScope(env.ctx.db, env.world.users.a_admin!, fn);
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const done = (id: string, cookie: string, payload: object = {}) =>
  env.app.inject({ method: 'POST', url: `/api/deadlines/${id}/done`, headers: { cookie }, payload });
const list = async (query: string, cookie = adminA) => {
  const response = await get(`/api/deadlines?pageSize=200&${query}`, cookie);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Array<Record<string, unknown>>; total: number };
};

function look(subjectId: string, overrides: Partial<DeadlineInput> = {}): DeadlineInput {
  return {
    ruleId: 'ARR-11',
    subjectType: 'landing_report',
    subjectId,
    kind: 'look',
    jurisdictionCode: VILLAGE_A,
    ownerRole: 'community_worker',
    openedAt: START,
    dueAt: minutes(30),
    title: { zh: '查看落地码报备', en: 'Look at the landing-code report' },
    ...overrides,
  };
}

describe('opening, moving, closing and cancelling obligations', () => {
  it('ARR-11 re-opening an open key moves and retitles it; closing it twice closes once; a new opening is a new row', async () => {
    const subject = randomUUID();
    const id = await asAdminA((tx) => openDeadline(tx, look(subject)));
    expect(await asAdminA((tx) => openDeadline(tx, look(subject)))).toBe(id);
    const moved = look(subject, {
      dueAt: minutes(45),
      title: { zh: '复核报备', en: 'Check the report again' },
    });
    expect(await asAdminA((tx) => openDeadline(tx, moved))).toBe(id);
    const [item] = (await list(`subjectId=${subject}`)).items;
    expect(item).toMatchObject({
      id,
      dueAt: minutes(45).toISOString(),
      title: { zh: '复核报备', en: 'Check the report again' },
      state: 'open',
    });

    const at = minutes(10);
    const by = env.world.users.a_community!.userId;
    expect(await asAdminA((tx) => closeDeadline(tx, look(subject), { at, by, outcome: 'seen' }))).toBe(true);
    expect(await asAdminA((tx) => closeDeadline(tx, look(subject), { at, by }))).toBe(false);

    const again = await asAdminA((tx) => openDeadline(tx, look(subject)));
    expect(again).not.toBe(id);
    expect((await list(`subjectId=${subject}`)).items.map((i) => i.id)).toEqual([again]);
    expect((await list(`subjectId=${subject}&state=done`)).items).toEqual([
      expect.objectContaining({ id, state: 'done', doneAt: at.toISOString(), doneBy: by, outcome: 'seen' }),
    ]);
  });

  it('cancels every open obligation of a subject and leaves the closed ones alone', async () => {
    const plan = randomUUID();
    const item = (kind: string, due: number) =>
      look(plan, { ruleId: 'ARR-9', subjectType: 'plan', kind, dueAt: minutes(due) });
    await asAdminA(async (tx) => {
      for (const [kind, due] of [
        ['test:day1', 60],
        ['test:day3', 120],
        ['phase:home', 180],
      ] as const)
        await openDeadline(tx, item(kind, due));
      await closeDeadline(tx, item('test:day1', 60), { at: minutes(5) });
    });
    const cancelled = await asAdminA((tx) =>
      cancelDeadlines(tx, { subjectType: 'plan', subjectId: plan }, 'pack v2', minutes(6)),
    );
    expect(cancelled).toBe(2);
    expect(
      (await list(`subjectId=${plan}&state=cancelled`)).items
        .map((i) => `${i.kind} ${i.cancelReason}`)
        .sort(),
    ).toEqual(['phase:home pack v2', 'test:day3 pack v2']);
    expect((await list(`subjectId=${plan}&state=done`)).total).toBe(1);
    expect((await list(`subjectId=${plan}`)).total).toBe(0);
  });

  it('cancels only what is not yet due when asked, so a missed obligation stays overdue', async () => {
    const stay = randomUUID();
    const item = (kind: string, due: number) =>
      look(stay, { ruleId: 'ARR-12', subjectType: 'stay', kind, dueAt: minutes(due) });
    await asAdminA(async (tx) => {
      await openDeadline(tx, item('nat:day1', 30));
      await openDeadline(tx, item('nat:day2', 120));
    });
    const cancelled = await asAdminA((tx) =>
      cancelDeadlines(tx, { subjectType: 'stay', subjectId: stay }, 'left', minutes(60), {
        onlyDueAfter: minutes(60),
      }),
    );
    expect(cancelled).toBe(1);
    expect((await list(`subjectId=${stay}&state=cancelled`)).items.map((i) => i.kind)).toEqual(['nat:day2']);
    expect((await list(`subjectId=${stay}`)).items.map((i) => i.kind)).toEqual(['nat:day1']);
  });

  it('TST-5 a duty owed once per key opens only keys never opened, and a later one supersedes the earlier', async () => {
    const [p, q] = [randomUUID(), randomUUID()];
    const miss = (subjectId: string, date: string) =>
      look(subjectId, {
        ruleId: 'TST-5',
        subjectType: 'person',
        kind: `routine:${date}`,
        dueAt: minutes(60),
      });
    const first = await asAdminA((tx) =>
      openNewDeadlines(tx, [miss(p, '2026-11-16'), miss(q, '2026-11-16')]),
    );
    expect(first.map((k) => k.subjectId).sort()).toEqual([p, q].sort());
    await asAdminA((tx) => closeDeadline(tx, miss(q, '2026-11-16'), { at: minutes(5) }));
    // Done or open, a key already pushed is not pushed again; the last input for a key wins.
    const again = await asAdminA((tx) =>
      openNewDeadlines(tx, [
        miss(p, '2026-11-16'),
        miss(q, '2026-11-16'),
        miss(p, '2026-11-23'),
        miss(p, '2026-11-23'),
      ]),
    );
    expect(again.map((k) => `${k.subjectId === p ? 'p' : 'q'} ${k.kind}`)).toEqual(['p routine:2026-11-23']);
    const superseded = await asAdminA((tx) =>
      cancelSupersededDeadlines(tx, again, 'routine:', 'superseded by a later missed test', minutes(6)),
    );
    expect(superseded).toBe(1);
    expect((await list(`subjectId=${p}`)).items.map((i) => i.kind)).toEqual(['routine:2026-11-23']);
    expect((await list(`subjectId=${p}&state=cancelled`)).items).toEqual([
      expect.objectContaining({
        kind: 'routine:2026-11-16',
        cancelReason: 'superseded by a later missed test',
      }),
    ]);
    await expect(
      asAdminA((tx) =>
        openNewDeadlines(tx, [miss(p, '2026-11-30'), { ...miss(q, '2026-11-30'), ruleId: 'tst5' }]),
      ),
    ).rejects.toThrow(/rule id/);
  });

  it('refuses malformed obligations before they reach the database', async () => {
    await expect(asAdminA((tx) => openDeadline(tx, look(randomUUID(), { ruleId: 'arr11' })))).rejects.toThrow(
      /rule id/,
    );
    await expect(asAdminA((tx) => openDeadline(tx, look('not-a-uuid')))).rejects.toThrow(/subject id/);
  });
});

describe('states, escalation and the overdue views', () => {
  it('ARR-11 the world’s 30-minute look turns due soon, overdue, and climbs village → town → county', async () => {
    const id = env.world.deadlineA;
    const at = async (n: number) => {
      env.setNow(minutes(n));
      return (await list(`personId=${env.world.personA.id}&ruleId=ARR-11`)).items.find((i) => i.id === id);
    };
    expect(await at(0)).toMatchObject({ state: 'open', escalationLevel: 0, escalatedTo: null });
    expect(await at(25)).toMatchObject({ state: 'due_soon', overdueMinutes: 0 });
    expect(await at(31)).toMatchObject({
      state: 'overdue',
      overdueMinutes: 1,
      escalationLevel: 1,
      escalatedTo: TOWN_A,
    });
    expect(await at(60)).toMatchObject({
      state: 'overdue',
      overdueMinutes: 30,
      escalationLevel: 2,
      escalatedTo: COUNTY_A,
      escalatedToName: '盘山县',
    });
    env.setNow(START);
  });

  it('ARR-11 the county sees what its communities let slip once it reaches the county, the community never', async () => {
    const escalatedIds = async (n: number, cookie: string) => {
      env.setNow(minutes(n));
      return (await list('escalatedToMe=true', cookie)).items.map((i) => i.id);
    };
    expect(await escalatedIds(31, adminA)).not.toContain(env.world.deadlineA);
    expect(await escalatedIds(60, adminA)).toContain(env.world.deadlineA);
    expect(await escalatedIds(600, adminA)).toContain(env.world.deadlineA);
    expect(await escalatedIds(600, communityA)).toEqual([]);
    env.setNow(START);
  });

  it('ARR-11 lists what a village let slip up to a given level, as the dashboard’s heat table counts it', async () => {
    const escalatedTo = async (n: number, query: string) => {
      env.setNow(minutes(n));
      return (await list(query)).items.map((i) => i.id);
    };
    const id = env.world.deadlineA;
    expect(await escalatedTo(31, `jurisdiction=${VILLAGE_A}&escalatedTo=${TOWN_A}`)).toContain(id);
    expect(await escalatedTo(31, `jurisdiction=${VILLAGE_A}&escalatedTo=${COUNTY_A}`)).not.toContain(id);
    expect(await escalatedTo(60, `jurisdiction=${VILLAGE_A}&escalatedTo=${COUNTY_A}`)).toContain(id);
    // Nothing climbs into the jurisdiction that owns it.
    expect(await escalatedTo(600, `escalatedTo=${VILLAGE_A}`)).not.toContain(id);
    expect((await get(`/api/deadlines?escalatedTo=nope`, adminA)).statusCode).toBe(400);
    env.setNow(START);
  });

  it('summarizes by rule ID and state within a subtree', async () => {
    const village = '211122001002';
    await asAdminA(async (tx) => {
      for (const [kind, due] of [
        ['a', 10],
        ['b', 40],
        ['c', 200],
      ] as const)
        await openDeadline(tx, look(randomUUID(), { kind, jurisdictionCode: village, dueAt: minutes(due) }));
      await openDeadline(
        tx,
        look(randomUUID(), { ruleId: 'CAS-2', jurisdictionCode: village, dueAt: minutes(120) }),
      );
      const closed = look(randomUUID(), { jurisdictionCode: village });
      await openDeadline(tx, closed);
      await closeDeadline(tx, closed, { at: minutes(15) });
    });
    env.setNow(minutes(35));
    const response = await get(`/api/deadlines/summary?jurisdiction=${village}`, adminA);
    env.setNow(START);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      counts: { open: 2, due_soon: 1, overdue: 1, done: 1, cancelled: 0 },
      escalatedToMe: 0,
      byRule: [
        { ruleId: 'ARR-11', counts: { open: 1, due_soon: 1, overdue: 1, done: 1, cancelled: 0 } },
        { ruleId: 'CAS-2', counts: { open: 1, due_soon: 0, overdue: 0, done: 0, cancelled: 0 } },
      ],
    });
  });

  it('filters by rule, owner role, subtree (or its own level) and person, and refuses an unknown state', async () => {
    const other = await asAdminA((tx) =>
      openDeadline(
        tx,
        look(randomUUID(), { ruleId: 'EPI-1', ownerRole: 'cdc_epidemiologist', jurisdictionCode: COUNTY_A }),
      ),
    );
    const filtered = async (query: string, field: string, value: string) => {
      const items = (await list(query)).items;
      expect(items.every((i) => i[field] === value)).toBe(true);
      return items.map((i) => i.id);
    };
    expect(await filtered('ruleId=EPI-1', 'ruleId', 'EPI-1')).toContain(other);
    expect(await filtered('ownerRole=cdc_epidemiologist', 'ownerRole', 'cdc_epidemiologist')).toContain(
      other,
    );
    expect(await filtered(`jurisdiction=${VILLAGE_A}`, 'jurisdictionCode', VILLAGE_A)).not.toContain(other);
    // The dashboard's own-level row: items owned at the county itself, none of its villages'.
    const own = await filtered(`jurisdiction=${COUNTY_A}&ownLevel=true`, 'jurisdictionCode', COUNTY_A);
    expect(own).toContain(other);
    expect(own).not.toContain(env.world.deadlineA);
    const personA = env.world.personA.id;
    expect(await filtered(`personId=${personA}`, 'personId', personA)).toContain(env.world.deadlineA);
    expect(await filtered(`personId=${personA}`, 'personId', personA)).not.toContain(other);
    // Each row names its person, so identical titles read as different people's work.
    const mine = (await list(`personId=${personA}`)).items.find((i) => i.id === env.world.deadlineA);
    expect(mine?.personName).toBe(env.world.personA.name);
    expect((await get('/api/deadlines?state=late', adminA)).statusCode).toBe(400);
  });
});

describe('CMD-1 another county', () => {
  it('sees none of the first county’s obligations and cannot close them', async () => {
    const seenByB = await list('', adminB);
    expect(seenByB.items.map((i) => i.id)).toContain(env.world.deadlineB);
    expect(seenByB.items.every((i) => String(i.jurisdictionCode).startsWith(COUNTY_B))).toBe(true);
    expect((await done(env.world.deadlineA, adminB)).statusCode).toBe(404);
    expect((await done(env.world.deadlineB, adminA)).statusCode).toBe(404);
    // B's summary counts B's open items, none of the many opened in A by the tests above.
    const summaryB = (await get('/api/deadlines/summary', adminB)).json();
    const stateCount = (state: string) => seenByB.items.filter((i) => i.state === state).length;
    expect(summaryB.counts).toMatchObject({
      open: stateCount('open'),
      due_soon: stateCount('due_soon'),
      overdue: stateCount('overdue'),
    });
  });
});

describe('marking an obligation done by hand', () => {
  it('ARR-11 records who and why in the audit log, and refuses a second completion with deadline_closed', async () => {
    const id = await asAdminA((tx) => openDeadline(tx, look(randomUUID())));
    env.setNow(minutes(40));
    const response = await done(id, communityA, { outcome: '已电话核实' });
    env.setNow(START);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id,
      state: 'done',
      doneAt: minutes(40).toISOString(),
      doneBy: env.world.users.a_community!.userId,
      outcome: '已电话核实',
      overdueMinutes: 10,
    });
    const audit = (await get(`/api/audit?entity=deadline&entityId=${id}`, adminA)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'deadline.done',
      before: { state: 'overdue' },
      after: { state: 'done', outcome: '已电话核实' },
      detail: { ruleId: 'ARR-11', kind: 'look', manual: true, escalationLevel: 1 },
    });

    const again = await done(id, communityA);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'deadline_closed',
      detail_zh: '该事项已办结或已取消',
      state: 'done',
    });
  });

  it('refuses a cancelled obligation, an unknown one, and one outside the caller’s community', async () => {
    const plan = randomUUID();
    const cancelledId = await asAdminA(async (tx) => {
      const opened = await openDeadline(tx, look(plan, { subjectType: 'plan' }));
      await cancelDeadlines(tx, { subjectType: 'plan', subjectId: plan }, 'replaced', minutes(1));
      return opened;
    });
    expect((await done(cancelledId, adminA)).json()).toMatchObject({
      code: 'deadline_closed',
      state: 'cancelled',
    });
    expect((await done(randomUUID(), adminA)).statusCode).toBe(404);
    const elsewhere = await asAdminA((tx) =>
      openDeadline(tx, look(randomUUID(), { jurisdictionCode: TOWN_A })),
    );
    expect((await done(elsewhere, communityA)).statusCode).toBe(404);
    expect((await done(elsewhere, adminA)).statusCode).toBe(200);
  });
});
