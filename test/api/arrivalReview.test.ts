import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/platform/access/accounts.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, COUNTY_B, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Issue 12 Deliver 5, no silent arrivals: an arrival that no protocol matches goes to the CDC's
 * review list with its facts and a deadline; a shortfall (ARR-8, ARR-9) is the community's task.
 * 盘山县 (COUNTY_A) is governed by Panshan's plan [003], 红山区 (COUNTY_B) by Chifeng's [004].
 */
const CHIFENG_VILLAGE = `${COUNTY_B}001001`;
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let cdc: string;
let community: string;
let chifeng: string;

beforeAll(async () => {
  env = await openWorldApp();
  await env.db.transaction((tx) =>
    createUser(tx, undefined, {
      username: 'a_cdc',
      displayName: 'a_cdc',
      password: PASSWORD,
      roles: ['cdc_epidemiologist'],
      scopes: [COUNTY_A],
    }),
  );
  const users = ['a_admin', 'a_cdc', 'a_community', 'b_admin'] as const;
  [admin, cdc, community, chifeng] = (await Promise.all(users.map((user) => signInAs(env.app, user)))) as [
    string,
    string,
    string,
    string,
  ];
  // 广州市海珠区 a key-concern area (ARR-6) since 11-01: Panshan's plan has no protocol for it.
  await env.db.query(
    `INSERT INTO risk_areas (id, level, division_code, area_name, published_at, publisher) VALUES
       (gen_random_uuid(), 'key_concern', '440105', '海珠区', '2026-11-01T00:00:00Z', '广州市')`,
  );
});
afterAll(() => env.close());

const send = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

let serial = 0;
function arrive(cookie: string, more: Record<string, unknown>, jurisdictionCode = VILLAGE_A) {
  serial += 1;
  return send(cookie, 'POST', '/api/arrivals', {
    person: { name: `来返${serial}`, idNumber: withCheckDigit(`21112219850404${String(300 + serial)}`) },
    jurisdictionCode,
    arrivedAt: '2026-11-23T10:00:00Z',
    ...more,
  });
}

interface Deadline {
  kind: string;
  owner: string;
  jurisdiction: string;
  rule: string;
  opened: Date;
  due: Date;
  done: Date | null;
  cancelled: Date | null;
  outcome: string | null;
}
const deadlines = (arrivalId: string, like: string) =>
  env.db.query<Deadline>(
    `SELECT kind, owner_role AS owner, jurisdiction_code AS jurisdiction, rule_id AS rule, opened_at AS opened,
       due_at AS due, done_at AS done, cancelled_at AS cancelled, outcome
     FROM deadlines WHERE subject_type = 'arrival' AND subject_id = $1 AND kind LIKE $2 ORDER BY created_at`,
    [arrivalId, like],
  );
const reviewItem = async (id: string) =>
  (await send(cdc, 'GET', '/api/arrivals/review?pageSize=200'))
    .json()
    .items.find((i: { id: string }) => i.id === id);

