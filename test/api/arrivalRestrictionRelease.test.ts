import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * ARR-6 "重点关注地区入盘人员由县区指挥部安排到指定场所进行“1+1”医学检测…不准组织、参加聚集性活动"
 * [000 §2.3]: the designated place ends on day 1, the no-gatherings restriction on day 14, and the
 * person is released only when the restriction ends.
 */
// A community the test world registers no arrival in: assigning it re-plans no one.
const PANJIN_COMMUNITY = `${COUNTY_A}001009`;
const KEY_CONCERN_AREA = '310101002004';
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  const assigned = await send('PUT', `/api/policy/assignments/${PANJIN_COMMUNITY}`, {
    packId: 'panjin-2022',
    version: '5',
  });
  expect(assigned.statusCode).toBe(200);
  const area = await send('POST', '/api/risk-areas', {
    level: 'key_concern',
    divisionCode: KEY_CONCERN_AREA,
    areaName: '上海市黄浦区某重点关注小区',
    publishedAt: '2026-11-10T04:00:00.000Z',
    publisher: '上海市卫生健康委员会',
  });
  expect(area.statusCode).toBe(201);
});
afterAll(() => env.close());

describe('ARR-6 a plan ends with its restriction, not with its last phase', () => {
  it('recording the designated place’s end leaves the person under control until day 14', async () => {
    const registered = await send('POST', '/api/arrivals', {
      person: { name: '关注一', idNumber: withCheckDigit('21112219900404301') },
      jurisdictionCode: PANJIN_COMMUNITY,
      origin: 'domestic',
      originDivisionCode: KEY_CONCERN_AREA,
      arrivedAt: '2026-11-23T02:00:00Z',
    });
    expect(registered.statusCode).toBe(201);
    const arrival = registered.json();
    expect(arrival).toMatchObject({ ruleId: 'ARR-6', releaseDate: '2026-12-07', status: 'under_control' });
    for (const item of ['test:nat:d0', 'test:serum:d0']) {
      const recorded = await send('POST', `/api/arrivals/${arrival.id}/events`, {
        item,
        result: 'negative',
        at: '2026-11-23T10:00:00Z',
      });
      expect(recorded.statusCode).toBe(200);
    }
    const ended = await send('POST', `/api/arrivals/${arrival.id}/events`, {
      item: 'phase:0:end',
      result: 'done',
      at: '2026-11-24T01:00:00Z',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'under_control', releaseDate: '2026-12-07' });
    const [stored] = await env.db.query<{ status: string; plan: string }>(
      `SELECT a.status, p.status AS plan FROM arrivals a JOIN arrival_plans p ON p.arrival_id = a.id
       WHERE a.id = $1`,
      [arrival.id],
    );
    expect(stored).toEqual({ status: 'planned', plan: 'active' });
    // The phases are over: nothing of the plan is left on anyone's list.
    const open = await env.db.query(
      `SELECT kind FROM deadlines WHERE subject_type = 'arrival' AND subject_id = $1
       AND done_at IS NULL AND cancelled_at IS NULL`,
      [arrival.id],
    );
    expect(open).toEqual([]);
  });
});
