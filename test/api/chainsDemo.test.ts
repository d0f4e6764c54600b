import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoChains } from '../../src/modules/demo/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Role } from '../../src/rules/roles.js';
import { drilled } from '../support/dashboardDrill.js';
import { expectedChainFigures } from '../support/dashboardExpectedChains.js';
import { COUNTY_A, PASSWORD, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/** EPI-5 demo: the demo county's family cluster over three generations, its alert and the dashboard tile. */
let env: Awaited<ReturnType<typeof openWorldApp>>;

beforeAll(async () => {
  env = await openWorldApp();
  // The demo's logins it acts as (the world's county A is the demo county, 盘山县 211122).
  for (const [username, role] of [
    ['cdc_epidemiologist', 'cdc_epidemiologist'],
    ['hospital_reporter', 'hospital_reporter'],
    ['commander', 'commander'],
  ] as Array<[string, Role]>)
    await env.ctx.db.transaction((tx) =>
      createUser(tx, undefined, {
        username,
        displayName: username,
        password: PASSWORD,
        roles: [role],
        scopes: [COUNTY_A],
      }),
    );
}, 120_000);
afterAll(() => env.close());

describe('EPI-5 demo chain', () => {
  it('EPI-5 loads once a five-case cluster of three generations with its discoverer credited and the alert open', async () => {
    await loadDemoChains(env.ctx);
    await loadDemoChains(env.ctx);
    const cookie = await signInAs(env.app, 'commander');
    const list = (await env.app.inject({ method: 'GET', url: '/api/chains', headers: { cookie } })).json();
    const demo = list.items.find((c: { size: number }) => c.size === 5);
    expect(demo).toMatchObject({
      rootName: '赵德顺',
      maxGeneration: 3,
      generations: [1, 2, 2],
      alert: { state: 'open' },
    });
    const detail = (
      await env.app.inject({ method: 'GET', url: `/api/chains/${demo.clusterId}`, headers: { cookie } })
    ).json();
    expect(detail.credits).toEqual([expect.objectContaining({ personName: '赵德顺', infectees: 2 })]);
    expect(detail.links).toHaveLength(5);
  });

  it('EPI-5 the dashboard tile counts the chains and open alerts as the chains list does', async () => {
    const cookie = await signInAs(env.app, 'commander');
    const view = (await env.app.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie } })).json();
    const tile = view.tiles.find((t: { id: string }) => t.id === 'chains.clusters');
    expect(tile.body.note.zh).toContain('第三代及以上');
    const expected = await expectedChainFigures(env.db, COUNTY_A);
    for (const figure of tile.body.figures) {
      expect({ key: figure.key, value: figure.value }).toEqual({
        key: figure.key,
        value: expected.get(`chains.clusters.${figure.key}`),
      });
      expect(await drilled(env.app, cookie, figure.drill)).toBe(figure.value);
    }
  });
});
