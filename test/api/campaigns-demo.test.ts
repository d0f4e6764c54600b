import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CAMPAIGN_NAME, loadCampaignDemo } from '../../src/modules/campaigns/index.js';
import { signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/** The demo loader: one active campaign on 盘山县 started at 06:00 local this morning, loaded once. */
let env: Awaited<ReturnType<typeof openWorldApp>>;

beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

describe('campaign demo', () => {
  it('TST-6 starts this morning at 06:00 Asia/Shanghai, due 24 h later; a second load changes nothing', async () => {
    // The test clock is 2026-11-24T02:00Z, 10:00 in Shanghai.
    await loadCampaignDemo(env.ctx, env.world.users.a_admin!);
    await loadCampaignDemo(env.ctx, env.world.users.a_admin!);
    const cookie = await signInAs(env.app, 'a_admin');
    const list = (await env.app.inject({ method: 'GET', url: '/api/campaigns', headers: { cookie } })).json();
    const demo = list.filter((c: { name: string }) => c.name === DEMO_CAMPAIGN_NAME);
    expect(demo).toHaveLength(1);
    expect(demo[0]).toMatchObject({
      jurisdictionCode: '211122',
      status: 'active',
      poolSize: 10,
      startsAt: '2026-11-23T22:00:00.000Z',
      dueAt: '2026-11-24T22:00:00.000Z',
    });
  });
});
