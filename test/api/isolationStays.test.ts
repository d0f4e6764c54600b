import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, COUNTY_B, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { CONTACT_CASE_A } from '../support/worldContacts.js';

/**
 * ISO-4 (002 §25 "对密切接触者、次密切接触者等…严格实施单人单间隔离…做到隔离人员 12 小时内转运到集中隔离
 * 点"), ISO-5 (002 §17 §25 "居家隔离期间严格落实不外出、一人一间、分餐制"), EPI-4: the queue of people owed
 * isolation, allocation to single rooms of a site in use for their kind, the point-to-point transfer in
 * that closes a contact's 12-hour transfer deadline, cancellation, and home stays.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let a: string;
let b: string;
let community: string;
const NOW = new Date('2026-11-24T02:00:00Z');
const HOUR = 3_600_000;

const SITE_A = '15150000-0000-4000-8000-0000000000a1';
const STANDBY_A = '15150000-0000-4000-8000-0000000000a2';
const ARRIVALS_ONLY_A = '15150000-0000-4000-8000-0000000000a3';
const SITE_B = '15150000-0000-4000-8000-0000000000b1';

beforeAll(async () => {
  env = await openWorldApp();
  a = await signInAs(env.app, 'a_admin');
  b = await signInAs(env.app, 'b_admin');
  community = await signInAs(env.app, 'a_community');
  const site = (id: string, code: string, name: string, status: string, purposes: string[]) =>
    env.db.query(
      `INSERT INTO isolation_sites (id, jurisdiction_code, name, kind, purposes, status) VALUES ($1, $2, $3, 'hotel', $4, $5)`,
      [id, code, name, purposes, status],
    );
  await site(SITE_A, COUNTY_A, '盘山宾馆', 'in_use', ['close_contacts', 'inbound']);
  await site(STANDBY_A, COUNTY_A, '盘山培训中心', 'standby', ['close_contacts']);
  await site(ARRIVALS_ONLY_A, COUNTY_A, '盘山驿站', 'in_use', ['key_area_arrivals']);
  await site(SITE_B, COUNTY_B, '红山宾馆', 'in_use', ['close_contacts']);
  // Floor 1: 101, 103; floor 2: 201 … 230; floor 9: 901, a family room of 3; each other site one room.
  const rooms: Array<[string, string, number, string, number]> = [
    [SITE_A, COUNTY_A, 1, '101', 1],
    [SITE_A, COUNTY_A, 9, '901', 3],
    [SITE_A, COUNTY_A, 1, '103', 1],
    ...Array.from({ length: 30 }, (_, i): [string, string, number, string, number] => [
      SITE_A,
      COUNTY_A,
      2,
      String(201 + i),
      1,
    ]),
    [STANDBY_A, COUNTY_A, 1, '101', 1],
    [ARRIVALS_ONLY_A, COUNTY_A, 1, '101', 1],
    [SITE_B, COUNTY_B, 1, '101', 1],
  ];
  for (const [siteId, code, floor, number, capacity] of rooms)
    await env.db.query(
      'INSERT INTO isolation_rooms (site_id, jurisdiction_code, floor, number, capacity) VALUES ($1, $2, $3, $4, $5)',
      [siteId, code, floor, number, capacity],
    );
});
afterAll(() => env.close());

const post = (url: string, cookie: string, payload?: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload && { payload }) });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });

let serial = 100;
/** A contact of county A's case listed now through the API (its plan and 12-hour transfer opened). */
async function listContact(name: string, cls: 'close' | 'general' = 'close', household?: string) {
  serial += 1;
  const idNumber = withCheckDigit(`21112219800101${String(serial).padStart(3, '0')}`);
  const response = await post('/api/contacts', a, {
    caseId: CONTACT_CASE_A,
    class: cls,
    reason: '同住家庭成员',
    name,
    idNumber,
    jurisdictionCode: VILLAGE_A,
    exposure: { kind: 'household', place: '家中', at: new Date(NOW.getTime() - 20 * HOUR).toISOString() },
  });
  expect(response.statusCode, response.body).toBe(201);
  const contactId = response.json().id as string;
  if (household) {
    const [row] = await env.db.query<{ person_id: string }>('SELECT person_id FROM contacts WHERE id = $1', [
      contactId,
    ]);
    await env.db.query('UPDATE persons SET household_code = $2 WHERE id = $1', [row!.person_id, household]);
  }
  return contactId;
}

