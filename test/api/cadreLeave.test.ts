import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Role } from '../../src/rules/roles.js';
import { COUNTY_B, PASSWORD, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * ARR-14, 004 §2: "确须离开的,坚持'谁审批、谁负责'原则,严格审批管理,并督促其按要求落实好返赤后主动报备、
 * 隔离管控等防控措施"; 000 §2.4.7 "机关工委要做好机关单位人员出盘备案工作". 红山区 (Chifeng) is governed by
 * the Chifeng pack, whose ARR-9 protocol plans returns from "其他地区".
 */
const CHIFENG_VILLAGE = '150402001001';
const NOW = new Date('2026-11-24T02:00:00Z'); // 10:00 in Chifeng

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let panshan: string;
let villageWorker: string;
let supervisor: string;
let personB: string;

async function addUser(username: string, role: Role, scope: string) {
  await env.db.transaction((tx) =>
    createUser(tx, undefined, {
      username,
      displayName: username,
      password: PASSWORD,
      roles: [role],
      scopes: [scope],
    }),
  );
  return signInAs(env.app, username);
}

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'b_admin');
  panshan = await signInAs(env.app, 'a_admin');
  villageWorker = await addUser('b_village', 'community_worker', CHIFENG_VILLAGE);
  supervisor = await addUser('b_supervisor', 'supervisor', COUNTY_B);
  personB = env.world.personB.id;
});
afterAll(() => env.close());

