import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Issue 12 Deliver 1, ARR-1 … ARR-10 "the plan records the pack version that produced it": the
 * version in force on the arrival's local date plans it. 盘山县 (COUNTY_A) is governed by Panshan's
 * plan [003], in force from 2021-09-01; Panjin's [003 city] is in force from 2022-09-01.
 */
// Communities the test world registers no arrival in: assigning them re-plans no one.
const ONLY_PANJIN = `${COUNTY_A}001006`;
const PANSHAN_THEN_PANJIN = `${COUNTY_A}001007`;
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

const assign = async (code: string, packId: string, version: string) => {
  const response = await send('PUT', `/api/policy/assignments/${code}`, { packId, version });
  expect(response.statusCode).toBe(200);
};

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  await assign(ONLY_PANJIN, 'panjin-2022', '3');
  await assign(PANSHAN_THEN_PANJIN, 'panshan-2021', '4');
  await assign(PANSHAN_THEN_PANJIN, 'panjin-2022', '3');
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
  it('the issue: a 2021-12-25 arrival under a pack in force from 2022-09-01 is not planned; the CDC reviews it', async () => {
    // 2021-12-25 00:30 in Panjin (UTC+8) is still 12-24 in UTC: the local date decides.
    const response = await arrive(ONLY_PANJIN, '2021-12-24T16:30:00Z');
    expect(response.statusCode).toBe(201);
    const detail = response.json();
    expect(detail).toMatchObject({ status: 'no_pack', ruleId: null, packId: null, plans: [] });
    const review = (await send('GET', '/api/arrivals/review?reason=no_pack')).json();
    const item = review.items.find((i: { id: string }) => i.id === detail.id);
    expect(item).toMatchObject({
      reason: 'no_pack',
      arrivalDate: '2021-12-25',
      pack: { id: 'panjin-2022', version: '3', effectiveFrom: '2022-09-01', effectiveTo: null },
      facts: { origin: 'overseas', originCountry: '日本', portIsolationDays: 14, daysSinceEntry: 15 },
      deadline: { overdue: false },
    });
    const [deadline] = await env.db.query<{ owner: string; rule: string; due: Date; opened: Date }>(
      `SELECT owner_role AS owner, rule_id AS rule, due_at AS due, opened_at AS opened FROM deadlines
       WHERE subject_type = 'arrival' AND subject_id = $1 AND kind = 'review:no_pack' AND done_at IS NULL`,
      [detail.id],
    );
    expect(deadline).toMatchObject({ owner: 'cdc_epidemiologist', rule: 'ARR-11' });
    // Registered years late, and still not overdue: 24 hours from the registration.
    expect(new Date(deadline!.due).getTime() - env.ctx.now().getTime()).toBe(24 * 3_600_000);
  });

  it('the day it takes effect, local time, is planned by it', async () => {
    const detail = (await arrive(ONLY_PANJIN, '2022-08-31T16:30:00Z')).json();
    expect(detail).toMatchObject({
      status: 'released',
      ruleId: 'ARR-4',
      packId: 'panjin-2022',
      packVersion: '3',
    });
  });

  it('an arrival inside the window of the version assigned now is planned by it', async () => {
    const detail = (await arrive(PANSHAN_THEN_PANJIN, '2022-10-01T02:00:00Z')).json();
    expect(detail).toMatchObject({ ruleId: 'ARR-4', packId: 'panjin-2022', packVersion: '3' });
  });

  it('an arrival dated under an earlier version once assigned there is planned by that version', async () => {
    const detail = (await arrive(PANSHAN_THEN_PANJIN, '2021-12-25T02:00:00Z')).json();
    expect(detail).toMatchObject({ ruleId: 'ARR-4', packId: 'panshan-2021', packVersion: '4' });
    expect(detail.plans[0].plan).toMatchObject({ packId: 'panshan-2021', day0: '2021-12-25' });
  });

  it('before every version once assigned there: no pack in force, the CDC reviews it', async () => {
    const detail = (await arrive(PANSHAN_THEN_PANJIN, '2021-08-31T02:00:00Z')).json();
    expect(detail).toMatchObject({ status: 'no_pack', packId: null });
  });

  it('the county’s own assignment is unchanged: its arrivals are planned as before', async () => {
    const detail = (await arrive(`${COUNTY_A}001008`, '2026-11-20T02:00:00Z')).json();
    expect(detail).toMatchObject({ ruleId: 'ARR-4', packId: 'panshan-2021', status: 'under_control' });
  });
});
