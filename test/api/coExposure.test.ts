import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Role } from '../../src/rules/roles.js';
import { COUNTY_A, PASSWORD, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { CASE_TUBE_A } from '../support/worldCases.js';
import {
  CASE_PASS_AT,
  CASE_VISIT_AT,
  CHECKPOINT_A,
  NEAR_A,
  NEAR_B,
  TRAVELLER,
  VENUE_A,
  VENUE_B,
} from '../support/worldCoExposure.js';

/**
 * EPI-3 co-exposure search through the API: the world's case (its person checked in at county A's
 * supermarket two days before the report, worldCoExposure.ts) finds the two visitors near that time,
 * never the one six hours later nor county B's; names masked without person.unmask; every search
 * audited; another county's case is 404; the window, look-back and range are bounded (400, zh/en).
 */
const CASE_ID = 'ca5e0000-0000-4000-8000-00000000ce01';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let adminA: string;
let adminB: string;
let supervisorA: string;
let community: string;

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
  adminA = await signInAs(env.app, 'a_admin');
  adminB = await signInAs(env.app, 'b_admin');
  community = await signInAs(env.app, 'a_community');
  supervisorA = await addUser('a_supervisor_epi3', 'supervisor', COUNTY_A);
  const reported = await env.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: adminA },
    payload: {
      id: CASE_ID,
      tubeBarcode: CASE_TUBE_A,
      classification: 'asymptomatic',
      reportingInstitution: '盘山县疾控中心实验室',
      reportingDoctor: '李检验',
      currentLocation: '居家',
    },
  });
  expect(reported.statusCode, reported.body).toBeLessThan(300);
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
interface Result {
  visits: Array<{ venueId: string; at: string }>;
  items: Array<{
    idHash: string;
    firstAt: string;
    name: string;
    idMasked: string;
    sharedVisits: number;
    overlapMinutes: number;
    closestGapMinutes: number;
    exposures: Array<{ venueId: string; venueName: string; caseAt: string; at: string; source: string }>;
  }>;
}

