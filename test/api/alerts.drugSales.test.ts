import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateChanged } from '../../src/modules/alerts/index.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { addLocalDays } from '../../src/rules/truckReport.js';
import { COUNTY_A, COUNTY_B, signInAs } from '../support/world.js';
import { ALERT_A } from '../support/worldAlerts.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Issue 14, done when: "A simulated rise of four-class drug sales in one town raises an alert for
 * that town and nowhere else" (MON-4 over MON-2). Sales go in through the drug-sales API at outlets
 * of three towns of 盘山县 and are evaluated as they arrive (the feed's change notes); the rule is the one of its pack in force (panshan-2021: a town's day at
 * least twice the mean of the same weekday over 4 weeks and at least 20 sales).
 */
const TODAY = '2026-11-24'; // the world's clock: 10:00 in 盘山县
const TOWNS = ['211122002', '211122003', '211122004'];
const RISING = '211122002';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

const post = (url: string, payload: object, cookie = admin) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });

/** `count` sales at the outlet on the local day `daysBack` days ago, at 09:00 local. */
function sales(town: string, daysBack: number, count: number) {
  const soldAt = `${addLocalDays(TODAY, -daysBack)}T01:00:00.000Z`;
  return Array.from({ length: count }, (_, i) => ({
    saleId: `${town}-${daysBack}-${i}`,
    idNumber: withCheckDigit(`21112219800101${String(i % 900).padStart(3, '0')}`),
    classes: ['antipyretic'],
    soldAt,
  }));
}

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  const towns = await env.db.query<{ code: string }>(
    `SELECT code FROM jurisdictions WHERE code = ANY ($1::text[]) ORDER BY code`,
    [TOWNS],
  );
  expect(towns.map((t) => t.code)).toEqual(TOWNS);
  for (const town of TOWNS) {
    const [village] = await env.db.query<{ code: string }>(
      `SELECT code FROM jurisdictions WHERE parent_code = $1 ORDER BY code LIMIT 1`,
      [town],
    );
    const outlet = await post('/api/drug-outlets', {
      name: `${town}药店`,
      kind: 'pharmacy',
      jurisdictionCode: village!.code,
    });
    expect(outlet.json()).toMatchObject({ jurisdictionCode: village!.code });
    const today = town === RISING ? 60 : 24;
    const batch = [1, 2, 3, 4].flatMap((week) => sales(town, 7 * week, 25)).concat(sales(town, 0, today));
    const written = await post('/api/drug-sales/batch', { outletId: outlet.json().id, sales: batch });
    expect(written.json()).toMatchObject({ rejected: 0, inserted: batch.length });
  }
});
afterAll(() => env.close());

describe('MON-4 over the four-class drug sales feed', () => {
  it('MON-4 a rise of four-class drug sales in one town raises an alert for that town and nowhere else', async () => {
    // As data arrives: the sales noted their towns (platform/signals/changes.ts); the server's
    // minute drain evaluates the drug-sales rules there.
    const [noted] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM signal_changes WHERE feed = 'drug_sales'`,
    );
    expect(noted!.n).toBe(TOWNS.length);
    expect((await evaluateChanged(env.ctx)).raised).toBe(1);
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/alerts?feed=drug_sales&state=raised&jurisdiction=${COUNTY_A}`,
      headers: { cookie: admin },
    });
    // The world's own open alert (test/support/worldAlerts.ts) aside.
    const raised = list.json().items.filter((a: { id: string }) => a.id !== ALERT_A);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      jurisdictionCode: RISING,
      windowValue: 60,
      baseline: 25,
      ratio: 2.4,
      rule: { id: 'four-class-sales-town' },
      measureLabel: { zh: '四类药品销售人次' },
      packId: 'panshan-2021',
    });
  });

  it('MON-4 the CDC evaluating again raises nothing more; another county’s evaluation raises nothing here', async () => {
    const again = await post('/api/alerts/evaluate', { feed: 'drug_sales' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ raised: 0, stillFiring: 1 });
    const other = await signInAs(env.app, 'b_admin');
    expect((await post('/api/alerts/evaluate', {}, other)).json().raised).toBe(0);
    const [count] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM alerts WHERE feed = 'drug_sales' AND jurisdiction_code ^@ $1`,
      [COUNTY_B],
    );
    expect(count!.n).toBe(0);
  });
});
