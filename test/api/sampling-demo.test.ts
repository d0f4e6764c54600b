import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSamplingDemo } from '../../src/modules/sampling/index.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

describe('sampling demo data', () => {
  it('adds two sites of 盘山县 and a partial pool, quickly, and nothing twice', async () => {
    const started = performance.now();
    await loadSamplingDemo(env.ctx, env.world.users.a_admin!);
    expect(performance.now() - started).toBeLessThan(1000);
    await loadSamplingDemo(env.ctx, env.world.users.a_admin!);
    const sites = await env.db.query<{ jurisdictionCode: string; tables: number }>(
      `SELECT jurisdiction_code AS "jurisdictionCode", tables FROM sampling_sites WHERE name LIKE '%演示数据%' ORDER BY 1`,
    );
    expect(sites).toEqual([
      { jurisdictionCode: '211122001', tables: 4 },
      { jurisdictionCode: '211122002', tables: 6 },
    ]);
    const [tube] = await env.db.query<{ memberCount: number; capacity: number }>(
      `SELECT member_count AS "memberCount", capacity FROM tubes WHERE barcode = 'DEMO-TP-000001'`,
    );
    expect(tube).toMatchObject({ capacity: 10 });
    expect(tube!.memberCount).toBeGreaterThan(0);
  });
});
