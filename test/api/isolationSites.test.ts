import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIsolationSitesDemo } from '../../src/modules/isolation/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { roomIdOf } from '../support/routeRequests/isolationSites.js';
import { COUNTY_A, COUNTY_B, PASSWORD, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * ISO-1 (000 §2.4.4 "立足'一用一备'"), ISO-2 (002 §25 "不得将医疗机构设置为集中医学观察场所") and ISO-3
 * (004 §18 "五到位", the point leader and the staff ledger): the sites registry, rooms by floor and
 * number, the five-in-place checklist gating in use / standby, the staff ledger with sealed phones,
 * the room grid with masked occupants, turnover cleaning and rooms out of service; scope.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let other: string;
let supervisor: string;
let siteId: string;
let standbyId: string;

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
  // The other isolation parts' fixtures (sites with people in them) are set aside: these tests count
  // the county's sites from none.
  await env.db.query('UPDATE isolation_sites SET active = false');
  admin = await signInAs(env.app, 'a_admin');
  other = await signInAs(env.app, 'b_admin');
  supervisor = await signInAs(env.app, 'a_supervisor');
});
afterAll(() => env.close());

const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const ITEMS = ['rooms', 'zones', 'access_control', 'supplies', 'staff'] as const;

async function putAll(id: string, except: readonly string[] = []) {
  for (const item of ITEMS) {
    const r = await send('PUT', `/api/isolation/sites/${id}/readiness/${item}`, admin, {
      inPlace: !except.includes(item),
      evidence: `${item} 已核查`,
    });
    expect(r.statusCode).toBe(200);
  }
}

