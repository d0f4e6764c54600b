import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/platform/access/accounts.js';
import { COUNTY_A, COUNTY_B, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * EPI-6 (003 §3.4.6): investigation teams with their members, the big-data working group per county
 * (a county without one is flagged), and 3–5 epi assistants in reserve per village/community: the
 * readiness list, the dashboard tile, masked reserve phones, scope.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let other: string;
let supervisor: string;
let community: string;
let fieldTeam: string;
let reserveTeam: string;

beforeAll(async () => {
  env = await openWorldApp();
  await env.db.transaction((tx) =>
    createUser(tx, undefined, {
      username: 'a_supervisor',
      displayName: '督导员',
      password: PASSWORD,
      roles: ['supervisor'],
      scopes: [COUNTY_A],
    }),
  );
  admin = await signInAs(env.app, 'a_admin');
  other = await signInAs(env.app, 'b_admin');
  supervisor = await signInAs(env.app, 'a_supervisor');
  community = await signInAs(env.app, 'a_community');
});
afterAll(() => env.close());

const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: object) =>
  env.app.inject({ method, url, headers: { cookie }, payload });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const villagesOf = async (parent: string) =>
  (
    await env.db.query<{ code: string }>(
      "SELECT code FROM jurisdictions WHERE level = 'village' AND code ^@ $1 ORDER BY code",
      [parent],
    )
  ).map((r) => r.code);

