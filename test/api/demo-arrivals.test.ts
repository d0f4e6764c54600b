import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY, DEMO_PASSWORD, loadDemo } from '../../src/modules/demo/index.js';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { signInAs } from '../support/world.js';

/**
 * The demo county a new user starts on (`npm start`): risk areas published elsewhere, two weeks of
 * arrivals planned by the county's pack [003], work on them done or late, landing-code reports.
 */
let db: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let setNow: (value: Date) => Date;
let ctx: ReturnType<typeof testContext>['ctx'];
let first: Awaited<ReturnType<typeof loadDemo>>;
let commander: string;
let community: string;
/** The community the demo's community worker serves. */
let village: string;

const TABLES = [
  'risk_areas',
  'risk_area_overrides',
  'persons',
  'arrivals',
  'arrival_plans',
  'arrival_plan_events',
  'landing_reports',
  'truck_reports',
  'deadlines',
];

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    result[table] = row!.n;
  }
  return result;
}

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  ({ ctx, setNow } = testContext(db));
  first = await loadDemo(ctx, 300);
  village = first.logins.find((login) => login.role === 'community_worker')!.scope;
  ({ app } = await buildApp(ctx));
  commander = await signInAs(app, 'commander', DEMO_PASSWORD);
  community = await signInAs(app, 'community_worker', DEMO_PASSWORD);
}, 120_000);
afterAll(async () => {
  await app.close();
  await drop();
});

