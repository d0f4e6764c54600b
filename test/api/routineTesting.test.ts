import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../src/modules/persons/index.js';
import { closeSamplingObligations } from '../../src/modules/testing/index.js';
import { withScope } from '../../src/platform/access/scope.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import type { KeyGroup } from '../../src/rules/keyGroups.js';
import { COUNTY_A, COUNTY_B, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

// The test clock is 2026-11-24T02:00Z: Tuesday 10:00 in Asia/Shanghai.
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let adminB: string;
let community: string;
const ids: Record<string, string> = {};
/** The pupil whose weekday slot is Monday (set by the schedule test). */
let slot0 = '';
let seq = 0;

async function person(key: string, groups: KeyGroup[], employer: string | null, county = COUNTY_A) {
  const user = county === COUNTY_A ? env.world.users.a_admin! : env.world.users.b_admin!;
  seq += 1;
  const created = await withScope(env.db, user, (tx) =>
    createPerson(env.ctx, tx, user, {
      name: `常规${key}`,
      idNumber: withCheckDigit(`${county}19900101${String(seq).padStart(3, '0')}`),
      jurisdictionCode: county === COUNTY_A ? VILLAGE_A : `${COUNTY_B}001001`,
      keyGroups: groups,
      employer,
    }),
  );
  ids[key] = created.id;
}

/** A sample of the person at a local date (10:00 Asia/Shanghai), in its own tube. */
async function sampled(key: string, localDate: string, county = COUNTY_A) {
  const at = new Date(`${localDate}T10:00:00+08:00`).toISOString();
  const [tube] = await env.db.query<{ id: string }>(
    `INSERT INTO tubes (barcode, jurisdiction_code, category, capacity, member_count, opened_at, due_at)
     VALUES ($1, $2, 'general', 1, 1, $3, $3) RETURNING id`,
    [`RT${key}${localDate}`, county, at],
  );
  await env.db.query(
    `INSERT INTO samples (tube_id, person_id, jurisdiction_code, purpose, sampled_at) VALUES ($1, $2, $3, 'routine', $4)`,
    [tube!.id, ids[key], county, at],
  );
}

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  adminB = await signInAs(env.app, 'b_admin');
  community = await signInAs(env.app, 'a_community');
  await person('courierLate', ['courier'], '顺丰速运');
  await person('courierOk', ['courier'], '顺丰速运');
  await person('elderly', ['elderly_care'], '盘山县养老院');
  for (let i = 0; i < 5; i++) await person(`pupil${i}`, ['student'], '盘山县第一小学');
  await person('mailB', ['international_mail'], '赤峰邮政', COUNTY_B);
  await sampled('courierLate', '2026-11-21');
  await sampled('courierOk', '2026-11-23');
  for (let i = 0; i < 5; i++) await sampled(`pupil${i}`, '2026-11-16');
  await sampled('mailB', '2026-11-22', COUNTY_B);
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const sweep = (cookie: string) =>
  env.app.inject({ method: 'POST', url: '/api/routine-testing/sweep', headers: { cookie }, payload: {} });

interface Item {
  personId: string;
  keyGroup: string;
  nextDue: string;
  state: string;
  slot: number | null;
  slots: number | null;
  lastTest: string | null;
  department: { zh: string };
  times: number;
  perDays: number;
}

describe('TST-4 routine key-group schedule from the governing pack', () => {
  it("lists county A's key-group people by Panshan v2, which adopts Chifeng's §13 list", async () => {
    const res = await get('/api/routine-testing/schedule?pageSize=50', admin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.today).toBe('2026-11-24');
    const byId = new Map<string, Item>(body.items.map((i: Item) => [i.personId, i]));
    expect(byId.has(ids.mailB!)).toBe(false);
    expect(byId.get(ids.courierLate!)).toMatchObject({
      keyGroup: 'courier',
      times: 1,
      perDays: 2,
      lastTest: '2026-11-21',
      nextDue: '2026-11-23',
      state: 'overdue',
      department: { zh: '邮政管理局' },
    });
    expect(byId.get(ids.courierOk!)).toMatchObject({ nextDue: '2026-11-25', state: 'ok' });
    expect(byId.get(ids.elderly!)).toMatchObject({ lastTest: null, nextDue: '2026-11-24', state: 'due' });
    // "每个工作日抽检 20%": five pupils of one school take Monday … Friday.
    const pupils = [0, 1, 2, 3, 4].map((i) => byId.get(ids[`pupil${i}`]!)!);
    expect(pupils.map((p) => p.slot).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(pupils.every((p) => p.slots === 5)).toBe(true);
    const dueBySlot = Object.fromEntries(pupils.map((p) => [p.slot, p.nextDue]));
    expect(dueBySlot).toEqual({
      0: '2026-11-23',
      1: '2026-11-24',
      2: '2026-11-25',
      3: '2026-11-26',
      4: '2026-11-27',
    });
    expect(pupils.every((p) => p.department.zh === '教育局')).toBe(true);
    slot0 = pupils.find((p) => p.slot === 0)!.personId;
  });

  it('filters by state and key group, and keeps to the scope', async () => {
    const overdue = (await get('/api/routine-testing/schedule?state=overdue', admin)).json();
    expect(overdue.items.map((i: Item) => i.state)).toEqual(['overdue', 'overdue']);
    const couriers = (await get('/api/routine-testing/schedule?keyGroup=courier', admin)).json();
    expect(couriers.total).toBe(2);
    const b = (await get('/api/routine-testing/schedule', adminB)).json();
    expect(b.items.map((i: Item) => i.personId)).toEqual([ids.mailB]);
    expect(b.items[0]).toMatchObject({ nextDue: '2026-11-23', state: 'overdue' });
    expect((await get(`/api/routine-testing/schedule?jurisdiction=${COUNTY_B}`, admin)).statusCode).toBe(403);
    expect((await get('/api/routine-testing/schedule', community)).statusCode).toBe(200);
  });
});

describe('TST-5 missed routine tests pushed to the supervising department', () => {
  const open = () =>
    env.db.query<{
      personId: string;
      kind: string;
      jurisdictionCode: string;
      ownerRole: string;
      dueAt: Date;
      titleZh: string;
    }>(
      `SELECT person_id AS "personId", kind, jurisdiction_code AS "jurisdictionCode", owner_role AS "ownerRole",
         due_at AS "dueAt", title_zh AS "titleZh"
       FROM deadlines WHERE rule_id = 'TST-5' AND done_at IS NULL AND cancelled_at IS NULL ORDER BY kind, person_id`,
    );

  it('opens one same-day item per missed person at the county, idempotently', async () => {
    expect((await sweep(community)).statusCode).toBe(403);
    const first = await sweep(admin);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ opened: 2, today: '2026-11-24' });
    const items = await open();
    expect(items.map((d) => d.personId).sort()).toEqual([ids.courierLate!, slot0].sort());
    for (const item of items) {
      expect(item).toMatchObject({
        kind: 'routine:2026-11-23',
        jurisdictionCode: COUNTY_A,
        ownerRole: 'department_liaison',
      });
      expect(new Date(item.dueAt).toISOString()).toBe('2026-11-24T16:00:00.000Z');
    }
    expect(items.map((d) => d.titleZh).join(' ')).toMatch(/教育局.*学生.*2026-11-23|邮政管理局/);
    expect(items.some((d) => d.titleZh.startsWith('邮政管理局：快递外卖从业人员'))).toBe(true);
    expect((await sweep(admin)).json()).toMatchObject({ opened: 0 });
    expect((await open()).length).toBe(2);
  });

  it('is closed when the person is sampled, and not pushed again', async () => {
    await sampled('courierLate', '2026-11-24');
    await env.db.transaction((tx) => closeSamplingObligations(tx, [ids.courierLate!], env.ctx.now(), null));
    expect((await open()).map((d) => d.personId)).not.toContain(ids.courierLate);
    expect((await sweep(admin)).json()).toMatchObject({ opened: 0 });
    const late = (await get('/api/routine-testing/schedule?keyGroup=courier', admin)).json();
    expect(late.items.find((i: Item) => i.personId === ids.courierLate)).toMatchObject({
      nextDue: '2026-11-26',
      state: 'ok',
    });
  });

  it("county B's sweep opens its own daily miss (Chifeng §13 每日 1 检)", async () => {
    expect((await sweep(adminB)).json()).toMatchObject({ opened: 1 });
    expect((await open()).filter((d) => d.jurisdictionCode === COUNTY_B).map((d) => d.personId)).toEqual([
      ids.mailB,
    ]);
  });
});