describe('ISO-1 / ISO-2 / ISO-3 isolation sites', () => {
  it('ISO-1: registers a site, not ready by default; the county fails one in use, one on standby', async () => {
    const created = await send('POST', '/api/isolation/sites', admin, {
      name: '盘山县锦程商务酒店',
      kind: 'hotel',
      purposes: ['close_contacts', 'key_area_arrivals'],
      jurisdictionCode: COUNTY_A,
      address: '盘山县太平街道兴盛路 18 号',
      contractedOn: '2026-11-01',
      contractUntil: '2027-04-30',
    });
    expect(created.statusCode).toBe(201);
    siteId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'not_ready', readiness: { inPlace: 0, of: 5 } });
    const list = (await get(`/api/isolation/sites?jurisdiction=${COUNTY_A}`, admin)).json();
    expect(list.items.map((s: { name: string }) => s.name)).toEqual(['盘山县锦程商务酒店']);
    expect(list.coverage).toEqual([
      {
        code: COUNTY_A,
        name: expect.any(String),
        inUse: 0,
        standby: 0,
        ok: false,
        purposesWithoutSite: ['close_contacts', 'inbound', 'asymptomatic', 'key_area_arrivals'],
      },
    ]);
  });

  it('ISO-2: a registered hospital is never an isolation site (by name or address); no hospital kind', async () => {
    const byName = await send('POST', '/api/isolation/sites', admin, {
      name: '盘山县定点医院',
      kind: 'other',
      purposes: ['close_contacts'],
      jurisdictionCode: COUNTY_A,
    });
    expect(byName.statusCode).toBe(400);
    expect(byName.json().errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'site_is_hospital' }),
    ]);
    const kind = await send('POST', '/api/isolation/sites', admin, {
      name: '某医院',
      kind: 'hospital',
      purposes: ['close_contacts'],
      jurisdictionCode: COUNTY_A,
    });
    expect(kind.statusCode).toBe(400);
    const rename = await send('PATCH', `/api/isolation/sites/${siteId}`, admin, {
      name: '盘山县定点医院（东院）',
    });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().errors[0].code).toBe('site_is_hospital');
  });

  it('ISO-3: in use is refused until all five are in place, naming the items missing', async () => {
    await putAll(siteId, ['zones', 'staff']);
    const refused = await send('PATCH', `/api/isolation/sites/${siteId}`, admin, { status: 'in_use' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'status',
      'readiness.zones',
      'readiness.staff',
    ]);
    expect(refused.json().missing.map((m: { zh: string }) => m.zh)).toEqual([
      '三区两通道改造到位',
      '管理人员准备到位',
    ]);
    await putAll(siteId);
    const detail = (await get(`/api/isolation/sites/${siteId}`, admin)).json();
    expect(detail.readinessItems.every((i: { inPlace: boolean }) => i.inPlace)).toBe(true);
    expect(detail.readinessItems[0]).toMatchObject({ item: 'rooms', checkedByName: 'a_admin' });
    const inUse = await send('PATCH', `/api/isolation/sites/${siteId}`, admin, { status: 'in_use' });
    expect(inUse.statusCode).toBe(200);
    expect(inUse.json()).toMatchObject({ status: 'in_use', readiness: { inPlace: 5 } });
  });

  it('ISO-4 rooms by floor and number: 301–330 and more; numbers already there are skipped', async () => {
    const added = await send('POST', `/api/isolation/sites/${siteId}/rooms`, admin, {
      floors: [
        { floor: 2, from: '201', to: '210' },
        { floor: 3, from: '301', to: '330' },
      ],
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ added: 40, skipped: [] });
    const again = await send('POST', `/api/isolation/sites/${siteId}/rooms`, admin, {
      floors: [{ floor: 3, from: '329', to: '331' }],
    });
    expect(again.json()).toMatchObject({ added: 1, skipped: ['329', '330'] });
    const reversed = await send('POST', `/api/isolation/sites/${siteId}/rooms`, admin, {
      floors: [{ floor: 3, from: '340', to: '332' }],
    });
    expect(reversed.statusCode).toBe(400);
    const grid = (await get(`/api/isolation/sites/${siteId}/rooms`, admin)).json();
    expect(grid.items).toHaveLength(41);
    expect(grid.items[0]).toMatchObject({
      floor: 2,
      number: '201',
      capacity: 1,
      state: 'ready',
      occupants: [],
    });
    expect(grid.items[0].id).toBe(roomIdOf(siteId, '201'));
    const site = (await get(`/api/isolation/sites/${siteId}`, admin)).json();
    expect(site.rooms).toEqual({ total: 41, ready: 41, occupied: 0, cleaning: 0, outOfService: 0 });
    expect(site.roomFacts).toEqual({ total: 41, floors: [2, 3] });
  });

  it('ISO-1: a second site on standby makes the county one in use, one on standby', async () => {
    const standby = await send('POST', '/api/isolation/sites', admin, {
      name: '盘山县职业技术学校宿舍',
      kind: 'dormitory',
      purposes: ['inbound', 'asymptomatic'],
      jurisdictionCode: COUNTY_A,
    });
    standbyId = standby.json().id;
    await putAll(standbyId);
    expect(
      (await send('PATCH', `/api/isolation/sites/${standbyId}`, admin, { status: 'standby' })).statusCode,
    ).toBe(200);
    const list = (await get(`/api/isolation/sites?jurisdiction=${COUNTY_A}`, admin)).json();
    expect(list.coverage[0]).toMatchObject({ inUse: 1, standby: 1, ok: true, purposesWithoutSite: [] });
    const filtered = (await get(`/api/isolation/sites?purpose=inbound&status=standby`, admin)).json();
    expect(filtered.items.map((s: { id: string }) => s.id)).toEqual([standbyId]);
    // An item falling out of place takes an empty standby site back to not ready.
    await send('PUT', `/api/isolation/sites/${standbyId}/readiness/supplies`, admin, { inPlace: false });
    expect((await get(`/api/isolation/sites/${standbyId}`, admin)).json().status).toBe('not_ready');
  });

  it('ISO-3: the staff ledger seals phones; a site without a point leader is flagged', async () => {
    const flagged = (await get('/api/isolation/sites?flag=no_point_leader', admin)).json();
    expect(flagged.items.map((s: { id: string }) => s.id).sort()).toEqual([siteId, standbyId].sort());
    const leader = await send('POST', `/api/isolation/sites/${siteId}/staff`, admin, {
      role: 'point_leader',
      name: '王建军',
      unit: '盘山县卫生健康局',
      phone: '13912345678',
      fromDate: '2026-11-01',
    });
    expect(leader.statusCode).toBe(201);
    expect(leader.json()).toMatchObject({ role: 'point_leader', phoneMasked: '139****5678' });
    expect(leader.body).not.toContain('13912345678');
    const badPhone = await send('POST', `/api/isolation/sites/${siteId}/staff`, admin, {
      role: 'medical',
      name: '李医生',
      phone: '12',
    });
    expect(badPhone.statusCode).toBe(400);
    const after = (await get('/api/isolation/sites?flag=no_point_leader', admin)).json();
    expect(after.items.map((s: { id: string }) => s.id)).toEqual([standbyId]);
    const revealed = await send('POST', `/api/isolation/staff/${leader.json().id}/phone`, admin, {
      reason: '联系点长',
    });
    expect(revealed.json()).toEqual({ phone: '13912345678' });
    expect(
      (
        await send('POST', `/api/isolation/staff/${leader.json().id}/phone`, supervisor, {
          reason: '联系点长',
        })
      ).statusCode,
    ).toBe(403);
    const [audit] = await env.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'unmask' AND entity = 'isolation_site_staff'",
    );
    expect(audit?.n).toBe(1);
  });

  it('ISO-4 turnover: an occupied room cannot go out of service nor the site not ready; occupants are masked; cleaning → ready', async () => {
    const roomId = roomIdOf(siteId, '301');
    const stayId = randomUUID();
    await env.db.query(
      `INSERT INTO isolation_stays (id, jurisdiction_code, person_id, kind, source_type, source_id, site_id, room_id,
         status, allocated_at, started_at, planned_end_date)
       VALUES ($1, $2, $3, 'centralised', 'contact', $4, $5, $6, 'in_room', $7, $7, '2026-12-20')`,
      [stayId, COUNTY_A, env.world.personA.id, randomUUID(), siteId, roomId, env.ctx.now()],
    );
    await env.db.query("UPDATE isolation_rooms SET state = 'occupied' WHERE id = $1", [roomId]);
    const out = await send('POST', `/api/isolation/rooms/${roomId}/service`, admin, { inService: false });
    expect({ status: out.statusCode, code: out.json().code }).toEqual({
      status: 409,
      code: 'site_has_occupants',
    });
    const notReady = await send('PATCH', `/api/isolation/sites/${siteId}`, admin, { status: 'not_ready' });
    expect({ status: notReady.statusCode, code: notReady.json().code }).toEqual({
      status: 409,
      code: 'site_has_occupants',
    });
    const off = await send('PATCH', `/api/isolation/sites/${siteId}`, admin, { active: false });
    expect(off.statusCode).toBe(409);
    const asSupervisor = (await get(`/api/isolation/sites/${siteId}/rooms`, supervisor)).json();
    const room = asSupervisor.items.find((r: { number: string }) => r.number === '301');
    expect(room.occupants).toEqual([
      expect.objectContaining({ stayId, status: 'in_room', plannedEndDate: '2026-12-20' }),
    ]);
    expect(room.occupants[0].personName).toMatch(/^.\*+$/);
    const asAdmin = (await get(`/api/isolation/sites/${siteId}/rooms`, admin)).json();
    expect(asAdmin.items.find((r: { number: string }) => r.number === '301').occupants[0].personName).toBe(
      env.world.personA.name,
    );
    // The stay ends; the room waits for cleaning, then 消杀完成 makes it ready (audited, who and when).
    await env.db.query(
      "UPDATE isolation_stays SET status = 'ended', ended_at = $2, end_kind = 'released' WHERE id = $1",
      [stayId, env.ctx.now()],
    );
    await env.db.query("UPDATE isolation_rooms SET state = 'cleaning' WHERE id = $1", [roomId]);
    const cleaned = await send('POST', `/api/isolation/rooms/${roomId}/cleaned`, admin);
    expect(cleaned.statusCode).toBe(200);
    expect(cleaned.json()).toMatchObject({ state: 'ready', occupants: [] });
    const [entry] = await env.db.query<{ actor_name: string }>(
      "SELECT actor_name FROM audit_log WHERE action = 'isolation.room_cleaned' AND entity_id = $1",
      [roomId],
    );
    expect(entry?.actor_name).toContain('a_admin');
    const [row] = await env.db.query<{ cleaned_by_name: string; cleaned_at: Date }>(
      'SELECT cleaned_by_name, cleaned_at FROM isolation_rooms WHERE id = $1',
      [roomId],
    );
    expect(row?.cleaned_by_name).toBe('a_admin');
    expect(new Date(row!.cleaned_at).getTime()).toBe(env.ctx.now().getTime());
    // Out of service and back, now that nobody is in it.
    const off2 = await send('POST', `/api/isolation/rooms/${roomId}/service`, admin, {
      inService: false,
      note: '空调维修',
    });
    expect(off2.json()).toMatchObject({ state: 'out_of_service', note: '空调维修' });
    const cleanedOff = await send('POST', `/api/isolation/rooms/${roomId}/cleaned`, admin);
    expect(cleanedOff.statusCode).toBe(409);
    const back = await send('POST', `/api/isolation/rooms/${roomId}/service`, admin, { inService: true });
    expect(back.json()).toMatchObject({ state: 'ready' });
  });

  it('another county reads none of it: 404 for the site, its rooms, a room and its staff; 403 to register here', async () => {
    expect((await get(`/api/isolation/sites/${siteId}`, other)).statusCode).toBe(404);
    expect((await get(`/api/isolation/sites/${siteId}/rooms`, other)).statusCode).toBe(404);
    expect((await get(`/api/isolation/sites?jurisdiction=${COUNTY_A}`, other)).statusCode).toBe(404);
    expect((await get('/api/isolation/sites', other)).json()).toMatchObject({ items: [] });
    expect((await send('PATCH', `/api/isolation/sites/${siteId}`, other, { name: '别处' })).statusCode).toBe(
      404,
    );
    expect(
      (await send('POST', `/api/isolation/rooms/${roomIdOf(siteId, '201')}/cleaned`, other)).statusCode,
    ).toBe(404);
    expect(
      (await send('PUT', `/api/isolation/sites/${siteId}/readiness/rooms`, other, { inPlace: true }))
        .statusCode,
    ).toBe(404);
    const here = await send('POST', '/api/isolation/sites', other, {
      name: '红山区某宾馆',
      kind: 'hotel',
      purposes: ['inbound'],
      jurisdictionCode: COUNTY_A,
    });
    expect(here.statusCode).toBe(403);
    const own = await send('POST', '/api/isolation/sites', other, {
      name: '红山区某宾馆',
      kind: 'hotel',
      purposes: ['inbound'],
      jurisdictionCode: COUNTY_B,
    });
    expect(own.statusCode).toBe(201);
  });

  it('hostile input is refused with 4xx', async () => {
    const bodies = [
      { name: '', kind: 'hotel', purposes: ['inbound'], jurisdictionCode: COUNTY_A },
      { name: 'x', kind: 'hotel', purposes: [], jurisdictionCode: COUNTY_A },
      { name: 'x', kind: 'hotel', purposes: ['inbound', 'inbound'], jurisdictionCode: COUNTY_A },
      { name: 'x', kind: 'hotel', purposes: ['inbound'], jurisdictionCode: "211122' OR 1=1" },
      { name: 'x'.repeat(101), kind: 'hotel', purposes: ['inbound'], jurisdictionCode: COUNTY_A },
      {
        name: 'y',
        kind: 'hotel',
        purposes: ['inbound'],
        jurisdictionCode: COUNTY_A,
        contractedOn: '2026-12-01',
        contractUntil: '2026-11-01',
      },
    ];
    for (const body of bodies) {
      const r = await send('POST', '/api/isolation/sites', admin, body);
      expect({ body, status: Math.floor(r.statusCode / 100) }).toEqual({ body, status: 4 });
    }
    expect(
      (await send('PUT', `/api/isolation/sites/${siteId}/readiness/nine`, admin, { inPlace: true }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await send('PUT', `/api/isolation/sites/${siteId}/readiness/rooms`, admin, {
          inPlace: true,
          checkedOn: '2099-01-01',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await send('POST', `/api/isolation/sites/${siteId}/rooms`, admin, {
          floors: [{ floor: 1, from: '1', to: '999' }],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await send('POST', `/api/isolation/sites/${siteId}/rooms`, admin, {
          floors: [{ floor: 1, from: '-1', to: '3' }],
        })
      ).statusCode,
    ).toBe(400);
    expect((await send('POST', '/api/isolation/rooms/not-a-uuid/cleaned', admin)).statusCode).toBe(400);
  });
});

describe('the demo county’s isolation sites (ISO-1, ISO-3)', () => {
  it('ISO-1: two hotels in use, one on standby, a dormitory not ready with two items missing; a re-load adds nothing', async () => {
    const count = async () =>
      (await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM isolation_rooms'))[0]?.n ?? 0;
    const roomsBefore = await count();
    await loadIsolationSitesDemo(env.ctx, COUNTY_A);
    const list = (await get(`/api/isolation/sites?jurisdiction=${COUNTY_A}`, admin)).json();
    const names = [
      '盘山县福源宾馆',
      '盘山县锦华商务酒店',
      '盘山县金港湾假日酒店',
      '盘山县职业教育中心学生公寓',
    ];
    const demo = list.items.filter((s: { name: string }) => names.includes(s.name));
    expect(
      demo.map((s: { status: string; readiness: { inPlace: number } }) => [s.status, s.readiness.inPlace]),
    ).toEqual([
      ['in_use', 5],
      ['in_use', 5],
      ['standby', 5],
      ['not_ready', 3],
    ]);
    for (const site of demo) expect(site.rooms.total).toBeGreaterThanOrEqual(40);
    for (const site of demo) expect(site.rooms.total).toBeLessThanOrEqual(120);
    expect(demo.filter((s: { hasPointLeader: boolean }) => !s.hasPointLeader)).toHaveLength(1);
    const detail = (await get(`/api/isolation/sites/${demo[0].id}`, admin)).json();
    expect(detail.readinessItems[0].evidence).toContain(String(detail.rooms.total));
    expect(detail.staff.map((f: { role: string }) => f.role)).toContain('point_leader');
    const roomsAfter = await count();
    await loadIsolationSitesDemo(env.ctx, COUNTY_A);
    expect(await count()).toBe(roomsAfter);
    expect(roomsAfter - roomsBefore).toBe(
      demo.reduce((n: number, s: { rooms: { total: number } }) => n + s.rooms.total, 0),
    );
  });
});