describe('EPI-6 investigation teams', () => {
  it('EPI-6: creates a field team and a reserve; the county without a big-data group is flagged', async () => {
    const field = await send('POST', '/api/epi-teams', admin, {
      name: '第一流调组',
      kind: 'field',
      jurisdictionCode: COUNTY_A,
    });
    expect(field.statusCode).toBe(201);
    fieldTeam = field.json().id;
    reserveTeam = (
      await send('POST', '/api/epi-teams', admin, {
        name: '协查员储备',
        kind: 'reserve',
        jurisdictionCode: COUNTY_A,
      })
    ).json().id;
    const list = (await get(`/api/epi-teams?jurisdiction=${COUNTY_A}`, admin)).json();
    expect(list.items.map((t: { name: string }) => t.name)).toEqual(['第一流调组', '协查员储备']);
    expect(list.countiesWithoutBigData.map((c: { code: string }) => c.code)).toEqual([COUNTY_A]);
    const again = await send('POST', '/api/epi-teams', admin, {
      name: '第一流调组',
      kind: 'field',
      jurisdictionCode: COUNTY_A,
    });
    expect({ status: again.statusCode, code: again.json().code }).toEqual({
      status: 409,
      code: 'name_taken',
    });
  });

  it('EPI-6: the big-data working group lists its members; the flag clears', async () => {
    const group = (
      await send('POST', '/api/epi-teams', admin, {
        name: '大数据工作组',
        kind: 'big_data',
        jurisdictionCode: COUNTY_A,
      })
    ).json();
    const [me] = await env.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'a_admin'");
    const lead = await send('POST', `/api/epi-teams/${group.id}/members`, admin, {
      userId: me!.id,
      role: 'lead',
    });
    expect(lead.statusCode).toBe(201);
    expect(lead.json()).toMatchObject({ userId: me!.id, displayName: 'a_admin', role: 'lead' });
    const twice = await send('POST', `/api/epi-teams/${group.id}/members`, admin, {
      userId: me!.id,
      role: 'analyst',
    });
    expect({ status: twice.statusCode, code: twice.json().code }).toEqual({
      status: 409,
      code: 'team_member_exists',
    });
    expect(twice.json().title ?? twice.json().detail ?? '').not.toBe('');
    const list = (await get(`/api/epi-teams?jurisdiction=${COUNTY_A}&kind=big_data`, admin)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].members.map((m: { displayName: string }) => m.displayName)).toEqual(['a_admin']);
    expect(list.countiesWithoutBigData).toEqual([]);
  });

  it('EPI-6: both identity kinds at once, or none, are refused; an assistant of a reserve names a village', async () => {
    const both = await send('POST', `/api/epi-teams/${reserveTeam}/members`, admin, { role: 'assistant' });
    expect(both.statusCode).toBe(400);
    const noVillage = await send('POST', `/api/epi-teams/${reserveTeam}/members`, admin, {
      name: '王协查',
      role: 'assistant',
    });
    expect(noVillage.json().errors.map((f: { code: string }) => f.code)).toContain('village_required');
    const town = await send('POST', `/api/epi-teams/${reserveTeam}/members`, admin, {
      name: '王协查',
      role: 'assistant',
      villageCode: VILLAGE_A.slice(0, 9),
    });
    expect(town.json().errors.map((f: { code: string }) => f.code)).toEqual(['not_community']);
  });

  it('EPI-6: the reserve per village: short (<3), ready, over (>5); towns summed; phones masked', async () => {
    const villages = await villagesOf(VILLAGE_A.slice(0, 9));
    expect(villages.length).toBeGreaterThanOrEqual(2);
    const [first, second] = villages as [string, string];
    for (let i = 0; i < 6; i++)
      await send('POST', `/api/epi-teams/${reserveTeam}/members`, admin, {
        name: `协查员${i}`,
        phone: `1390013900${i}`,
        role: 'assistant',
        villageCode: first,
      });
    for (let i = 0; i < 3; i++)
      await send('POST', `/api/epi-teams/${reserveTeam}/members`, admin, {
        name: `协查员二${i}`,
        role: 'assistant',
        villageCode: second,
      });
    const reserve = (await get(`/api/epi-teams/reserve?jurisdiction=${COUNTY_A}`, admin)).json();
    const of = (code: string) => reserve.villages.find((v: { code: string }) => v.code === code);
    expect([of(first).count, of(first).status]).toEqual([6, 'over']);
    expect([of(second).count, of(second).status]).toEqual([3, 'ready']);
    const all = await villagesOf(COUNTY_A);
    expect(reserve.summary).toEqual({ villages: all.length, short: all.length - 2, ready: 1, over: 1 });
    expect(reserve.villages[0].status).toBe('short');
    const town = reserve.towns.find((t: { townCode: string }) => t.townCode === VILLAGE_A.slice(0, 9));
    expect(town).toMatchObject({ over: 1, assistants: 9 });

    // Masked for every reader; the whole number only through the audited reveal, with person.unmask.
    const team = (await get(`/api/epi-teams/${reserveTeam}`, supervisor)).json();
    const member = team.members.find((m: { displayName: string }) => m.displayName === '协查员0');
    expect(member.phoneMasked).toBe('139****9000');
    expect(JSON.stringify(team)).not.toContain('13900139000');
    const refused = await send('POST', `/api/epi-team-members/${member.id}/phone`, supervisor, {
      reason: '联系',
    });
    expect(refused.statusCode).toBe(403);
    const shown = await send('POST', `/api/epi-team-members/${member.id}/phone`, admin, {
      reason: '联系协查员',
    });
    expect(shown.json()).toEqual({ phone: '13900139000' });
    const [audit] = await env.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'unmask' AND entity = 'epi_team_member' AND entity_id = $1",
      [member.id],
    );
    expect(audit!.n).toBe(1);
    const [cipher] = await env.db.query<{ plain: boolean }>(
      "SELECT position('13900139000' in encode(phone_cipher, 'escape')) > 0 AS plain FROM epi_team_members WHERE id = $1",
      [member.id],
    );
    expect(cipher!.plain).toBe(false);

    // Deactivating one member of the first village brings it to 5 (ready).
    const off = await send('PATCH', `/api/epi-team-members/${member.id}`, admin, { active: false });
    expect(off.json().active).toBe(false);
    const after = (await get(`/api/epi-teams/reserve?jurisdiction=${COUNTY_A}`, admin)).json();
    expect(after.villages.find((v: { code: string }) => v.code === first).status).toBe('ready');
    // Deactivating the team empties its villages' reserve.
    await send('PATCH', `/api/epi-teams/${reserveTeam}`, admin, { active: false });
    const none = (await get(`/api/epi-teams/reserve?jurisdiction=${COUNTY_A}`, admin)).json();
    expect(none.summary.short).toBe(all.length);
    const closed = await send('POST', `/api/epi-teams/${reserveTeam}/members`, admin, {
      name: '迟到者',
      role: 'assistant',
      villageCode: first,
    });
    expect(closed.json().code).toBe('team_inactive');
    await send('PATCH', `/api/epi-teams/${reserveTeam}`, admin, { active: true });
  });

  it('EPI-6: the dashboard tile counts villages short, drilling to the reserve list', async () => {
    const board = await get(`/api/dashboard?jurisdiction=${COUNTY_A}`, admin);
    const tile = board.json().tiles.find((t: { id: string }) => t.id === 'epiTeams.reserve');
    expect(tile.error).toBe(false);
    const short = tile.body.figures.find((f: { key: string }) => f.key === 'short');
    const reserve = (await get(`/api/epi-teams/reserve?jurisdiction=${COUNTY_A}`, admin)).json();
    expect(short.value).toBe(reserve.summary.short);
    expect(short.value).toBeGreaterThan(0);
    expect(short.drill).toBe(`/epi-teams?jurisdiction=${COUNTY_A}&tab=reserve&status=short`);
    const town = tile.body.heat.rows.find((r: { code: string }) => r.code === VILLAGE_A.slice(0, 9));
    const inTown = reserve.villages.filter(
      (v: { code: string; status: string }) =>
        v.code.startsWith(VILLAGE_A.slice(0, 9)) && v.status === 'short',
    );
    expect(town.cells[0].value).toBe(inTown.length);
  });

  it('EPI-6: another county gets 404, and a role without team.write cannot change teams', async () => {
    expect((await get(`/api/epi-teams/${fieldTeam}`, other)).statusCode).toBe(404);
    expect((await get(`/api/epi-teams?jurisdiction=${COUNTY_A}`, other)).statusCode).toBe(404);
    expect((await get(`/api/epi-teams/reserve?jurisdiction=${COUNTY_A}`, other)).statusCode).toBe(404);
    expect((await send('PATCH', `/api/epi-teams/${fieldTeam}`, other, { name: 'x' })).statusCode).toBe(404);
    expect(
      (await send('POST', `/api/epi-teams/${fieldTeam}/members`, other, { name: 'x', role: 'investigator' }))
        .statusCode,
    ).toBe(404);
    const mine = (await get(`/api/epi-teams?jurisdiction=${COUNTY_B}`, other)).json();
    expect(mine.items).toEqual([]);
    expect(mine.countiesWithoutBigData.map((c: { code: string }) => c.code)).toEqual([COUNTY_B]);
    expect((await send('PATCH', `/api/epi-teams/${fieldTeam}`, supervisor, { name: 'x' })).statusCode).toBe(
      403,
    );
    expect((await get(`/api/epi-teams?jurisdiction=${COUNTY_A}`, community)).statusCode).toBe(403);
  });
});
