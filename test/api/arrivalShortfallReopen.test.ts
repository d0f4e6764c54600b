import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Issue 12 Deliver 4 and 5: "nothing escalates on creation, anywhere". ARR-8 (Panshan [003]): a
 * low-risk arrival without a negative NAT or a green code is a community task. Reclassified to a
 * high-risk origin (ARR-5, no such task: it is cancelled with the plan) and back to low risk three
 * days later, the task is owed afresh: due a day from its reopening, not at its old due time, long
 * passed, which would make it overdue, and escalate, on creation.
 */
const ARRIVED = new Date('2026-11-20T02:00:00Z');
const HOUR = 3_600_000;
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

interface Row {
  opened: Date;
  due: Date;
  cancelled: Date | null;
  reason: string | null;
  done: Date | null;
}
const shortfalls = (arrivalId: string) =>
  env.db.query<Row>(
    `SELECT opened_at AS opened, due_at AS due, cancelled_at AS cancelled, cancel_reason AS reason, done_at AS done
     FROM deadlines WHERE subject_type = 'arrival' AND subject_id = $1 AND kind = 'shortfall:green_health_code_or_negative_nat'
     ORDER BY created_at, opened_at`,
    [arrivalId],
  );
/** Three days after arriving, the reclassification back to ARR-8. */
const reopened = () => new Date(ARRIVED.getTime() + 3 * 24 * HOUR);
const back = reopened;
const open = (rows: Row[]) => rows.filter((r) => r.done === null && r.cancelled === null);

async function reclassifyAt(at: Date, arrivalId: string, change: object) {
  env.setNow(at);
  // A session of days ago has lapsed: staff sign in at the time they act.
  admin = await signInAs(env.app, 'a_admin');
  const response = await send('POST', `/api/arrivals/${arrivalId}/reclassify`, change);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('a shortfall task re-opened days after it was cancelled (issue 12 Deliver 4, 5)', () => {
  let arrivalId: string;
  let first: Row;

  it('ARR-8 no negative NAT and no green code: a task due 24 hours after registration', async () => {
    env.setNow(new Date(ARRIVED.getTime() + HOUR));
    const response = await send('POST', '/api/arrivals', {
      person: { name: '复核人员', idNumber: withCheckDigit('21112219850606001') },
      jurisdictionCode: VILLAGE_A,
      origin: 'domestic',
      originDivisionCode: '120101',
      arrivedAt: ARRIVED.toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    arrivalId = response.json().id;
    expect(response.json()).toMatchObject({ ruleId: 'ARR-8' });
    [first] = open(await shortfalls(arrivalId)) as [Row];
    expect(first.due.getTime() - first.opened.getTime()).toBe(24 * HOUR);
  });

  it('ARR-7 reclassified to a high-risk origin: the plan has no such task, and it is cancelled', async () => {
    const detail = await reclassifyAt(new Date(ARRIVED.getTime() + 2 * HOUR), arrivalId, {
      originRisk: 'high',
      reason: '公布为高风险区',
    });
    expect(detail.ruleId).toBe('ARR-5');
    expect(open(await shortfalls(arrivalId))).toEqual([]);
  });

  it('ARR-7 reclassified back three days later: owed afresh, due a day on, never overdue on creation', async () => {
    const back = reopened();
    expect(back.getTime()).toBeGreaterThan(first.due.getTime());
    const detail = await reclassifyAt(back, arrivalId, { originRisk: 'low', reason: '复核为低风险' });
    expect(detail.ruleId).toBe('ARR-8');
    const [task] = open(await shortfalls(arrivalId));
    expect(task).toMatchObject({ opened: back, due: new Date(back.getTime() + 24 * HOUR) });
    const overdue = await env.db.query(
      `SELECT kind FROM deadlines WHERE subject_type = 'arrival' AND subject_id = $1 AND due_at < opened_at`,
      [arrivalId],
    );
    expect(overdue).toEqual([]);
  });

  it('ARR-8 replaced again while owed, the task keeps its times (the same obligation)', async () => {
    const [before] = open(await shortfalls(arrivalId)) as [Row];
    await reclassifyAt(new Date(back().getTime() + HOUR), arrivalId, {
      originRisk: 'low',
      reason: '再次复核',
    });
    const [after] = open(await shortfalls(arrivalId));
    expect(after).toMatchObject({ opened: before.opened, due: before.due });
    expect(after?.due.getTime()).toBeLessThan(Date.parse('2026-11-25T02:00:00Z'));
  });
});