/** The plan of a contact marked as allowing a shared room (a pack step with singleRoom: false). */
async function allowSharing(contactId: string) {
  await env.db.query(
    `UPDATE contacts SET plan = jsonb_set(plan, '{steps}', (SELECT jsonb_agg(CASE WHEN s->>'kind' IN ('transfer', 'centralised_isolation')
       THEN s || '{"singleRoom": false}'::jsonb ELSE s END) FROM jsonb_array_elements(plan->'steps') s)) WHERE id = $1`,
    [contactId],
  );
}

const contact = (sourceId: string) => ({ sourceType: 'contact', sourceId });

async function roomState(siteId: string, number: string) {
  const [row] = await env.db.query<{ state: string }>(
    'SELECT state FROM isolation_rooms WHERE site_id = $1 AND number = $2',
    [siteId, number],
  );
  return row?.state;
}

describe('ISO-4, EPI-4 the queue of people owed a room', () => {
  it('lists a close contact with its 12-hour transfer due, and drops them once allocated', async () => {
    const id = await listContact('吴海燕');
    const queue = (await get(`/api/isolation/queue?jurisdiction=${COUNTY_A}&kind=centralised`, a)).json();
    const row = queue.items.find((r: { sourceId: string }) => r.sourceId === id);
    expect(row).toMatchObject({
      sourceType: 'contact',
      personName: '吴海燕',
      personIdMasked: expect.stringMatching(/\*/),
      purpose: 'close_contacts',
      contactClass: 'close',
      dueAt: new Date(NOW.getTime() + 12 * HOUR).toISOString(),
      overdue: false,
      sharingAllowed: false,
    });
    expect(row.plannedEndDate).toMatch(/^2026-12-/);
    // A general contact is owed home isolation, not a room.
    const general = await listContact('钱立新', 'general');
    expect(queue.items.some((r: { sourceId: string }) => r.sourceId === general)).toBe(false);
    const home = (await get('/api/isolation/queue?kind=home', a)).json();
    expect(home.items.some((r: { sourceId: string }) => r.sourceId === general)).toBe(true);

    const allocated = await post('/api/isolation/allocations', a, { people: [contact(id)], siteId: SITE_A });
    expect(allocated.statusCode, allocated.body).toBe(200);
    const after = (await get('/api/isolation/queue', a)).json();
    expect(after.items.some((r: { sourceId: string }) => r.sourceId === id)).toBe(false);
  });

  it('marks a transfer overdue once 12 hours have passed', async () => {
    const id = await listContact('孙丽娟');
    // Identified 13 hours ago: the plan's transfer was due an hour ago.
    await env.db.query(
      `UPDATE contacts SET identified_at = $2, plan = jsonb_set(plan, '{steps}', (SELECT jsonb_agg(CASE WHEN s->>'kind' = 'transfer'
         THEN s || jsonb_build_object('dueAt', $3::text) ELSE s END) FROM jsonb_array_elements(plan->'steps') s)) WHERE id = $1`,
      [id, new Date(NOW.getTime() - 13 * HOUR), new Date(NOW.getTime() - HOUR).toISOString()],
    );
    const queue = (await get('/api/isolation/queue', a)).json();
    expect(queue.items.find((r: { sourceId: string }) => r.sourceId === id)).toMatchObject({
      overdue: true,
      dueAt: new Date(NOW.getTime() - HOUR).toISOString(),
    });
    expect(queue.items[0].sourceId).toBe(id);
  });

  it('shows another county nothing of county A', async () => {
    const queue = (await get(`/api/isolation/queue?jurisdiction=${COUNTY_A}`, b)).json();
    expect(queue.items).toEqual([]);
  });
});