const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const application = (change: Record<string, unknown> = {}) => ({
  personId: personB,
  destinationName: '北京市朝阳区',
  destinationDivisionCode: '110105',
  reason: '探望住院的父亲',
  leaveDate: '2026-11-25',
  plannedReturnDate: '2026-11-27',
  ...change,
});
const apply = async (cookie: string, change: Record<string, unknown> = {}) => {
  const response = await post('/api/cadre-leaves', cookie, application(change));
  expect(response.statusCode).toBe(201);
  return response.json();
};
const fieldsOf = (body: { errors?: Array<{ field: string; code: string }> }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('ARR-14 leave approval, "谁审批、谁负责"', () => {
  let leaveId: string;

  it('ARR-14 an application is pending and names its applicant', async () => {
    const leave = await apply(villageWorker);
    leaveId = leave.id;
    expect(leave).toMatchObject({
      status: 'pending',
      jurisdictionCode: CHIFENG_VILLAGE,
      personName: '李四',
      applicantScope: CHIFENG_VILLAGE,
      appliedByName: 'b_village (b_village)',
      decidedByName: null,
    });
  });

  it('ARR-14 refuses a past leave date and a return before leaving, writing nothing', async () => {
    const before = (await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cadre_leaves'))[0]!.n;
    const response = await post(
      '/api/cadre-leaves',
      admin,
      application({
        leaveDate: '2026-11-23',
        plannedReturnDate: '2026-11-22',
        destinationDivisionCode: '999999',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json()).sort()).toEqual(
      [
        'destinationDivisionCode:origin_unknown',
        'leaveDate:date_in_past',
        'plannedReturnDate:before_leave',
      ].sort(),
    );
    expect((await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cadre_leaves'))[0]!.n).toBe(
      before,
    );
  });

  it('ARR-14 a user without arrival.write cannot decide (403), and nothing changes', async () => {
    const response = await post(`/api/cadre-leaves/${leaveId}/decision`, supervisor, {
      decision: 'approved',
    });
    expect(response.statusCode).toBe(403);
    expect((await get(`/api/cadre-leaves/${leaveId}`, admin)).json().status).toBe('pending');
  });

  it('ARR-14 an approver below the applicant’s level is refused: a village worker cannot approve the county’s application', async () => {
    const county = await apply(admin, { reason: '出差' });
    expect(county.applicantScope).toBe(COUNTY_B);
    const response = await post(`/api/cadre-leaves/${county.id}/decision`, villageWorker, {
      decision: 'approved',
    });
    expect(response.statusCode).toBe(403);
    expect(fieldsOf(response.json())).toEqual(['approver:not_approver']);
  });

  it('CMD-1 another county neither sees nor decides the application', async () => {
    expect((await get(`/api/cadre-leaves/${leaveId}`, panshan)).statusCode).toBe(404);
    expect(
      (await post(`/api/cadre-leaves/${leaveId}/decision`, panshan, { decision: 'approved' })).statusCode,
    ).toBe(404);
    // Panshan sees its own leaves only (the test world has one pending there), none of Chifeng's.
    const panshanList = (await get('/api/cadre-leaves', panshan)).json().items;
    expect(
      panshanList.map((l: { jurisdictionCode: string }) => l.jurisdictionCode.slice(0, 6)),
    ).not.toContain(COUNTY_B);
    expect((await post('/api/cadre-leaves', panshan, application())).statusCode).toBe(404);
  });

  it('ARR-14 the return report is refused before approval (409)', async () => {
    const response = await post(`/api/cadre-leaves/${leaveId}/return`, admin, {
      returnedAt: NOW.toISOString(),
    });
    expect(response.statusCode).toBe(409);
  });

  it('ARR-14 the approver at a higher level is recorded and the return report goes on the list, due 24 h after the planned return day', async () => {
    const response = await post(`/api/cadre-leaves/${leaveId}/decision`, admin, {
      decision: 'approved',
      note: '同意,返回后报备',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'approved',
      decidedByName: 'b_admin (b_admin)',
      decisionNote: '同意,返回后报备',
      returnDueAt: '2026-11-28T16:00:00Z',
      returnOverdue: false,
    });
    const rows = await env.db.query<{ kind: string; rule_id: string; due_at: Date; done_at: Date | null }>(
      'SELECT kind, rule_id, due_at, done_at FROM deadlines WHERE subject_id = $1',
      [leaveId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'cadre.return_report', rule_id: 'ARR-14', done_at: null });
    expect(new Date(rows[0]!.due_at).toISOString()).toBe('2026-11-28T16:00:00.000Z');
    const again = await post(`/api/cadre-leaves/${leaveId}/decision`, admin, { decision: 'rejected' });
    expect(again.statusCode).toBe(409);
  });

  it('ARR-14 an approved leave not reported back by then is overdue', async () => {
    env.setNow(new Date('2026-11-28T16:30:00Z'));
    try {
      // Sessions last 12 h: sign in again on the later day.
      const later = await signInAs(env.app, 'b_admin');
      expect((await get(`/api/cadre-leaves/${leaveId}`, later)).json().returnOverdue).toBe(true);
    } finally {
      env.setNow(NOW);
    }
  });

  it('ARR-14 "返赤后主动报备": the return registers an arrival from where they were, with the plan the pack prescribes', async () => {
    env.setNow(new Date('2026-11-27T06:00:00Z'));
    try {
      const worker = await signInAs(env.app, 'b_village');
      const early = await post(`/api/cadre-leaves/${leaveId}/return`, worker, {
        returnedAt: '2026-11-24T03:00:00Z',
      });
      expect(fieldsOf(early.json())).toEqual(['returnedAt:before_leave']);
      const response = await post(`/api/cadre-leaves/${leaveId}/return`, worker, {
        returnedAt: '2026-11-27T04:00:00Z',
        homeIsolationConditions: true,
        negativeNatAt: '2026-11-26T12:00:00Z',
      });
      expect(response.statusCode).toBe(200);
      const leave = response.json();
      expect(leave).toMatchObject({
        status: 'returned',
        returnOriginName: '北京市朝阳区',
        returnOriginDivisionCode: '110105',
      });
      expect(leave.arrivalId).toBeTruthy();
      expect(leave.plan).toMatchObject({ packId: 'chifeng-2022', ruleId: 'ARR-9' });
      const [arrival] = await env.db.query<{ channel: string; person_id: string; source_ref: string }>(
        'SELECT channel, person_id, source_ref FROM arrivals WHERE id = $1',
        [leave.arrivalId],
      );
      expect(arrival).toEqual({ channel: 'cadre_return', person_id: personB, source_ref: leaveId });
      const [deadline] = await env.db.query<{ done_at: Date | null }>(
        "SELECT done_at FROM deadlines WHERE subject_id = $1 AND kind = 'cadre.return_report'",
        [leaveId],
      );
      expect(deadline!.done_at).not.toBeNull();
    } finally {
      env.setNow(NOW);
    }
  });

  it('ARR-14 a rejection is recorded with its approver and ends the application', async () => {
    const leave = await apply(villageWorker, { reason: '旅游' });
    const rejected = await post(`/api/cadre-leaves/${leave.id}/decision`, admin, {
      decision: 'rejected',
      note: '非必要不离赤',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decidedByName: 'b_admin (b_admin)',
      returnDueAt: null,
    });
    const list = (await get('/api/cadre-leaves?status=rejected', admin)).json();
    expect(list.items.map((l: { id: string }) => l.id)).toEqual([leave.id]);
    const audit = await env.db.query<{ action: string; actor_name: string }>(
      "SELECT action, actor_name FROM audit_log WHERE entity = 'cadre_leave' AND entity_id = $1 ORDER BY id",
      [leave.id],
    );
    expect(audit).toEqual([
      { action: 'create', actor_name: 'b_village (b_village)' },
      { action: 'cadre_leave.reject', actor_name: 'b_admin (b_admin)' },
    ]);
  });
});
