import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_A, PERSON_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * TST-1, TST-8: a sampling site serves its whole subtree. Sites set up at the town or the county
 * appear in a community worker's list, and the worker samples at them; what they sample belongs
 * to their own community (who took it). Sites of other towns stay out of sight.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;
const TOWN_A = VILLAGE_A.slice(0, 9);

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, payload: object, cookie: string) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });

describe('TST-8 sampling sites serve their subtree', () => {
  it('lists the town’s and county’s sites for a community worker, not another town’s', async () => {
    const town = await post(
      '/api/sampling-sites',
      { jurisdictionCode: TOWN_A, name: '镇卫生院采样点', tables: 2 },
      admin,
    );
    expect(town.statusCode, town.body).toBe(201);
    const [otherTown] = await env.db.query<{ code: string }>(
      `SELECT code FROM jurisdictions WHERE parent_code = $1 AND code <> $2 ORDER BY code LIMIT 1`,
      [COUNTY_A, TOWN_A],
    );
    const other = await post(
      '/api/sampling-sites',
      { jurisdictionCode: otherTown!.code, name: '邻镇采样点', tables: 1 },
      admin,
    );
    expect(other.statusCode).toBe(201);
    const listed = await get('/api/sampling-sites', community);
    expect(listed.statusCode).toBe(200);
    const ids = listed.json().items.map((site: { id: string }) => site.id);
    expect(ids).toContain(town.json().id);
    expect(ids).toContain(env.world.testingA.siteId);
    expect(ids).not.toContain(other.json().id);
    const filtered = await get(`/api/sampling-sites?jurisdiction=${VILLAGE_A}`, community);
    expect(filtered.json().items.map((site: { id: string }) => site.id)).toContain(town.json().id);
    // Reading is not managing: the worker cannot change the town's site.
    const patch = await env.app.inject({
      method: 'PATCH',
      url: `/api/sampling-sites/${town.json().id}`,
      headers: { cookie: community },
      payload: { tables: 9 },
    });
    expect([403, 404]).toContain(patch.statusCode);
  });

  it('lets the community worker sample at the town’s site; the tube belongs to their community', async () => {
    const listed = (await get('/api/sampling-sites', community)).json();
    const site = listed.items.find((s: { name: string }) => s.name === '镇卫生院采样点');
    const response = await post(
      '/api/sampling/samples',
      {
        siteId: site.id,
        tableNo: 1,
        tubeBarcode: 'TOWN-SITE-0001',
        idNumber: PERSON_A.idNumber,
        purpose: 'other',
        campaignId: null,
        poolSize: 1,
      },
      community,
    );
    expect(response.statusCode, response.body).toBe(201);
    const [tube] = await env.db.query<{ code: string; siteId: string }>(
      `SELECT jurisdiction_code AS code, site_id AS "siteId" FROM tubes WHERE barcode = 'TOWN-SITE-0001'`,
    );
    expect(tube).toEqual({ code: VILLAGE_A, siteId: site.id });
    const today = await get(`/api/sampling/sites/${site.id}/today?tableNo=1`, community);
    expect(today.statusCode).toBe(200);
    expect(today.json()).toMatchObject({ people: 1, tubes: 1 });
  });
});
