import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemo } from '../../src/modules/demo/index.js';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { signInAs } from '../support/world.js';

/**
 * The demo county's NAT testing (TST-1, TST-6): a campaign sampled through the real registration,
 * the county lab's results with one positive pool, its members under control with re-sampling
 * tasks; loading the demo again doubles nothing.
 */
let db: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let sampled = 0;
let commander: string;

const TABLES = ['tubes', 'samples', 'person_controls', 'deadlines', 'labs', 'sampling_sites', 'campaigns'];
async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    result[table] = row!.n;
  }
  return result;
}

const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: commander } });

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const { ctx } = testContext(db);
  sampled = (await loadDemo(ctx, 600)).campaignSamples;
  ({ app } = await buildApp(ctx));
  commander = await signInAs(app, 'commander', DEMO_PASSWORD);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('demo NAT testing', () => {
  it('TST-6 shows the campaign sampled in pools of 10 through the sampling tables', async () => {
    expect(sampled).toBeGreaterThanOrEqual(20);
    const campaigns = (await get('/api/campaigns')).json();
    const campaign = campaigns.find((c: { name: string }) => c.name.includes('演示'));
    const progress = (await get(`/api/campaigns/${campaign.id}/progress`)).json();
    expect(progress.totals.sampled).toBe(sampled);
    expect(progress.totals.persons).toBeGreaterThanOrEqual(600);
    expect(progress.totals.resulted).toBeGreaterThan(0);
    expect(progress.hourly.reduce((n: number, h: { samples: number }) => n + h.samples, 0)).toBe(sampled);
  });

  it('TST-1 puts the members of the positive pool under control with re-sampling tasks', async () => {
    // The pool only: the demo cases add single-person positive tubes of their own (CAS-2).
    const pools = await db.query<{ id: string; members: number }>(
      `SELECT id, member_count AS members FROM tubes WHERE result = 'positive' AND member_count > 1`,
    );
    expect(pools).toHaveLength(1);
    const [positive] = pools;
    expect(positive?.members).toBeGreaterThan(1);
    const controls = (await get('/api/person-controls')).json();
    expect(controls.total ?? controls.items.length).toBe(positive!.members);
    const [tasks] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deadlines WHERE rule_id = 'TST-1' AND kind = $1 AND done_at IS NULL`,
      [`resample:${positive!.id}`],
    );
    expect(tasks?.n).toBe(positive!.members);
  });

  it('TST-4 gives the pupils their school and spreads their weekly test over the five working days', async () => {
    const [unschooled] = await db.query<{ n: number; pupils: number }>(
      `SELECT count(*) FILTER (WHERE employer IS NULL)::int AS n, count(*)::int AS pupils
       FROM persons WHERE 'student' = ANY (key_groups)`,
    );
    expect(unschooled!.pupils).toBeGreaterThan(20);
    expect(unschooled!.n).toBe(0);
    const page = (await get('/api/routine-testing/schedule?keyGroup=student&pageSize=100')).json();
    const slots = page.items.map((item: { slot: number | null }) => item.slot);
    expect(new Set(slots)).toEqual(new Set([0, 1, 2, 3, 4]));
    const mondays = slots.filter((slot: number | null) => slot === 0).length;
    expect(mondays).toBeLessThan(slots.length / 2);
  });

  it('loads again without doubling anything', async () => {
    const before = await counts();
    const { ctx } = testContext(db);
    await loadDemo(ctx, 600);
    expect(await counts()).toEqual(before);
  });
});
