import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A } from '../support/world.js';
import {
  arriveFromHighRisk,
  call,
  HIGH_RISK_STREET,
  openImpactWorld,
  panshanAs,
} from './policyImpactWorld.js';

/**
 * Issue 12 Deliver 1, ARR-1 … ARR-10 "the plan records the pack version that produced it": the
 * version in force on the arrival's local date plans it. 盘山县 (COUNTY_A) is governed by Panshan's
 * plan [003], in force from 2021-09-01; Panjin's [003 city] is in force from 2022-09-01. Where the
 * nearest assignment held no version in force on that date, its ancestors' assignments govern, as
 * they governed the subtree then; only with none in force anywhere up the tree does the CDC decide.
 */
// Communities the test world registers no arrival in: assigning them re-plans no one.
const ONLY_PANJIN = `${COUNTY_A}001006`;
const PANSHAN_THEN_PANJIN = `${COUNTY_A}001007`;
let env: Awaited<ReturnType<typeof openImpactWorld>>['env'];
let admin: string;
/** A town of the county where the test world registers no arrival, and its first village. */
let town: { town: string; village: string };

const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

const assign = async (code: string, packId: string, version: string) => {
  const response = await send('PUT', `/api/policy/assignments/${code}`, { packId, version });
  expect(response.statusCode).toBe(200);
};

beforeAll(async () => {
  let towns: Array<typeof town>;
  ({ env, admin, towns } = await openImpactWorld());
  town = towns[1] as typeof town;
  await assign(ONLY_PANJIN, 'panjin-2022', '5');
  await assign(PANSHAN_THEN_PANJIN, 'panshan-2021', '6');
  await assign(PANSHAN_THEN_PANJIN, 'panjin-2022', '5');
});
afterAll(() => env.close());

let serial = 0;
/** ARR-4: back from abroad after 14 days at the first port; both packs have that protocol. */
function arrive(jurisdictionCode: string, arrivedAt: string) {
  serial += 1;
  const at = new Date(arrivedAt);
  return send('POST', '/api/arrivals', {
    person: { name: `入境${serial}`, idNumber: withCheckDigit(`21112219800303${String(200 + serial)}`) },
    jurisdictionCode,
    origin: 'overseas',
    originCountry: '日本',
    arrivedAt,
    enteredAt: new Date(at.getTime() - 15 * 86_400_000).toISOString(),
    portIsolationDays: 14,
  });
}

describe('ARR-1 … ARR-10 the pack version in force on the arrival date plans it', () => {
  it('the issue: an arrival dated before every version in force up the tree is not planned; the CDC reviews it', async () => {
    // Panjin's version takes effect on 2022-09-01 and the county's Panshan one on 2021-09-01; 2021-08-31
    // 00:30 in Panjin (UTC+8) is still 08-30 in UTC: the local date decides.
    const response = await arrive(ONLY_PANJIN, '2021-08-30T16:30:00Z');
    expect(response.statusCode).toBe(201);
    const detail = response.json();
    expect(detail).toMatchObject({ status: 'no_pack', ruleId: null, packId: null, plans: [] });
    const review = (await send('GET', '/api/arrivals/review?reason=no_pack')).json();
    const item = review.items.find((i: { id: string }) => i.id === detail.id);
    expect(item).toMatchObject({
      reason: 'no_pack',
      arrivalDate: '2021-08-31',
      pack: { id: 'panjin-2022', version: '5', effectiveFrom: '2022-09-01', effectiveTo: null },
      facts: { origin: 'overseas', originCountry: '日本', portIsolationDays: 14, daysSinceEntry: 15 },
      deadline: { overdue: false },
    });
    const [deadline] = await env.db.query<{ owner: string; rule: string; due: Date; title: string }>(
      `SELECT owner_role AS owner, rule_id AS rule, due_at AS due, title_zh AS title FROM deadlines
       WHERE subject_type = 'arrival' AND subject_id = $1 AND kind = 'review:no_pack' AND done_at IS NULL`,
      [detail.id],
    );
    expect(deadline).toMatchObject({
      owner: 'cdc_epidemiologist',
      rule: 'ARR-11',
      title: '核定管控措施：抵达日期2021-08-31没有生效的防控政策',
    });
    // Registered years late, and still not overdue: 24 hours from the registration.
    expect(new Date(deadline!.due).getTime() - env.ctx.now().getTime()).toBe(24 * 3_600_000);
  });

  it('an arrival dated before the nearest assignment’s version is planned by the county’s version in force then', async () => {
    // Before the fix: no_pack, although the county's Panshan version governed the community that day.
    const response = await arrive(ONLY_PANJIN, '2021-12-24T16:30:00Z');
    expect(response.statusCode).toBe(201);
    const detail = response.json();
    expect(detail).toMatchObject({ ruleId: 'ARR-4', packId: 'panshan-2021', packVersion: '6' });
    expect(detail.plans[0].plan).toMatchObject({ packId: 'panshan-2021', day0: '2021-12-25' });
  });

  it('the day it takes effect, local time, is planned by it', async () => {
    const detail = (await arrive(ONLY_PANJIN, '2022-08-31T16:30:00Z')).json();
    expect(detail).toMatchObject({
      status: 'released',
      ruleId: 'ARR-4',
      packId: 'panjin-2022',
      packVersion: '5',
    });
  });

  it('an arrival inside the window of the version assigned now is planned by it', async () => {
    const detail = (await arrive(PANSHAN_THEN_PANJIN, '2022-10-01T02:00:00Z')).json();
    expect(detail).toMatchObject({ ruleId: 'ARR-4', packId: 'panjin-2022', packVersion: '5' });
  });

  it('an arrival dated under an earlier version once assigned there is planned by that version', async () => {
    const detail = (await arrive(PANSHAN_THEN_PANJIN, '2021-12-25T02:00:00Z')).json();
    expect(detail).toMatchObject({ ruleId: 'ARR-4', packId: 'panshan-2021', packVersion: '6' });
    expect(detail.plans[0].plan).toMatchObject({ packId: 'panshan-2021', day0: '2021-12-25' });
  });

  it('before every version once assigned there or above: no pack in force, the CDC reviews it', async () => {
    const detail = (await arrive(PANSHAN_THEN_PANJIN, '2021-08-31T02:00:00Z')).json();
    expect(detail).toMatchObject({ status: 'no_pack', packId: null });
  });

  it('the county’s own assignment is unchanged: its arrivals are planned as before', async () => {
    const detail = (await arrive(`${COUNTY_A}001008`, '2026-11-20T02:00:00Z')).json();
    expect(detail).toMatchObject({ ruleId: 'ARR-4', packId: 'panshan-2021', status: 'under_control' });
  });
});

