import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyWorkCount, MyWorkPage } from '../../src/api/work.js';
import { createPerson } from '../../src/modules/persons/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { withScope } from '../../src/platform/access/scope.js';
import { type DeadlineInput, openDeadline } from '../../src/platform/deadlines/service.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import type { Role } from '../../src/rules/roles.js';
import { PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * "My work" (issue 13, Deliver 2 and the header count of Deliver 4): a worker's open items with
 * the person's name and address and the one action that closes them, most urgent first; the call
 * button's number for the assignee only, audited as an unmask; the header's count equal to the list.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

const START = new Date('2026-11-24T02:00:00Z');
const TOWN_A = VILLAGE_A.slice(0, 9);
const VILLAGE_A2 = '211122001002';
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const PERSON = { name: '王秀兰', address: '盘山县太平镇前进村三组12号', phone: '13700137001' };

async function addUser(username: string, role: Role, scope: string) {
  await env.ctx.db.transaction((tx) =>
    createUser(tx, undefined, {
      username,
      displayName: username,
      password: PASSWORD,
      roles: [role],
      scopes: [scope],
    }),
  );
  cookies[username] = await signInAs(env.app, username);
}

function item(
  overrides: Partial<DeadlineInput> & Pick<DeadlineInput, 'subjectType' | 'kind'>,
): DeadlineInput {
  return {
    ruleId: 'ARR-9',
    subjectId: randomUUID(),
    jurisdictionCode: VILLAGE_A,
    ownerRole: 'community_worker',
    openedAt: START,
    dueAt: at(24 * 60),
    title: { zh: '事项', en: 'Item' },
    ...overrides,
  };
}

beforeAll(async () => {
  env = await openWorldApp();
  const admin = env.world.users.a_admin!;
  const [person, elsewhere] = await withScope(env.ctx.db, admin, async (tx) => [
    await createPerson(env.ctx, tx, admin, {
      name: PERSON.name,
      idNumber: withCheckDigit('21112219650305012'),
      phone: PERSON.phone,
      jurisdictionCode: VILLAGE_A,
      address: PERSON.address,
    }),
    await createPerson(env.ctx, tx, admin, {
      name: '赵建国',
      idNumber: withCheckDigit('21112219700101013'),
      phone: '13700137002',
      jurisdictionCode: VILLAGE_A2,
      address: '盘山县太平镇另一村',
    }),
  ]);
  const open = (key: string, input: DeadlineInput) =>
    withScope(env.ctx.db, admin, async (tx) => {
      ids[key] = await openDeadline(tx, input);
    });
  // ARR-9 shortfall: long overdue (escalated to the town and county), a call to the person.
  await open(
    'shortfall',
    item({
      subjectType: 'arrival',
      kind: 'shortfall:negative_nat_within_hours',
      personId: person.id,
      openedAt: at(-300),
      dueAt: at(-240),
      title: {
        zh: '补做核酸检测：未提供抵达前48小时内的核酸检测阴性证明',
        en: 'Take a NAT sample: no negative NAT within 48 hours before arrival',
      },
    }),
  );
  // ARR-14: overdue by less, and not yet climbing (nothing climbs before one period from its opening);
  // its title starts with the person's name.
  await open(
    'returnReport',
    item({
      ruleId: 'ARR-14',
      subjectType: 'cadre_leave',
      kind: 'cadre.return_report',
      personId: person.id,
      openedAt: at(-20),
      dueAt: at(-5),
      title: {
        zh: `${PERSON.name}经批准离开(沈阳市),计划2026-11-23返回,返回后报备`,
        en: `${PERSON.name} left with approval (Shenyang), due back 2026-11-23: return report`,
      },
    }),
  );
  // Due soon: 5 minutes left of a 65-minute window.
  await open(
    'escort',
    item({
      ruleId: 'ARR-12',
      subjectType: 'truck_report',
      kind: 'truck.escort',
      openedAt: at(-60),
      dueAt: at(5),
      title: { zh: '货车辽L12345计划抵达，派人引导至目的地', en: 'Truck due: escort it' },
    }),
  );
  // Open, of a subject type no module resolves: offered on the deadlines page.
  await open(
    'mystery',
    item({
      ruleId: 'ARR-11',
      subjectType: 'mystery',
      kind: 'whatever',
      personId: person.id,
      dueAt: at(2 * 1440),
    }),
  );
  // Another role's item in the same village, and the same role's item in another village.
  await open(
    'lab',
    item({ ruleId: 'CAS-2', subjectType: 'person', kind: 'case-report:x', ownerRole: 'lab' }),
  );
  await open(
    'otherVillage',
    item({
      subjectType: 'arrival',
      kind: 'shortfall:negative_nat_within_hours',
      jurisdictionCode: VILLAGE_A2,
      personId: elsewhere.id,
      openedAt: at(-300),
      dueAt: at(-240),
    }),
  );
  cookies.a_community = await signInAs(env.app, 'a_community');
  cookies.a_admin = await signInAs(env.app, 'a_admin');
  cookies.b_admin = await signInAs(env.app, 'b_admin');
  await addUser('a2_community', 'community_worker', VILLAGE_A2);
  await addUser('town_group', 'working_group', TOWN_A);
  await addUser('town_liaison', 'department_liaison', TOWN_A);
  await addUser('town_community', 'community_worker', TOWN_A);
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const call = (id: string, cookie: string) =>
  env.app.inject({ method: 'POST', url: `/api/my-work/${id}/call`, headers: { cookie } });

async function myWork(user: string, query = ''): Promise<MyWorkPage> {
  const response = await get(`/api/my-work${query}`, cookies[user]!);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MyWorkPage;
}

async function myCount(user: string): Promise<MyWorkCount> {
  const response = await get('/api/my-work/count', cookies[user]!);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MyWorkCount;
}

const RANK = { overdue: 0, due_soon: 1, open: 2 } as Record<string, number>;
const byId = (page: MyWorkPage) => new Map(page.items.map((i) => [i.id, i]));

describe('my work', () => {
  it("shows a community worker their village's items with the person's name and address, most urgent first", async () => {
    const page = await myWork('a_community');
    const items = byId(page);
    const shortfall = items.get(ids.shortfall!);
    expect(shortfall).toMatchObject({
      state: 'overdue',
      person: { name: PERSON.name, address: PERSON.address, phoneMasked: expect.stringMatching(/\*/) },
      jurisdictionName: expect.any(String),
      action: { href: expect.stringMatching(/^\/arrivals\//), call: true },
    });
    expect(JSON.stringify(shortfall)).not.toContain(PERSON.phone);
    // The name is on the row already: the title does not say it again.
    const returnReport = items.get(ids.returnReport!)!;
    expect(returnReport.person?.name).toBe(PERSON.name);
    expect(returnReport.title.zh).toBe('经批准离开(沈阳市),计划2026-11-23返回,返回后报备');
    expect(returnReport.title.en).toMatch(/^left with approval/);
    expect(returnReport.action).toEqual({
      label: { zh: '登记返回报备', en: 'Record the return' },
      href: '/cadre-leave',
    });
    expect(items.get(ids.escort!)).toMatchObject({ state: 'due_soon', person: null, minutesLeft: 5 });
    expect(items.get(ids.escort!)!.action.href).toMatch(/^\/trucks\//);
    expect(items.get(ids.mystery!)).toMatchObject({
      state: 'open',
      action: { href: '/deadlines?ruleId=ARR-11' },
    });

    // Overdue first (longest overdue first), then due soon, then open by due time.
    const order = page.items.map((i) => i.id);
    expect(order.indexOf(ids.shortfall!)).toBeLessThan(order.indexOf(ids.returnReport!));
    expect(order.indexOf(ids.returnReport!)).toBeLessThan(order.indexOf(ids.escort!));
    expect(order.indexOf(ids.escort!)).toBeLessThan(order.indexOf(ids.mystery!));
    const keys = page.items.map((i) => [RANK[i.state]!, i.dueAt] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    expect(keys).toEqual(sorted);
    expect(
      page.items.every((i) => i.ownerRole === 'community_worker' && i.jurisdictionCode === VILLAGE_A),
    ).toBe(true);
  });

  it("leaves out another role's items and another subtree's", async () => {
    const mine = byId(await myWork('a_community'));
    expect(mine.has(ids.lab!)).toBe(false);
    expect(mine.has(ids.otherVillage!)).toBe(false);
    const other = byId(await myWork('a2_community'));
    expect(other.has(ids.otherVillage!)).toBe(true);
    expect(other.has(ids.shortfall!)).toBe(false);
    expect(other.get(ids.otherVillage!)?.person?.name).toBe('赵建国');
  });

  it('CMD-1 brings items escalated from the villages to the town, marked as escalated to me', async () => {
    const page = await myWork('town_group');
    const items = byId(page);
    expect(items.get(ids.shortfall!)).toMatchObject({ escalatedToMe: true, state: 'overdue' });
    expect(items.get(ids.otherVillage!)).toMatchObject({ escalatedToMe: true });
    // Not yet escalated, and a community worker's: not the town working group's work.
    expect(items.has(ids.returnReport!)).toBe(false);
    expect(items.has(ids.escort!)).toBe(false);
    expect(page.counts.escalated).toBeGreaterThanOrEqual(2);
  });

  it("CMD-1 puts an escalated item before the level's command and its owner's role, not every role there", async () => {
    const liaison = byId(await myWork('town_liaison'));
    expect(liaison.has(ids.shortfall!)).toBe(false);
    expect(liaison.has(ids.otherVillage!)).toBe(false);
    expect((await myCount('town_liaison')).escalated).toBe(0);
    const community = byId(await myWork('town_community'));
    expect(community.get(ids.shortfall!)).toMatchObject({ escalatedToMe: true });
  });

  it('counts by state every item, and pages them', async () => {
    const all = await myWork('a_community');
    const { counts } = all;
    expect(counts.overdue).toBe(all.items.filter((i) => i.state === 'overdue').length);
    expect(counts.due_soon).toBe(all.items.filter((i) => i.state === 'due_soon').length);
    expect(all.total).toBe(all.items.length);
    const first = await myWork('a_community', '?pageSize=2');
    expect(first.items.map((i) => i.id)).toEqual(all.items.slice(0, 2).map((i) => i.id));
    expect(first.total).toBe(all.total);
    const second = await myWork('a_community', '?pageSize=2&page=2');
    expect(second.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
  });

  it("the header's count equals the list's overdue and escalated counts", async () => {
    for (const user of ['a_community', 'town_group', 'a2_community']) {
      const { counts } = await myWork(user);
      expect(await myCount(user)).toEqual({ overdue: counts.overdue, escalated: counts.escalated });
    }
    expect((await myCount('a_community')).overdue).toBeGreaterThanOrEqual(2);
    expect((await myCount('town_group')).escalated).toBeGreaterThanOrEqual(2);
  });
});

describe('the call button (a task whose job is a call reveals the number to the assignee)', () => {
  const unmaskAudits = () =>
    env.db.query<{ actor: string; detail: Record<string, unknown> }>(
      `SELECT actor_name AS actor, detail FROM audit_log WHERE action = 'unmask' AND detail->>'deadlineId' = $1`,
      [ids.shortfall],
    );

  it('ARR-9 reveals the phone to the assignee, uncached, and audits it as an unmask with its reason', async () => {
    const response = await call(ids.shortfall!, cookies.a_community!);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ phone: PERSON.phone });
    expect(response.headers['cache-control']).toBe('no-store');
    const audits = await unmaskAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor: expect.stringContaining('a_community'),
      detail: { fields: ['phone'], ruleId: 'ARR-9', reason: expect.stringContaining('补做核酸检测') },
    });
    // The audit log says what was shown: the phone, not the ID number.
    const log = (await get('/api/audit?action=unmask&pageSize=5', cookies.a_admin!)).json();
    expect(log.items[0].actionText.zh).toBe('查看完整电话');
  });

  it('refuses everyone else: the level above and another role (403), another subtree or county (404)', async () => {
    const before = (await unmaskAudits()).length;
    expect((await call(ids.shortfall!, cookies.town_group!)).statusCode).toBe(403);
    expect((await call(ids.shortfall!, cookies.a2_community!)).statusCode).toBe(404);
    expect((await call(ids.shortfall!, cookies.b_admin!)).statusCode).toBe(404);
    expect(JSON.stringify((await call(ids.shortfall!, cookies.town_group!)).json())).not.toContain(
      PERSON.phone,
    );
    expect((await unmaskAudits()).length).toBe(before);
  });

  it('has no number for an item whose job is not a call, or that is closed', async () => {
    expect((await call(ids.returnReport!, cookies.a_community!)).statusCode).toBe(404);
    expect((await call(ids.escort!, cookies.a_community!)).statusCode).toBe(404);
    expect((await call(randomUUID(), cookies.a_community!)).statusCode).toBe(404);
    const admin = env.world.users.a_admin!;
    const person = (await myWork('a_community')).items.find((i) => i.id === ids.shortfall)!.person!;
    const closed = await withScope(env.ctx.db, admin, (tx) =>
      openDeadline(
        tx,
        item({ subjectType: 'arrival', kind: 'shortfall:negative_nat_or_green_code', personId: person.id }),
      ),
    );
    const done = await env.app.inject({
      method: 'POST',
      url: `/api/deadlines/${closed}/done`,
      headers: { cookie: cookies.a_community! },
      payload: {},
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await call(closed, cookies.a_community!)).statusCode).toBe(404);
  });
});