describe('ISO-4 allocation to single rooms (单人单间)', () => {
  it('gives each person the next ready room by floor and number, and holds it', async () => {
    const one = await listContact('周建军');
    const two = await listContact('郑雪梅');
    const response = await post('/api/isolation/allocations', a, {
      people: [contact(one), contact(two)],
      siteId: SITE_A,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { stays } = response.json();
    expect(stays).toHaveLength(2);
    expect(stays[0].roomId).not.toBe(stays[1].roomId);
    expect(stays.map((s: { personName: string }) => s.personName)).toEqual(['周建军', '郑雪梅']);
    for (const s of stays) {
      const view = (await get(`/api/isolation/stays/${s.stayId}`, a)).json();
      expect(view).toMatchObject({
        status: 'allocated',
        kind: 'centralised',
        siteName: '盘山宾馆',
        purpose: 'close_contacts',
      });
      expect(await roomState(SITE_A, s.roomNumber)).toBe('occupied');
    }
    const [audit] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'isolation.allocate' AND entity_id = ANY ($1::text[])`,
      [stays.map((s: { stayId: string }) => s.stayId)],
    );
    expect(audit?.n).toBe(2);
  });

  it('refuses two people picked into one room, and a household whose plans do not allow sharing (single_room_required)', async () => {
    const one = await listContact('冯国强', 'close', 'HH-ISO-1');
    const two = await listContact('冯丽', 'close', 'HH-ISO-1');
    const [room] = await env.db.query<{ id: string }>(
      `SELECT id FROM isolation_rooms WHERE site_id = $1 AND number = '901'`,
      [SITE_A],
    );
    const picked = await post('/api/isolation/allocations', a, {
      people: [contact(one), contact(two)],
      siteId: SITE_A,
      roomIds: [room!.id, room!.id],
    });
    expect(picked.statusCode).toBe(409);
    expect(picked.json().code).toBe('single_room_required');
    const household = await post('/api/isolation/allocations', a, {
      people: [contact(one), contact(two)],
      siteId: SITE_A,
      householdKey: 'HH-ISO-1',
    });
    expect(household.statusCode).toBe(409);
    expect(household.json().code).toBe('single_room_required');
    // Where every plan allows it, the household shares the family room.
    await allowSharing(one);
    await allowSharing(two);
    const shared = await post('/api/isolation/allocations', a, {
      people: [contact(one), contact(two)],
      siteId: SITE_A,
      householdKey: 'HH-ISO-1',
    });
    expect(shared.statusCode, shared.body).toBe(200);
    const stays = shared.json().stays;
    expect(stays[0].roomNumber).toBe('901');
    expect(stays[1].roomNumber).toBe('901');
    // Nobody else joins them there.
    const stranger = await listContact('陈志明');
    const joined = await post('/api/isolation/allocations', a, {
      people: [contact(stranger)],
      siteId: SITE_A,
      roomIds: [room!.id],
    });
    expect(joined.statusCode).toBe(409);
    expect(joined.json().code).toBe('room_not_ready');
  });

  it('refuses a person with an open stay (stay_open)', async () => {
    const id = await listContact('赵敏');
    expect(
      (await post('/api/isolation/allocations', a, { people: [contact(id)], siteId: SITE_A })).statusCode,
    ).toBe(200);
    const again = await post('/api/isolation/allocations', a, { people: [contact(id)], siteId: SITE_A });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('stay_open');
  });

  it('refuses a site not in use, or not for the person’s kind, with the field named', async () => {
    const id = await listContact('何建华');
    const standby = await post('/api/isolation/allocations', a, { people: [contact(id)], siteId: STANDBY_A });
    expect(standby.statusCode).toBe(400);
    expect(standby.json().errors).toEqual([
      expect.objectContaining({ field: 'siteId', code: 'isolation_site_not_in_use' }),
    ]);
    const mismatch = await post('/api/isolation/allocations', a, {
      people: [contact(id)],
      siteId: ARRIVALS_ONLY_A,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors).toEqual([
      expect.objectContaining({ field: 'people.0.sourceId', code: 'site_purpose_mismatch' }),
    ]);
    const general = await listContact('林小红', 'general');
    const notOwed = await post('/api/isolation/allocations', a, {
      people: [contact(general)],
      siteId: SITE_A,
    });
    expect(notOwed.statusCode).toBe(400);
    expect(notOwed.json().errors[0].code).toBe('isolation_not_owed');
  });

  it('never gives one room to two concurrent allocations', async () => {
    const people = await Promise.all(['韩冬', '唐静', '许磊', '邓华'].map((n) => listContact(n)));
    const responses = await Promise.all(
      people.map((p) => post('/api/isolation/allocations', a, { people: [contact(p)], siteId: SITE_A })),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(200);
    const rooms = responses.map((r) => r.json().stays[0].roomId);
    expect(new Set(rooms).size).toBe(4);
    // Racing for one picked room: one wins, the others are refused.
    const [free] = await env.db.query<{ id: string }>(
      `SELECT id FROM isolation_rooms WHERE site_id = $1 AND state = 'ready' ORDER BY floor, number LIMIT 1`,
      [SITE_A],
    );
    const racers = await Promise.all(['魏东', '蒋琳'].map((n) => listContact(n)));
    const raced = await Promise.all(
      racers.map((p) =>
        post('/api/isolation/allocations', a, { people: [contact(p)], siteId: SITE_A, roomIds: [free!.id] }),
      ),
    );
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [held] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM isolation_stays WHERE room_id = $1 AND status IN ('allocated', 'in_room')`,
      [free!.id],
    );
    expect(held?.n).toBe(1);
  });
});

describe('EPI-4 the point-to-point transfer in closes the 12-hour transfer', () => {
  it('puts the person in the room at the arrival and closes the contact’s transfer deadline then, with the place', async () => {
    const id = await listContact('曹玉兰');
    const allocated = (
      await post('/api/isolation/allocations', a, { people: [contact(id)], siteId: SITE_A })
    ).json();
    const stayId = allocated.stays[0].stayId;
    env.setNow(new Date(NOW.getTime() + 5 * HOUR));
    try {
      const arrivedAt = new Date(NOW.getTime() + 4 * HOUR).toISOString();
      const response = await post(`/api/isolation/stays/${stayId}/arrive`, a, {
        arrivedAt,
        departedAt: new Date(NOW.getTime() + 3 * HOUR).toISOString(),
        fromPlace: '盘山县某小区',
        vehicle: '辽L·12345',
        escortName: '王护士',
      });
      expect(response.statusCode, response.body).toBe(200);
      const view = response.json();
      expect(view).toMatchObject({
        status: 'in_room',
        startedAt: arrivedAt,
        transfer: { doneAt: arrivedAt, overdue: false },
        transfers: [
          expect.objectContaining({
            direction: 'in',
            fromPlace: '盘山县某小区',
            toPlace: `盘山宾馆 ${allocated.stays[0].roomNumber}`,
            vehicle: '辽L·12345',
            arrivedAt,
          }),
        ],
      });
      const [deadline] = await env.db.query<{ done_at: Date; outcome: string }>(
        `SELECT done_at, outcome FROM deadlines WHERE subject_type = 'contact' AND subject_id = $1 AND kind = 'transfer'`,
        [id],
      );
      expect(new Date(deadline!.done_at).toISOString()).toBe(arrivedAt);
      expect(deadline!.outcome).toContain('盘山宾馆');
      const events = await env.db.query<{ kind: string }>(
        `SELECT kind FROM contact_events WHERE contact_id = $1 ORDER BY id`,
        [id],
      );
      expect(events.map((e) => e.kind)).toContain('transferred');
      // Arrived once: a second arrival is refused.
      const again = await post(`/api/isolation/stays/${stayId}/arrive`, a, { fromPlace: '盘山县某小区' });
      expect(again.statusCode).toBe(409);
    } finally {
      env.setNow(NOW);
    }
  });

  it('refuses an arrival in the future or before the allocation', async () => {
    const id = await listContact('袁志刚');
    const stayId = (
      await post('/api/isolation/allocations', a, { people: [contact(id)], siteId: SITE_A })
    ).json().stays[0].stayId;
    const future = await post(`/api/isolation/stays/${stayId}/arrive`, a, {
      arrivedAt: new Date(NOW.getTime() + HOUR).toISOString(),
      fromPlace: '家中',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'arrivedAt', code: 'in_future' });
    const early = await post(`/api/isolation/stays/${stayId}/arrive`, a, {
      arrivedAt: new Date(NOW.getTime() - HOUR).toISOString(),
      fromPlace: '家中',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'arrivedAt', code: 'before_allocation' });
  });

  it('cancels an allocation before arrival: the room goes back to ready, not to cleaning', async () => {
    const id = await listContact('邹平');
    const stay = (
      await post('/api/isolation/allocations', a, { people: [contact(id)], siteId: SITE_A })
    ).json().stays[0];
    expect(await roomState(SITE_A, stay.roomNumber)).toBe('occupied');
    const cancelled = await post(`/api/isolation/stays/${stay.stayId}/cancel`, a, {
      reason: '核实为已转运至外地',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', endKind: 'cancelled' });
    expect(await roomState(SITE_A, stay.roomNumber)).toBe('ready');
    const again = await post(`/api/isolation/stays/${stay.stayId}/cancel`, a, { reason: '重复操作' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('stay_closed');
    // Back in the queue, owed a room.
    const queue = (await get('/api/isolation/queue', a)).json();
    expect(queue.items.some((r: { sourceId: string }) => r.sourceId === id)).toBe(true);
  });
});

describe('ISO-5 home stays, supervised by the community (不外出、一人一间、分餐制)', () => {
  it('records a general contact’s home isolation in their jurisdiction, by the community worker', async () => {
    const id = await listContact('黄晓东', 'general');
    const response = await post('/api/isolation/home-stays', community, {
      sourceType: 'contact',
      sourceId: id,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'home',
      status: 'home',
      jurisdictionCode: VILLAGE_A,
      startedAt: NOW.toISOString(),
      homeRules: [
        { zh: '不外出', en: expect.any(String) },
        { zh: '一人一间', en: expect.any(String) },
        { zh: '分餐制', en: expect.any(String) },
      ],
    });
    const twice = await post('/api/isolation/home-stays', community, { sourceType: 'contact', sourceId: id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('stay_open');
    const list = (await get('/api/isolation/stays?kind=home&status=home', a)).json();
    expect(list.items.some((s: { sourceId: string }) => s.sourceId === id)).toBe(true);
  });

  it('refuses a close contact owed a room, and the community worker allocating rooms', async () => {
    const id = await listContact('罗建国');
    const home = await post('/api/isolation/home-stays', community, { sourceType: 'contact', sourceId: id });
    expect(home.statusCode).toBe(400);
    expect(home.json().errors[0].code).toBe('home_isolation_not_owed');
    const allocate = await post('/api/isolation/allocations', community, {
      people: [contact(id)],
      siteId: SITE_A,
    });
    expect(allocate.statusCode).toBe(403);
  });
});

describe('CMD-1 scope and hostile input', () => {
  it('answers another county 404 for county A’s stays, sites and people', async () => {
    const id = await listContact('谢云');
    const stayId = (
      await post('/api/isolation/allocations', a, { people: [contact(id)], siteId: SITE_A })
    ).json().stays[0].stayId;
    expect((await get(`/api/isolation/stays/${stayId}`, b)).statusCode).toBe(404);
    expect((await post(`/api/isolation/stays/${stayId}/arrive`, b, { fromPlace: '家中' })).statusCode).toBe(
      404,
    );
    expect((await post(`/api/isolation/stays/${stayId}/cancel`, b, { reason: '越权操作' })).statusCode).toBe(
      404,
    );
    const other = await listContact('潘虹');
    expect(
      (await post('/api/isolation/allocations', b, { people: [contact(other)], siteId: SITE_B })).statusCode,
    ).toBe(404);
    expect(
      (await post('/api/isolation/allocations', a, { people: [contact(other)], siteId: SITE_B })).statusCode,
    ).toBe(404);
    const list = (await get('/api/isolation/stays', b)).json();
    expect(list.items).toEqual([]);
  });

  it.each([
    ['no people', { people: [], siteId: SITE_A }],
    ['a bad site id', { people: [contact(SITE_A)], siteId: 'x' }],
    ['an unknown field', { people: [contact(SITE_A)], siteId: SITE_A, extra: 1 }],
    ['a household key with markup', { people: [contact(SITE_A)], siteId: SITE_A, householdKey: '<b>' }],
    ['room ids that are not ids', { people: [contact(SITE_A)], siteId: SITE_A, roomIds: ['1'] }],
  ])('answers 4xx, never 5xx, to %s', async (_name, payload) => {
    const response = await post('/api/isolation/allocations', a, payload);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });

  it('answers 4xx to a hostile arrival', async () => {
    const id = await listContact('杜鹃');
    const stayId = (
      await post('/api/isolation/allocations', a, { people: [contact(id)], siteId: SITE_A })
    ).json().stays[0].stayId;
    for (const payload of [
      {},
      { fromPlace: '' },
      { fromPlace: '<script>x</script>' },
      { fromPlace: '家中', arrivedAt: 'yesterday' },
      { fromPlace: '家中', vehicle: 'x'.repeat(51) },
    ]) {
      const response = await post(`/api/isolation/stays/${stayId}/arrive`, a, payload);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
  });
});