describe('ARR-1 … ARR-10 a town given a later version: its earlier arrivals stay under the county’s', () => {
  const LATER = 'later-town';
  let before: string;

  beforeAll(async () => {
    const api = call(env, admin);
    before = await arriveFromHighRisk(env, admin, town.village, '2026-11-20T09:00:00+08:00');
    const later = panshanAs(LATER).replace(/^effectiveFrom: "[^"]+"/m, 'effectiveFrom: "2026-11-21"');
    await api.post('/api/policy/packs', { yaml: later }, 201);
    const body = { packId: 'panshan-2021', version: LATER, jurisdictionCode: town.town };
    // The 11-20 arrival lies before the new version's first day: apply leaves it to the county's.
    expect(await api.post('/api/policy/impact/preview', body)).toMatchObject({
      examined: 0,
      outsideWindow: 1,
    });
    await api.post('/api/policy/impact/apply', body);
  });

  const activePlanOf = async (arrivalId: string) => {
    const detail = await call(env, admin).get(`/api/arrivals/${arrivalId}`);
    return { detail, plan: detail.plans.find((p: { status: string }) => p.status === 'active')?.plan };
  };

  it('apply leaves the arrival before the version’s first day on the county’s version', async () => {
    const { detail, plan } = await activePlanOf(before);
    expect(detail).toMatchObject({ status: 'under_control', packId: 'panshan-2021', packVersion: '6' });
    expect(plan).toMatchObject({ packId: 'panshan-2021', packVersion: '6', rule: 'ARR-5' });
  });

  it('reclassifying it keeps it planned by the county’s version, not sent to review as no_pack', async () => {
    // Before the fix: the town's assignment alone was read, the arrival became no_pack, its plan cancelled.
    const detail = await call(env, admin).post(`/api/arrivals/${before}/reclassify`, {
      originRisk: 'high',
      originDistrictRisk: 'high',
      reason: '核实来源地仍为高风险区',
    });
    expect(detail).toMatchObject({ status: 'under_control', ruleId: 'ARR-5', packId: 'panshan-2021' });
    const { plan } = await activePlanOf(before);
    expect(plan).toMatchObject({ packId: 'panshan-2021', packVersion: '6', rule: 'ARR-5' });
    const reviews = await env.db.query(
      `SELECT kind FROM deadlines WHERE subject_type = 'arrival' AND subject_id = $1 AND kind LIKE 'review:%'`,
      [before],
    );
    expect(reviews).toEqual([]);
  });

  it('a late registration dated the day before is planned by the county’s version too', async () => {
    // Registered now (11-24), after the apply, for an arrival of 11-20.
    const late = await call(env, admin).post(
      '/api/arrivals',
      {
        person: { name: '晚报人员', idNumber: withCheckDigit('31010119900101977') },
        jurisdictionCode: town.village,
        origin: 'domestic',
        originDivisionCode: HIGH_RISK_STREET,
        arrivedAt: '2026-11-20T10:00:00Z',
      },
      201,
    );
    expect(late).toMatchObject({ ruleId: 'ARR-5', packId: 'panshan-2021', packVersion: '6' });
    expect((await activePlanOf(late.id)).plan).toMatchObject({ packId: 'panshan-2021', packVersion: '6' });
  });

  it('an arrival from the version’s first day is planned by the town’s new version', async () => {
    const on = await arriveFromHighRisk(env, admin, town.village, '2026-11-21T00:30:00+08:00');
    expect((await activePlanOf(on)).plan).toMatchObject({ packId: 'panshan-2021', packVersion: LATER });
  });
});
