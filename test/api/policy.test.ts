import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });

const panshan = readFileSync('packs/panshan-2021.yaml', 'utf8');
/** The next version asks ARR-4 arrivals for an extra NAT on day 1 (a changed rule, not new code). */
const panshanNext = panshan
  .replace('version: "6"', 'version: "7"')
  .replace(/(kind: nat\n\s+days: )\[7\]/, '$1[1, 7]');

describe('policy packs as versioned data', () => {
  it('ships one pack per seed authority, each protocol citing its clause', async () => {
    const packs = (await get('/api/policy/packs', community)).json();
    expect(packs.map((p: { id: string }) => p.id).sort()).toEqual([
      'chifeng-2022',
      'fujian-2021',
      'panjin-2022',
      'panshan-2021',
      'shenyang-2020',
    ]);
    const detail = (await get('/api/policy/packs/panshan-2021/6', community)).json();
    for (const protocol of detail.content.protocols) {
      expect(protocol.source.document).toBe('003');
      expect(protocol.rule).toMatch(/^ARR-\d+$/);
    }
    const governing = (await get(`/api/policy/assignments?jurisdiction=${COUNTY_A}001001`, community)).json();
    expect(governing.governing).toEqual({
      jurisdictionCode: COUNTY_A,
      packId: 'panshan-2021',
      packVersion: '6',
    });
  });

  it('refuses an invalid pack with every error located, and a changed text under a loaded version', async () => {
    const broken = await post('/api/policy/packs', admin, {
      yaml: panshan.replace('rule: ARR-4', 'rule: ARR-4\n    assumtion: true'),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().packErrors.length).toBeGreaterThan(0);
    expect(broken.json().packErrors[0]).toMatchObject({
      path: 'protocols[0].assumtion',
      // The line after the protocol's rule, where the misspelt key was put.
      line: panshan.split('\n').findIndex((line) => line.includes('rule: ARR-4')) + 2,
    });
    const changedSameVersion = await post('/api/policy/packs', admin, { yaml: `${panshan}\n# edited\n` });
    expect(changedSameVersion.statusCode).toBe(409);
    expect(changedSameVersion.json().errors[0].code).toBe('pack_version_exists');
    const notAdmin = await post('/api/policy/packs', community, { yaml: panshanNext });
    expect(notAdmin.statusCode).toBe(403);
  });

  it('previews the impact of a new version per person, then applies it with an audit entry', async () => {
    expect((await post('/api/policy/packs', admin, { yaml: panshanNext })).statusCode).toBe(201);
    expect((await post('/api/policy/packs', admin, { yaml: panshanNext })).statusCode).toBe(200);
    const body = { packId: 'panshan-2021', version: '7', jurisdictionCode: COUNTY_A };
    const preview = (await post('/api/policy/impact/preview', admin, body)).json();
    expect(preview.examined).toBe(1);
    expect(preview.changes).toEqual([
      expect.objectContaining({
        arrivalId: env.world.arrivalA.arrivalId,
        fromVersion: '6',
        fromProtocol: 'overseas-after-port-7-central',
        toProtocol: 'overseas-after-port-7-central',
        removedTests: [],
        addedTests: ['nat@2026-11-24'],
        endDateBefore: '2026-11-30',
        endDateAfter: '2026-11-30',
      }),
    ]);
    const applied = await post('/api/policy/impact/apply', admin, body);
    expect(applied.json()).toEqual({
      replaced: 1,
      unchanged: 0,
      examined: 1,
      outsideWindow: 0,
      governedElsewhere: 0,
      satisfied: 0,
      catchUp: 0,
    });
    const arrival = (await get(`/api/arrivals/${env.world.arrivalA.arrivalId}`, admin)).json();
    expect(arrival.packVersion).toBe('7');
    expect(arrival.plans.map((p: { status: string }) => p.status)).toEqual(['active', 'superseded']);
    const open = await env.db.query<{ kind: string }>(
      `SELECT d.kind FROM deadlines d 
       WHERE d.subject_type = 'arrival' AND d.subject_id = $1 AND d.done_at IS NULL AND d.cancelled_at IS NULL ORDER BY d.kind`,
      [env.world.arrivalA.arrivalId],
    );
    expect(open.map((d) => d.kind)).toEqual(['phase:0:end', 'test:nat:d1', 'test:nat:d7', 'test:serum:d7']);
    const audit = (await get('/api/audit?action=apply_pack', admin)).json();
    expect(audit.items[0]).toMatchObject({ action: 'apply_pack' });
    const again = (await post('/api/policy/impact/preview', admin, body)).json();
    expect(again.changes).toEqual([]);
  });
});
