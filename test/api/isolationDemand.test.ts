import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Demand, Occupancy } from '../../src/api/isolationDemand.js';
import { importDivisions } from '../../src/modules/jurisdictions/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { FALLBACK_CONTACT_CONTROL } from '../../src/rules/contactControl.js';
import { contactPlan } from '../../src/rules/policy/contactPlan.js';
import type { Role } from '../../src/rules/roles.js';
import { insertPersons } from '../support/campaignSamples.js';
import { COUNTY_A, PASSWORD, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * ISO-2, 002 §25 "疫情发生地县（市、区）级领导小组（指挥部）要按照确诊病例数量合理确定隔离人员规模，原则上按照
 * 1 例确诊病例配置 100 间隔离房间": rooms demanded and needed now against the rooms of each county's
 * sites, the gap per county, and the commander's occupancy view. Two counties of 盘锦市 written
 * straight in SQL (the sites' and stays' own routes are tested elsewhere): 兴隆台区 short, 大洼区 fine.
 */
const SHORT = '211103';
const FINE = '211104';
const CITY = '2111';
const NOW = new Date('2026-11-24T05:00:00Z');
const TODAY = '2026-11-24';
const TOMORROW = '2026-11-25';
const AUTHOR = '00000000-0000-4000-8000-000000000001';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let city: string;
let shortCounty: string;
let fineCounty: string;

async function user(username: string, role: Role, scope: string) {
  await env.db.transaction((tx) =>
    createUser(tx, undefined, {
      username,
      displayName: username,
      password: PASSWORD,
      roles: [role],
      scopes: [scope],
    }),
  );
  return signInAs(env.app, username);
}

/** Persons of `code` named `${tag}0000001`…, in order. */
async function persons(code: string, tag: string, count: number): Promise<string[]> {
  await insertPersons(env.db, code, count, tag);
  const rows = await env.db.query<{ id: string }>('SELECT id FROM persons WHERE name LIKE $1 ORDER BY name', [
    `${tag}%`,
  ]);
  return rows.map((r) => r.id);
}

async function insertCase(code: string, personId: string, classification: string, discarded = false) {
  const [row] = await env.db.query<{ id: string }>(
    `INSERT INTO cases (jurisdiction_code, person_id, classification, status, found_at, reported_at, confirmed_at,
       reporting_institution, reporting_doctor, reported_by, discarded_at, discard_reason)
     VALUES ($1, $2, $3, $4, $5, $5, $6, '县人民医院', '王医生', $7, $8, $9) RETURNING id`,
    [
      code,
      personId,
      classification,
      discarded ? 'discarded' : 'reviewed',
      NOW,
      classification === 'confirmed' ? NOW : null,
      AUTHOR,
      discarded ? NOW : null,
      discarded ? '复核排除' : null,
    ],
  );
  return row!.id;
}

async function hospitalStay(
  code: string,
  hospitalId: string,
  caseId: string,
  personId: string,
  status: string,
) {
  await env.db.query(
    `INSERT INTO hospital_stays (jurisdiction_code, case_id, person_id, hospital_id, from_place, status, requested_at,
       requested_by, transfer_due_at, admitted_at, discharged_at)
     VALUES ($1, $2, $3, $4, '家中', $5, $6, $7, $6, $6, $8)`,
    [code, caseId, personId, hospitalId, status, NOW, AUTHOR, status === 'discharged' ? NOW : null],
  );
}

/** A site with rooms numbered 1…; `states` gives each room's state in order (the rest ready). */
async function site(
  code: string,
  name: string,
  status: 'in_use' | 'standby' | 'not_ready',
  rooms: number,
  states: Record<string, number> = {},
  active = true,
): Promise<{ id: string; rooms: string[] }> {
  const [row] = await env.db.query<{ id: string }>(
    `INSERT INTO isolation_sites (jurisdiction_code, name, kind, purposes, status, active)
     VALUES ($1, $2, 'hotel', ARRAY['close_contacts'], $3, $4) RETURNING id`,
    [code, name, status, active],
  );
  await env.db.query(
    `INSERT INTO isolation_rooms (site_id, jurisdiction_code, floor, number)
     SELECT $1, $2, 1 + (g - 1) / 50, lpad(g::text, 4, '0') FROM generate_series(1, $3::int) AS g`,
    [row!.id, code, rooms],
  );
  let from = 1;
  for (const [state, n] of Object.entries(states)) {
    await env.db.query(
      `UPDATE isolation_rooms SET state = $2 WHERE site_id = $1 AND number::int BETWEEN $3 AND $4`,
      [row!.id, state, from, from + n - 1],
    );
    from += n;
  }
  const ids = await env.db.query<{ id: string }>(
    'SELECT id FROM isolation_rooms WHERE site_id = $1 ORDER BY number',
    [row!.id],
  );
  return { id: row!.id, rooms: ids.map((r) => r.id) };
}

async function stay(
  code: string,
  personId: string,
  sourceId: string,
  status: 'allocated' | 'in_room' | 'home' | 'cancelled' | 'ended',
  plannedEnd: string,
  place: { siteId: string; roomId: string } | null,
) {
  await env.db.query(
    `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, site_id, room_id, status,
       allocated_at, started_at, planned_end_date, ended_at, end_kind)
     VALUES ($1, $2, $3, 'contact', $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      code,
      personId,
      place ? 'centralised' : 'home',
      sourceId,
      place?.siteId ?? null,
      place?.roomId ?? null,
      status,
      NOW,
      status === 'allocated' ? null : NOW,
      plannedEnd,
      status === 'cancelled' || status === 'ended' ? NOW : null,
      status === 'cancelled' ? 'cancelled' : status === 'ended' ? 'released' : null,
    ],
  );
}

async function contact(
  code: string,
  caseId: string,
  personId: string,
  cls: 'close' | 'secondary_close' | 'general',
  options: { exposedDaysAgo?: number; plan?: boolean; status?: string } = {},
) {
  const exposedAt = new Date(NOW.getTime() - (options.exposedDaysAgo ?? 2) * 86_400_000);
  const plan =
    options.plan === false
      ? null
      : contactPlan(FALLBACK_CONTACT_CONTROL, cls, NOW, exposedAt, 'Asia/Shanghai');
  const status = options.status ?? 'under_control';
  const [row] = await env.db.query<{ id: string }>(
    `INSERT INTO contacts (jurisdiction_code, source_code, case_id, person_id, class, reason, exposure_kind,
       exposure_at, identified_at, identified_by_name, status, plan, closed_at)
     VALUES ($1, $1, $2, $3, $4, '同住家庭成员', 'household', $5, $6, '流调员', $7, $8, $9) RETURNING id`,
    [
      code,
      caseId,
      personId,
      cls,
      exposedAt,
      NOW,
      status,
      plan ? JSON.stringify({ ...plan, packId: null, packVersion: null }) : null,
      status === 'released' ? NOW : null,
    ],
  );
  return row!.id;
}

/** An arrival of `personId` at `code` whose active plan holds one phase, copied from the world's arrival. */
async function arrival(
  code: string,
  personId: string,
  phase: { kind: string; endDate: string },
  status = 'planned',
) {
  const [row] = await env.db.query<{ id: string }>(
    `INSERT INTO arrivals SELECT (jsonb_populate_record(NULL::arrivals, to_jsonb(a) || jsonb_build_object(
       'id', gen_random_uuid(), 'jurisdiction_code', $2::text, 'person_id', $3::uuid, 'status', $4::text,
       'source_ref', NULL))).* FROM arrivals a WHERE a.id = $1 RETURNING id`,
    [env.world.arrivalA.arrivalId, code, personId, status],
  );
  const [plan] = await env.db.query<{ id: string }>(
    `SELECT id FROM arrival_plans WHERE status = 'active' ORDER BY created_at LIMIT 1`,
  );
  await env.db.query(
    `INSERT INTO arrival_plans SELECT (jsonb_populate_record(NULL::arrival_plans, to_jsonb(p) || jsonb_build_object(
       'id', gen_random_uuid(), 'arrival_id', $2::uuid, 'jurisdiction_code', $3::text, 'status', 'active',
       'superseded_by', NULL, 'plan', jsonb_set(p.plan, '{phases}', $4::jsonb)))).* FROM arrival_plans p WHERE p.id = $1`,
    [plan!.id, row!.id, code, JSON.stringify([phase])],
  );
  return row!.id;
}

beforeAll(async () => {
  env = await openWorldApp();
  env.setNow(NOW);
  await importDivisions(env.db, SHORT);
  await importDivisions(env.db, FINE);
  city = await user('city_commander', 'commander', CITY);
  shortCounty = await user('short_commander', 'commander', SHORT);
  fineCounty = await user('fine_manager', 'isolation_manager', FINE);

  // 兴隆台区: three current confirmed cases (one discharged and readmitted); a discarded one, an
  // asymptomatic one and one discharged from hospital do not count.
  const x = await persons(SHORT, 'DEMX', 7);
  const [hospital] = await env.db.query<{ id: string }>(
    `INSERT INTO hospitals (jurisdiction_code, name, kind, status, beds, icu_beds, negative_pressure_beds, supply_days)
     VALUES ($1, '兴隆台区定点医院', 'designated', 'in_use', 100, 10, 10, 30) RETURNING id`,
    [SHORT],
  );
  await insertCase(SHORT, x[0]!, 'confirmed');
  await insertCase(SHORT, x[1]!, 'confirmed');
  const readmitted = await insertCase(SHORT, x[2]!, 'confirmed');
  await hospitalStay(SHORT, hospital!.id, readmitted, x[2]!, 'discharged');
  await hospitalStay(SHORT, hospital!.id, readmitted, x[2]!, 'admitted');
  await insertCase(SHORT, x[3]!, 'confirmed', true);
  await insertCase(SHORT, x[4]!, 'asymptomatic');
  const discharged = await insertCase(SHORT, x[5]!, 'confirmed');
  await hospitalStay(SHORT, hospital!.id, discharged, x[5]!, 'discharged');
  // Its sites: in use 150 rooms (40 out of service, 10 being cleaned), standby 140, one not ready
  // and one inactive (neither counted): 250 rooms against 300 demanded.
  await site(SHORT, '兴隆台宾馆', 'in_use', 150, { out_of_service: 40, cleaning: 10 });
  await site(SHORT, '兴隆台培训中心', 'standby', 140);
  await site(SHORT, '兴隆台公寓', 'not_ready', 80);
  await site(SHORT, '兴隆台旧招待所', 'standby', 50, {}, false);

  // 大洼区: one confirmed case; 120 rooms, two people in rooms, one awaiting arrival, three contacts
  // owed a room, two arrivals too; two at home.
  const y = await persons(FINE, 'DEMY', 16);
  const yCase = await insertCase(FINE, y[0]!, 'confirmed');
  const hotel = await site(FINE, '大洼宾馆', 'in_use', 120, { occupied: 3 });
  const placed = await contact(FINE, yCase, y[1]!, 'close');
  await stay(FINE, y[1]!, placed, 'in_room', TODAY, { siteId: hotel.id, roomId: hotel.rooms[0]! });
  await stay(FINE, y[2]!, await contact(FINE, yCase, y[2]!, 'close'), 'in_room', TOMORROW, {
    siteId: hotel.id,
    roomId: hotel.rooms[1]!,
  });
  await stay(FINE, y[3]!, await contact(FINE, yCase, y[3]!, 'secondary_close'), 'allocated', TOMORROW, {
    siteId: hotel.id,
    roomId: hotel.rooms[2]!,
  });
  // Owed: a close contact with no plan stored (the cautious reading), a secondary close contact, a
  // close contact whose stay was cancelled.
  await contact(FINE, yCase, y[4]!, 'close', { plan: false });
  await contact(FINE, yCase, y[5]!, 'secondary_close');
  const cancelled = await contact(FINE, yCase, y[6]!, 'close');
  await stay(FINE, y[6]!, cancelled, 'cancelled', TODAY, { siteId: hotel.id, roomId: hotel.rooms[3]! });
  // Not owed: a general contact, one exposed 20 days ago (the centralised phase over before
  // identification), one released, one whose stay ended (moved on to home isolation).
  await contact(FINE, yCase, y[7]!, 'general');
  await contact(FINE, yCase, y[8]!, 'close', { exposedDaysAgo: 20 });
  await contact(FINE, yCase, y[9]!, 'close', { status: 'released' });
  const moved = await contact(FINE, yCase, y[10]!, 'close');
  await stay(FINE, y[10]!, moved, 'home', TODAY, null);
  await stay(FINE, y[11]!, await contact(FINE, yCase, y[11]!, 'general'), 'home', '2026-11-30', null);
  // Arrivals: one owed centralised isolation until the 30th (queued once, though also a close
  // contact), one whose phase ends today (queued), one whose phase ended yesterday, one at home only.
  await arrival(FINE, y[12]!, { kind: 'centralised_isolation', endDate: '2026-11-30' });
  await contact(FINE, yCase, y[12]!, 'close');
  await arrival(FINE, y[13]!, { kind: 'centralised_isolation', endDate: '2026-11-23' });
  await arrival(FINE, y[14]!, { kind: 'home_isolation', endDate: '2026-11-30' });
  await arrival(FINE, y[15]!, { kind: 'centralised_isolation', endDate: '2026-11-24' });
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const demand = async (cookie: string, jurisdiction?: string): Promise<Demand> => {
  const response = await get(
    `/api/isolation/demand${jurisdiction ? `?jurisdiction=${jurisdiction}` : ''}`,
    cookie,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('GET /api/isolation/demand (ISO-2, 002 §25 "原则上按照 1 例确诊病例配置 100 间隔离房间")', () => {
  it('ISO-2: a city commander sees each county, the short one short and the other fine, and the sum', async () => {
    const view = await demand(city);
    expect(view.jurisdiction).toEqual({ code: CITY, name: '盘锦市' });
    expect(view.roomsPerCase).toBe(100);
    expect(view.rows.map((r) => r.code)).toEqual([SHORT, FINE, COUNTY_A]);
    const [short, fine, panshan] = view.rows;
    expect(short).toMatchObject({
      name: '兴隆台区',
      confirmedCases: 3,
      demanded: 300,
      inRoom: 0,
      awaitingArrival: 0,
      queued: 0,
      neededNow: 0,
      required: 300,
      capacity: { total: 250, readyNow: 100, occupied: 0, cleaning: 10, standby: 140, outOfService: 40 },
      gap: 50,
      level: 'short',
      sites: { inUse: 1, standby: 1, notReady: 1 },
    });
    expect(fine).toMatchObject({
      name: '大洼区',
      confirmedCases: 1,
      demanded: 100,
      inRoom: 2,
      awaitingArrival: 1,
      queued: 5,
      neededNow: 8,
      required: 100,
      capacity: { total: 120, readyNow: 117, occupied: 3, cleaning: 0, standby: 0, outOfService: 0 },
      gap: -20,
      level: 'ok',
      sites: { inUse: 1, standby: 0, notReady: 0 },
    });
    // 盘山县, the world's county, is read by the same rule.
    expect(panshan!.gap).toBe(panshan!.required - panshan!.capacity.total);
    // The city's total: one county's spare rooms do not fill another's shortfall.
    const shortCounties = view.rows.filter((r) => r.level === 'short');
    expect(view.total).toMatchObject({
      code: CITY,
      confirmedCases: view.rows.reduce((n, r) => n + r.confirmedCases, 0),
      demanded: view.rows.reduce((n, r) => n + r.demanded, 0),
      gap: shortCounties.reduce((n, r) => n + r.gap, 0),
      level: 'short',
      countiesShort: shortCounties.length,
    });
    expect(view.total!.capacity.total).toBe(view.rows.reduce((n, r) => n + r.capacity.total, 0));
  });

  it('ISO-2: a county sees its own county only, no total; another county or the city is not found', async () => {
    const view = await demand(shortCounty);
    expect(view.rows.map((r) => r.code)).toEqual([SHORT]);
    expect(view.total).toBeNull();
    expect(view.rows[0]!.gap).toBe(50);
    for (const other of [FINE, CITY, COUNTY_A]) {
      const response = await get(`/api/isolation/demand?jurisdiction=${other}`, shortCounty);
      expect(response.statusCode).toBe(404);
    }
    const fine = await demand(fineCounty, FINE);
    expect(fine.rows.map((r) => [r.code, r.level, r.gap])).toEqual([[FINE, 'ok', -20]]);
  });

  it('moves with a new confirmed case: one more case in 大洼区 makes it 80 short', async () => {
    const [person] = await persons(FINE, 'DEMZ', 1);
    const added = await insertCase(FINE, person!, 'confirmed');
    const view = await demand(fineCounty);
    expect(view.rows[0]).toMatchObject({ confirmedCases: 2, demanded: 200, gap: 80, level: 'short' });
    await env.db.query(
      `UPDATE cases SET status = 'discarded', discarded_at = $2, discard_reason = '复核排除' WHERE id = $1`,
      [added, NOW],
    );
    expect((await demand(fineCounty)).rows[0]).toMatchObject({ confirmedCases: 1, gap: -20, level: 'ok' });
  });

  it('refuses hostile input with 4xx and a caller without isolation.read with 403', async () => {
    for (const query of ['abc', '1', `${SHORT}%25`, `${'9'.repeat(16)}`, `${SHORT}&jurisdiction=${FINE}`]) {
      const response = await get(`/api/isolation/demand?jurisdiction=${query}`, city);
      expect({ query, status: response.statusCode }).toEqual({
        query,
        status: expect.toSatisfy((s: number) => s >= 400 && s < 500),
      });
    }
    expect((await get(`/api/isolation/demand?jurisdiction=211103999`, city)).statusCode).toBe(404);
    const liaison = await user('demand_liaison', 'department_liaison', CITY);
    expect((await get('/api/isolation/demand', liaison)).statusCode).toBe(403);
    expect((await get('/api/isolation/occupancy', liaison)).statusCode).toBe(403);
  });
});

describe('GET /api/isolation/occupancy (ISO-1, ISO-4, ISO-5)', () => {
  it('lists every active site with rooms by state, people in, awaiting, ending today and tomorrow; home isolation per county', async () => {
    const response = await get('/api/isolation/occupancy', city);
    expect(response.statusCode, response.body).toBe(200);
    const view: Occupancy = response.json();
    expect(view.today).toBe(TODAY);
    // The world's own county may hold sites of its own: these two counties' sites are read here.
    const sites = view.sites.filter((s) => s.countyCode === SHORT || s.countyCode === FINE);
    expect(sites.map((s) => [s.name, s.status])).toEqual([
      ['兴隆台宾馆', 'in_use'],
      ['兴隆台培训中心', 'standby'],
      ['兴隆台公寓', 'not_ready'],
      ['大洼宾馆', 'in_use'],
    ]);
    expect(sites[0]).toMatchObject({
      countyCode: SHORT,
      countyName: '兴隆台区',
      rooms: { total: 150, ready: 100, occupied: 0, cleaning: 10, outOfService: 40 },
      inRoom: 0,
    });
    expect(sites[3]).toMatchObject({
      rooms: { total: 120, ready: 117, occupied: 3, cleaning: 0, outOfService: 0 },
      inRoom: 2,
      awaitingArrival: 1,
      endingToday: 1,
      endingTomorrow: 1,
    });
    expect(view.homeIsolation.find((h) => h.code === FINE)).toEqual({
      code: FINE,
      name: '大洼区',
      atHome: 2,
      endingToday: 1,
      endingTomorrow: 0,
    });
    expect(view.homeIsolation.find((h) => h.code === SHORT)?.atHome).toBe(0);
  });

  it('a county user sees its own sites only', async () => {
    const response = await get('/api/isolation/occupancy', fineCounty);
    const view: Occupancy = response.json();
    expect(view.sites.map((s) => s.name)).toEqual(['大洼宾馆']);
    expect(view.homeIsolation.map((h) => h.code)).toEqual([FINE]);
    expect((await get(`/api/isolation/occupancy?jurisdiction=${SHORT}`, fineCounty)).statusCode).toBe(404);
  });
});

describe('the dashboard tile (ISO-2)', () => {
  it('shows rooms demanded against available with the shortfall in danger, drilling to the overview', async () => {
    const response = await get(`/api/dashboard?jurisdiction=${SHORT}`, shortCounty);
    expect(response.statusCode, response.body).toBe(200);
    const tile = response.json().tiles.find((t: { id: string }) => t.id === 'isolation.demand');
    expect(
      tile.body.figures.map((f: { key: string; value: number; tone?: string; drill: string }) => [
        f.key,
        f.value,
        f.tone ?? null,
        f.drill,
      ]),
    ).toEqual([
      ['demanded', 300, null, `/isolation?jurisdiction=${SHORT}`],
      ['available', 250, null, `/isolation?jurisdiction=${SHORT}`],
      ['shortfall', 50, 'danger', `/isolation?jurisdiction=${SHORT}`],
    ]);
    const fine = (await get(`/api/dashboard?jurisdiction=${FINE}`, fineCounty)).json();
    const fineTile = fine.tiles.find((t: { id: string }) => t.id === 'isolation.demand');
    expect(fineTile.body.figures[2]).toMatchObject({ key: 'shortfall', value: 0, tone: 'good' });
  });
});