describe('demo arrivals', () => {
  it('publishes risk areas across China, some lifted, and one whole-city override (ZON-5, ARR-9)', async () => {
    const inForce = (await get('/api/risk-areas?pageSize=100', commander)).json();
    const history = (await get('/api/risk-areas?history=true&pageSize=100', commander)).json();
    expect(first.activity.riskAreas).toBeGreaterThanOrEqual(10);
    expect(history.total).toBe(first.activity.riskAreas);
    expect(inForce.total).toBeGreaterThan(5);
    expect(inForce.total).toBeLessThan(history.total);
    const levels = new Set(history.items.map((area: { level: string }) => area.level));
    expect([...levels].sort()).toEqual(['high', 'key_concern', 'medium']);
    const [override] = await db.query<{ name: string }>('SELECT name FROM risk_area_overrides');
    expect(override?.name).toContain('满洲里');
  });

  it('registers about 60 arrivals by every channel, planned by the county pack into ARR-4, ARR-5 and ARR-8', async () => {
    const all = (await get('/api/arrivals?pageSize=100', commander)).json();
    expect(all.total).toBeGreaterThanOrEqual(55);
    // HC-3: the checkpoint log's demo passes into the county register arrivals of their own.
    const [logged] = await db.query<{ n: number }>(
      'SELECT count(DISTINCT arrival_id)::int AS n FROM checkpoint_passes WHERE arrival_id IS NOT NULL',
    );
    expect(logged!.n).toBeGreaterThan(0);
    expect(all.total).toBe(first.activity.arrivals + logged!.n);
    const channels = new Set(all.items.map((a: { channel: string }) => a.channel));
    // 'station': the railway station's checkpoint log (HC-3) registers its passes into the county.
    expect([...channels].sort()).toEqual(['checkpoint', 'landing_code', 'manual', 'push_list', 'station']);
    const byRule = new Map<string, number>();
    for (const arrival of all.items as Array<{ ruleId: string | null; packId: string | null }>) {
      byRule.set(arrival.ruleId ?? 'none', (byRule.get(arrival.ruleId ?? 'none') ?? 0) + 1);
      if (arrival.packId) expect(arrival.packId).toBe('panshan-2021');
    }
    expect(byRule.get('ARR-5')).toBeGreaterThanOrEqual(15);
    expect(byRule.get('ARR-8')).toBeGreaterThanOrEqual(15);
    expect(byRule.get('ARR-4')).toBeGreaterThanOrEqual(5);
    // 重点关注地区 fall under no protocol of [003]: the list shows them as such.
    expect(byRule.get('none')).toBeGreaterThanOrEqual(1);
    const arrived = all.items.map((a: { arrivedAt: string }) => new Date(a.arrivedAt).getTime());
    const now = ctx.now().getTime();
    expect(Math.max(...arrived)).toBeLessThanOrEqual(now);
    expect(Math.min(...arrived)).toBeGreaterThan(now - 15 * 24 * 3_600_000);
  });

  it('ARR-7 classifies the same place as it stood when each person left it', async () => {
    const rows = await db.query<{ risk: string; rule: string }>(
      `SELECT a.origin_risk AS risk, pl.rule_id AS rule FROM arrivals a
       JOIN arrival_plans pl ON pl.arrival_id = a.id WHERE a.origin_division_code = '310115005'`,
    );
    expect(rows.map((r) => `${r.risk}:${r.rule}`).sort()).toEqual(
      expect.arrayContaining(['high:ARR-5', 'low:ARR-8']),
    );
  });

  it('records some tests negative and releases one arrival (ISO-6)', async () => {
    // Item 21: released lists the one recorded released and any whose plan has ended by date.
    const released = (await get('/api/arrivals?status=released&pageSize=100', commander)).json();
    const recorded = await db.query<{ id: string }>("SELECT id FROM arrivals WHERE status = 'released'");
    expect(recorded).toHaveLength(1);
    expect(released.items.map((a: { id: string }) => a.id)).toContain(recorded[0]!.id);
    const detail = (await get(`/api/arrivals/${recorded[0]!.id}`, commander)).json();
    expect(
      detail.plans.map((p: { status: string; plan: { rule: string } }) => `${p.status}:${p.plan.rule}`),
    ).toEqual(['completed:ARR-4']);
    expect(
      detail.events.map((e: { item: string; result: string }) => `${e.item}=${e.result}`).sort(),
    ).toEqual(['phase:0:end=done', 'test:nat:d7=negative', 'test:serum:d7=negative']);
    expect(first.activity.planEvents).toBeGreaterThanOrEqual(5);
  });

  it('gives the community worker their community’s arrivals and deadlines: open and overdue', async () => {
    const mine = (await get('/api/arrivals?pageSize=100', community)).json();
    expect(mine.total).toBeGreaterThanOrEqual(8);
    for (const arrival of mine.items) expect(arrival.jurisdictionCode.startsWith(village)).toBe(true);
    const summary = (await get('/api/deadlines/summary', community)).json();
    expect(summary.counts.open).toBeGreaterThan(0);
    expect(summary.counts.overdue).toBeGreaterThan(0);
    const rules = summary.byRule.map((r: { ruleId: string }) => r.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['ARR-5', 'ARR-12']));
  });

  it('gives the county open, due-soon, overdue and done deadlines (ARR-12 escort within the hour)', async () => {
    const summary = (await get('/api/deadlines/summary', commander)).json();
    // The truck reported yesterday arrives in 50 minutes: its escort is due soon, the only arrival
    // item due soon (other modules' demos, e.g. MON-2 follow-ups, have due-soon items of their own).
    const arrivalDueSoon = summary.byRule
      .filter((r: { ruleId: string }) => r.ruleId.startsWith('ARR-'))
      .reduce((n: number, r: { counts: { due_soon: number } }) => n + r.counts.due_soon, 0);
    expect(arrivalDueSoon).toBe(1);
    expect(summary.byRule.find((r: { ruleId: string }) => r.ruleId === 'ARR-12')?.counts.due_soon).toBe(1);
    expect(summary.counts.open).toBeGreaterThan(10);
    expect(summary.counts.overdue).toBeGreaterThan(2);
    expect(summary.counts.done).toBeGreaterThan(0);
  });

  it('ARR-11 works every landing-code report round the loop: the daily-clear board is green', async () => {
    const reports = (
      await get(`/api/landing/reports?jurisdiction=${DEMO_COUNTY}&state=all`, commander)
    ).json();
    expect(reports.total).toBe(first.activity.landingReports);
    expect(new Set(reports.items.map((r: { state: string }) => r.state))).toEqual(new Set(['cleared']));
    const board = (await get('/api/landing/daily-clear', commander)).json();
    expect(board.clear).toBe(true);
    expect(board.total.received).toBe(2);
  });

  it('adds nothing when loaded again, even on a later day', async () => {
    const before = await counts();
    setNow(new Date('2026-11-26T09:00:00Z'));
    const again = await loadDemo(ctx, 300);
    expect(again.activity).toEqual({
      riskAreas: 0,
      arrivals: 0,
      landingReports: 0,
      planEvents: 0,
      truckReports: 0,
    });
    expect(await counts()).toEqual(before);
  });
});