describe('EPI-3 co-exposure of a case', () => {
  it('finds the people near the case’s visit, ranked, and not the case itself', async () => {
    const response = await get(`/api/co-exposure/case/${CASE_ID}`, adminA);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as Result;
    expect(body.visits.map((v) => [v.venueId, v.at])).toEqual([
      [CHECKPOINT_A, CASE_PASS_AT],
      [VENUE_A, CASE_VISIT_AT],
    ]);
    expect(body.items.map((p) => [p.name, p.sharedVisits, p.overlapMinutes, p.closestGapMinutes])).toEqual([
      [NEAR_A.name, 1, 25, 5],
      [TRAVELLER.name, 1, 15, 15],
      [NEAR_B.name, 1, 10, 20],
    ]);
    expect(body.items[1]!.exposures.map((e) => [e.venueId, e.venueName, e.source])).toEqual([
      [CHECKPOINT_A, '盘山收费站（时空伴随）', 'checkpoint'],
    ]);
    expect(body.items[0]!.exposures).toEqual([
      {
        venueId: VENUE_A,
        venueName: '盘山县惠民超市',
        jurisdictionCode: '211122001001',
        caseAt: CASE_VISIT_AT,
        at: '2026-11-22T10:05:00.000Z',
        source: 'check_in',
      },
    ]);
    expect(body.items[0]!.idMasked).toMatch(/^211122\*+\d{3}[\dX]$/);
    expect(body.items[0]!.idHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('narrows with the window: 10 minutes finds only the closer visitor', async () => {
    const body = (await get(`/api/co-exposure/case/${CASE_ID}?windowMinutes=10`, adminA)).json() as Result;
    expect(body.items.map((p) => p.name)).toEqual([NEAR_A.name]);
    // The checkpoint's traveller passed 15 minutes after the case: outside a 10-minute window.
  });

  it('masks names without person.unmask (supervisor)', async () => {
    const response = await get(`/api/co-exposure/case/${CASE_ID}`, supervisorA);
    expect(response.statusCode, response.body).toBe(200);
    const names = (response.json() as Result).items.map((p) => p.name);
    expect(names).toEqual(['钱**', '王**', '孙**']);
    expect(response.body).not.toContain(NEAR_A.idNumber);
  });

  it('answers 404 for another county’s case and 403 without investigation.read', async () => {
    expect((await get(`/api/co-exposure/case/${CASE_ID}`, adminB)).statusCode).toBe(404);
    expect((await get(`/api/co-exposure/case/${CASE_ID}`, community)).statusCode).toBe(403);
  });

  it('records who searched which case and how many came back', async () => {
    await get(`/api/co-exposure/case/${CASE_ID}?windowMinutes=30&days=7`, adminA);
    const rows = await env.db.query<{
      actor_name: string;
      entity_id: string;
      detail: Record<string, number>;
    }>(
      `SELECT actor_name, entity_id, detail FROM audit_log WHERE action = 'co_exposure.case' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({
      actor_name: 'a_admin (a_admin)',
      entity_id: CASE_ID,
      detail: { windowMinutes: 30, days: 7, visits: 2, results: 3 },
    });
  });

  it.each([
    ['windowMinutes=0', 'windowMinutes'],
    ['windowMinutes=721', 'windowMinutes'],
    ['days=0', 'days'],
    ['days=22', 'days'],
    ['limit=5000', 'limit'],
  ])('refuses %s with a 400 naming the field', async (query, field) => {
    const response = await get(`/api/co-exposure/case/${CASE_ID}?${query}`, adminA);
    expect(response.statusCode).toBe(400);
    const errors = (
      response.json() as { errors: Array<{ field: string; message: string; message_zh: string }> }
    ).errors;
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors[0]!.message_zh.length).toBeGreaterThan(0);
  });
});

describe('EPI-3 everyone at a venue in a time range', () => {
  const range = { from: '2026-11-22T09:30:00Z', to: '2026-11-22T10:30:00Z' };

  it('lists everyone who checked in there then, the case’s person included', async () => {
    const response = await post('/api/co-exposure/venue', adminA, { venueId: VENUE_A, ...range });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as Result & { venueName: string };
    expect(body.venueName).toBe('盘山县惠民超市');
    // In the order they arrived: the case's person at 10:00, then 10:05 and 10:20.
    expect(body.items.map((p) => p.firstAt)).toEqual([
      CASE_VISIT_AT,
      '2026-11-22T10:05:00.000Z',
      '2026-11-22T10:20:00.000Z',
    ]);
    expect(body.items.slice(1).map((p) => p.name)).toEqual([NEAR_A.name, NEAR_B.name]);
    const [audit] = await env.db.query<{ entity_id: string; detail: { results: number } }>(
      `SELECT entity_id, detail FROM audit_log WHERE action = 'co_exposure.venue' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ entity_id: VENUE_A, detail: { results: 3 } });
  });

  it('answers 404 for another county’s venue', async () => {
    expect((await post('/api/co-exposure/venue', adminA, { venueId: VENUE_B, ...range })).statusCode).toBe(
      404,
    );
  });

  it.each([
    ['an end before the start', { from: range.to, to: range.from }, 'to:ends_before_start'],
    ['more than 7 days', { from: '2026-11-01T00:00:00Z', to: '2026-11-09T00:00:00Z' }, 'to:range'],
    ['a window over 12 hours', { ...range, windowMinutes: 721 }, 'windowMinutes'],
  ])('refuses %s (400)', async (_case, change, expected) => {
    const response = await post('/api/co-exposure/venue', adminA, { venueId: VENUE_A, ...change });
    expect(response.statusCode).toBe(400);
    const errors = (response.json() as { errors: Array<{ field: string; code: string }> }).errors;
    expect(errors.map((e) => (expected.includes(':') ? `${e.field}:${e.code}` : e.field))).toContain(
      expected,
    );
  });
});
