import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * ARR-8 (Panshan [003]): a low-risk arrival without a negative NAT or a green code owes a NAT, the
 * community's task. The community records the make-up NAT on the arrival's plan ("test:nat:shortfall"):
 * a negative one closes the task; a plan without a shortfall has no such item.
 */
const ARRIVED = new Date('2026-11-20T02:00:00Z');
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

beforeAll(async () => {
  env = await openWorldApp();
  env.setNow(new Date(ARRIVED.getTime() + 3_600_000));
  admin = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

const register = async (digits: string, proofs: object) => {
  const response = await send('POST', '/api/arrivals', {
    person: { name: '补检人员', idNumber: withCheckDigit(digits) },
    jurisdictionCode: VILLAGE_A,
    origin: 'domestic',
    originDivisionCode: '120101',
    arrivedAt: ARRIVED.toISOString(),
    ...proofs,
  });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.json()).toMatchObject({ ruleId: 'ARR-8' });
  return response.json().id as string;
};

const openShortfalls = async (arrivalId: string) =>
  (
    await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deadlines WHERE subject_type = 'arrival' AND subject_id = $1
       AND kind LIKE 'shortfall:%' AND done_at IS NULL AND cancelled_at IS NULL`,
      [arrivalId],
    )
  )[0]!.n;

describe('ARR-8 the make-up NAT of a shortfall', () => {
  it('a negative make-up NAT closes the community task and shows on the plan', async () => {
    const arrivalId = await register('21112219850606002', {});
    expect(await openShortfalls(arrivalId)).toBe(1);
    const recorded = await send('POST', `/api/arrivals/${arrivalId}/events`, {
      item: 'test:nat:shortfall',
      result: 'negative',
    });
    expect(recorded.statusCode, recorded.body).toBeLessThan(300);
    expect(await openShortfalls(arrivalId)).toBe(0);
    const detail = (await send('GET', `/api/arrivals/${arrivalId}`)).json();
    expect(JSON.stringify(detail)).toContain('test:nat:shortfall');
  });

  it('a positive make-up NAT is recorded and leaves the task open', async () => {
    const arrivalId = await register('21112219850606003', {});
    const recorded = await send('POST', `/api/arrivals/${arrivalId}/events`, {
      item: 'test:nat:shortfall',
      result: 'positive',
    });
    expect(recorded.statusCode, recorded.body).toBeLessThan(300);
    expect(await openShortfalls(arrivalId)).toBe(1);
  });

  it('an arrival with its proofs has no make-up NAT to record', async () => {
    const arrivalId = await register('21112219850606004', { greenHealthCode: true });
    expect(await openShortfalls(arrivalId)).toBe(0);
    const refused = await send('POST', `/api/arrivals/${arrivalId}/events`, {
      item: 'test:nat:shortfall',
      result: 'negative',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors?.[0] ?? refused.json()).toMatchObject({ field: 'item' });
  });
});