describe('no protocol matches: the CDC review list, with the facts and a deadline', () => {
  let overseas: string;
  let keyConcern: string;

  it('an overseas arrival with 3 days at the port matches nothing in Panshan’s plan: it waits for the CDC', async () => {
    const detail = (
      await arrive(admin, {
        origin: 'overseas',
        originCountry: '韩国',
        enteredAt: '2026-11-19T02:00:00Z',
        portIsolationDays: 3,
      })
    ).json();
    overseas = detail.id;
    expect(detail).toMatchObject({ status: 'no_protocol', ruleId: null, plans: [] });
    const item = await reviewItem(overseas);
    expect(item).toMatchObject({
      reason: 'no_protocol',
      arrivalDate: '2026-11-23',
      pack: { id: 'panshan-2021', version: '6', effectiveFrom: '2021-09-01' },
      facts: {
        origin: 'overseas',
        originCountry: '韩国',
        portIsolationDays: 3,
        daysSinceEntry: 4,
        contact: null,
        returnee: null,
        truckCrew: false,
      },
      deadline: { overdue: false },
    });
    const [review] = await deadlines(overseas, 'review:%');
    expect(review).toMatchObject({
      kind: 'review:no_protocol',
      owner: 'cdc_epidemiologist',
      jurisdiction: VILLAGE_A,
      rule: 'ARR-11',
      done: null,
    });
    expect(item.deadline.id).toBeTruthy();
  });

  it('a key-concern origin (ARR-6) Panshan’s plan does not cover waits too, with the risk as read', async () => {
    const detail = (await arrive(admin, { origin: 'domestic', originDivisionCode: '440105' })).json();
    keyConcern = detail.id;
    expect(detail).toMatchObject({ status: 'no_protocol', originRisk: 'key_concern' });
    expect((await reviewItem(keyConcern)).facts).toMatchObject({
      origin: 'domestic',
      originDivisionCode: '440105',
      originRisk: 'key_concern',
    });
  });

  it('lists by reason and scope: another county sees none of them', async () => {
    const noPack = (await send(cdc, 'GET', '/api/arrivals/review?reason=no_pack')).json();
    expect(noPack.items.map((i: { id: string }) => i.id)).not.toContain(overseas);
    const other = (await send(chifeng, 'GET', '/api/arrivals/review')).json();
    expect(other.items.map((i: { id: string }) => i.id)).not.toContain(overseas);
    // The two above and the test world's own (PERSON_A's trip with 3 days at the port).
    const paged = (await send(cdc, 'GET', '/api/arrivals/review?pageSize=1')).json();
    expect(paged).toMatchObject({ total: 3, page: 1, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
  });

  it('settled by reclassifying: planned, off the list, the review done', async () => {
    const response = await send(cdc, 'POST', `/api/arrivals/${keyConcern}/reclassify`, {
      originRisk: 'medium',
      reason: '核实：到过海珠区中风险街道',
    });
    expect(response.json()).toMatchObject({ status: 'under_control', ruleId: 'ARR-5' });
    expect(await reviewItem(keyConcern)).toBeUndefined();
    const [review] = await deadlines(keyConcern, 'review:%');
    expect(review).toMatchObject({ outcome: 'reclassified' });
    expect(review!.done).not.toBeNull();
  });

  it('settled by the CDC’s decision with a reason: audited, off the list, the review done', async () => {
    const refused = await send(community, 'POST', `/api/arrivals/${overseas}/review`, {
      decision: 'measures_arranged',
      reason: '已安排居家隔离',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors[0]).toMatchObject({ field: 'decision', code: 'review_cdc_only' });
    const settled = await send(cdc, 'POST', `/api/arrivals/${overseas}/review`, {
      decision: 'measures_arranged',
      reason: '已安排居家隔离至入境第21天',
    });
    expect(settled.statusCode).toBe(200);
    expect(settled.json()).toMatchObject({
      status: 'reviewed',
      reviewDecision: { decision: 'measures_arranged', reason: '已安排居家隔离至入境第21天' },
    });
    expect(settled.json().reviewDecision).not.toHaveProperty('by');
    expect(await reviewItem(overseas)).toBeUndefined();
    const [review] = await deadlines(overseas, 'review:%');
    expect(review!.done).not.toBeNull();
    expect(review!.outcome).toBe('measures_arranged: 已安排居家隔离至入境第21天');
    const [audit] = await env.db.query<{ detail: { reason: string } }>(
      "SELECT detail FROM audit_log WHERE action = 'review_settle' AND entity_id = $1",
      [overseas],
    );
    expect(audit!.detail.reason).toBe('已安排居家隔离至入境第21天');
    const again = await send(cdc, 'POST', `/api/arrivals/${overseas}/review`, {
      decision: 'no_measures',
      reason: '重复提交',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('review_not_pending');
    expect((await send(cdc, 'GET', '/api/arrivals?status=reviewed')).json().total).toBe(1);
  });

  it('refuses a hostile or empty reason, and another county’s arrival, with 4xx', async () => {
    const arrival = (await arrive(admin, { origin: 'overseas', portIsolationDays: 1 })).json().id;
    const blank = await send(cdc, 'POST', `/api/arrivals/${arrival}/review`, {
      decision: 'no_measures',
      reason: '',
    });
    expect(blank.statusCode).toBe(400);
    const markup = await send(cdc, 'POST', `/api/arrivals/${arrival}/review`, {
      decision: 'no_measures',
      reason: '<script>',
    });
    expect(markup.statusCode).toBe(400);
    const stranger = await send(chifeng, 'POST', `/api/arrivals/${arrival}/review`, {
      decision: 'no_measures',
      reason: '无需措施',
    });
    expect([403, 404]).toContain(stranger.statusCode);
  });
});

describe('a shortfall is a task for the community, with a deadline', () => {
  it('ARR-8 “须提供近7日内核酸检测为阴性证明或…“绿码”” missing: a community task, closed when marked done with a note', async () => {
    const detail = (await arrive(admin, { origin: 'domestic', originDivisionCode: '120101' })).json();
    expect(detail).toMatchObject({ ruleId: 'ARR-8', status: 'registered' });
    const [task] = await deadlines(detail.id, 'shortfall:%');
    expect(task).toMatchObject({
      kind: 'shortfall:green_health_code_or_negative_nat',
      owner: 'community_worker',
      jurisdiction: VILLAGE_A,
      rule: 'ARR-8',
      done: null,
    });
    const mine = (await send(community, 'GET', '/api/deadlines?pageSize=200')).json();
    const listed = mine.items.find((d: { kind: string; subjectId: string }) => d.subjectId === detail.id);
    expect(listed).toMatchObject({ kind: 'shortfall:green_health_code_or_negative_nat' });
    const done = await send(community, 'POST', `/api/deadlines/${listed.id}/done`, {
      outcome: '已采样，核酸阴性',
    });
    expect(done.statusCode).toBe(200);
    expect((await deadlines(detail.id, 'shortfall:%'))[0]!.done).not.toBeNull();
  });

  it('a green code or a NAT within 7 days owes nothing', async () => {
    const green = (
      await arrive(admin, { origin: 'domestic', originDivisionCode: '120101', greenHealthCode: true })
    ).json();
    const nat = (
      await arrive(admin, {
        origin: 'domestic',
        originDivisionCode: '120101',
        negativeNatAt: '2026-11-20T02:00:00Z',
      })
    ).json();
    expect(await deadlines(green.id, 'shortfall:%')).toEqual([]);
    expect(await deadlines(nat.id, 'shortfall:%')).toEqual([]);
  });

  it('ARR-9 “48 小时核酸检测阴性证明” missing: closed by the plan’s negative NAT; a new plan does not owe it again', async () => {
    const detail = (
      await arrive(
        chifeng,
        {
          origin: 'domestic',
          originDivisionCode: '330106',
          homeIsolationConditions: true,
          negativeNatAt: '2026-11-20T02:00:00Z',
        },
        CHIFENG_VILLAGE,
      )
    ).json();
    expect(detail).toMatchObject({ ruleId: 'ARR-9' });
    const [task] = await deadlines(detail.id, 'shortfall:%');
    expect(task).toMatchObject({ kind: 'shortfall:negative_nat_within_hours', owner: 'community_worker' });

    // A plan replaced (here by a reclassification) keeps the task owed, with its due time.
    const replaced = await send(chifeng, 'POST', `/api/arrivals/${detail.id}/reclassify`, {
      originRisk: 'low',
      reason: '复核来源地',
    });
    expect(replaced.statusCode).toBe(200);
    const carried = await deadlines(detail.id, 'shortfall:%');
    expect(carried.map((d) => [d.cancelled === null, d.done === null])).toEqual([
      [false, true],
      [true, true],
    ]);
    expect(carried[1]!.due).toEqual(task!.due);

    const result = await send(chifeng, 'POST', `/api/arrivals/${detail.id}/events`, {
      item: 'test:nat:d0',
      result: 'negative',
      at: '2026-11-23T12:00:00Z',
    });
    expect(result.statusCode).toBe(200);
    const closed = (await deadlines(detail.id, 'shortfall:%')).at(-1)!;
    expect(closed).toMatchObject({ outcome: 'negative' });
    expect(closed.done).toEqual(new Date('2026-11-23T12:00:00Z'));

    await send(chifeng, 'POST', `/api/arrivals/${detail.id}/reclassify`, {
      originRisk: 'low',
      reason: '再次复核',
    });
    const after = await deadlines(detail.id, 'shortfall:%');
    expect(after.filter((d) => d.done === null && d.cancelled === null)).toEqual([]);
  });
});

describe('nothing opened here is overdue when created', () => {
  it('an arrival registered days late: its review and its shortfall are due after their registration', async () => {
    const late = { arrivedAt: '2026-11-18T02:00:00Z' };
    const noProtocol = (await arrive(admin, { ...late, origin: 'overseas', portIsolationDays: 2 })).json();
    const shortfall = (
      await arrive(admin, { ...late, origin: 'domestic', originDivisionCode: '120101' })
    ).json();
    expect(noProtocol.status).toBe('no_protocol');
    expect(shortfall.ruleId).toBe('ARR-8');
    const opened = [
      ...(await deadlines(noProtocol.id, 'review:%')),
      ...(await deadlines(shortfall.id, 'shortfall:%')),
    ];
    expect(opened).toHaveLength(2);
    const now = env.ctx.now().getTime();
    for (const deadline of opened) {
      expect(new Date(deadline.due).getTime()).toBeGreaterThan(now);
      expect(new Date(deadline.due).getTime()).toBeGreaterThan(new Date(deadline.opened).getTime());
    }
    const overdue = (await send(cdc, 'GET', '/api/arrivals/review')).json().items;
    expect(
      overdue.every((i: { deadline: { overdue: boolean } | null }) => i.deadline?.overdue === false),
    ).toBe(true);
  });
});
