import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { CONTACT_CASE_A } from '../support/worldContacts.js';

/**
 * ISO-6, 002 §3: "两种试剂平行检测结果为阴性者，方可解除集中医学观察 … 由所在地'点对点'闭环转运回目的地继续
 * 实施7天居家医学观察". Tests taken during a stay, the release check against the plan, release only
 * when it allows (an early release is refused with its reasons), the move to the plan's next phase at
 * home, and the room left for cleaning.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let a: string;
let b: string;
let community: string;
const NOW = new Date('2026-11-24T02:00:00Z');
const HOUR = 3_600_000;
const SITE_A = '16160000-0000-4000-8000-0000000000a1';

/** An instant on a local (Asia/Shanghai) date. */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

beforeAll(async () => {
  env = await openWorldApp();
  a = await signInAs(env.app, 'a_admin');
  b = await signInAs(env.app, 'b_admin');
  community = await signInAs(env.app, 'a_community');
  await env.db.query(
    `INSERT INTO isolation_sites (id, jurisdiction_code, name, kind, purposes, status)
     VALUES ($1, $2, '盘山宾馆', 'hotel', '{close_contacts,inbound}', 'in_use')`,
    [SITE_A, COUNTY_A],
  );
  for (const number of ['101', '102', '103', '104', '105', '106', '107', '108'])
    await env.db.query(
      `INSERT INTO isolation_rooms (site_id, jurisdiction_code, floor, number, capacity) VALUES ($1, $2, 1, $3, 1)`,
      [SITE_A, COUNTY_A, number],
    );
});
afterAll(() => env.close());

/** Moves the clock; the test's sessions are kept valid across the days it skips. */
async function clock(to: Date) {
  env.setNow(to);
  await env.db.query(`UPDATE sessions SET expires_at = $1`, [new Date(to.getTime() + 12 * 3_600_000)]);
}

const post = (url: string, cookie: string, payload?: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload && { payload }) });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });

let serial = 300;
/** A close contact of county A's case listed now through the API (its plan and deadlines opened). */
async function listContact(name: string) {
  serial += 1;
  const response = await post('/api/contacts', a, {
    caseId: CONTACT_CASE_A,
    class: 'close',
    reason: '同住家庭成员',
    name,
    idNumber: withCheckDigit(`21112219800101${String(serial).padStart(3, '0')}`),
    jurisdictionCode: VILLAGE_A,
    exposure: { kind: 'household', place: '家中', at: new Date(NOW.getTime() - 20 * HOUR).toISOString() },
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as string;
  const [row] = await env.db.query<{ personId: string; untilDate: string }>(
    `SELECT person_id AS "personId", (SELECT s->>'untilDate' FROM jsonb_array_elements(plan->'steps') s
       WHERE s->>'kind' = 'centralised_isolation' LIMIT 1) AS "untilDate" FROM contacts WHERE id = $1`,
    [id],
  );
  return { id, personId: row!.personId, untilDate: row!.untilDate };
}

/** A stay in room `number` of the site, begun at NOW (as allocation and arrival leave it). */
async function stayIn(
  number: string,
  source: { type: 'contact' | 'arrival'; id: string; personId: string },
  plannedEnd: string,
) {
  const [room] = await env.db.query<{ id: string }>(
    `UPDATE isolation_rooms SET state = 'occupied' WHERE site_id = $1 AND number = $2 RETURNING id`,
    [SITE_A, number],
  );
  const [stay] = await env.db.query<{ id: string }>(
    `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, site_id, room_id, status,
       allocated_at, started_at, planned_end_date)
     VALUES ($1, $2, 'centralised', $3, $4, $5, $6, 'in_room', $7, $7, $8) RETURNING id`,
    [COUNTY_A, source.personId, source.type, source.id, SITE_A, room!.id, NOW, plannedEnd],
  );
  return stay!.id;
}

const roomState = async (number: string) =>
  (
    await env.db.query<{ state: string }>(
      'SELECT state FROM isolation_rooms WHERE site_id = $1 AND number = $2',
      [SITE_A, number],
    )
  )[0]?.state;

const test = (sampledAt: Date, reagents = 1, result = 'negative', kind = 'nat') => ({
  kind,
  reagents,
  result,
  sampledAt: sampledAt.toISOString(),
});
const codes = (body: { reasons: Array<{ code: string }> }) => body.reasons.map((r) => r.code);

describe('ISO-6 a close contact: released only after the period and a negative last test', () => {
  let contact: Awaited<ReturnType<typeof listContact>>;
  let stayId: string;

  it('refuses an early release with the reasons: the period is not over, the test is missing', async () => {
    await clock(NOW);
    contact = await listContact('周建国');
    stayId = await stayIn('101', { type: 'contact', ...contact }, contact.untilDate);
    const check = await get(`/api/isolation/stays/${stayId}/release-check`, a);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ allowed: false, lastDate: contact.untilDate, today: '2026-11-24' });
    expect(codes(check.json())).toEqual(['period_not_over', 'test_missing']);
    const required = check.json().requiredTests;
    expect(required).toHaveLength(1);
    expect(required[0]).toMatchObject({ kind: 'nat', reagents: 1, satisfied: false });
    expect(required[0].assumption.zh).toMatch(/^本地口径/);

    const refused = await post(`/api/isolation/stays/${stayId}/release`, a, { reason: '提前解除' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('release_not_allowed');
    expect(codes(refused.json())).toEqual(['period_not_over', 'test_missing']);
    expect(refused.json().reasons[0].zh).toMatch(/^隔离期至\d{4}年\d{1,2}月\d{1,2}日，尚未期满$/);
    const [stay] = await env.db.query<{ status: string }>(
      'SELECT status FROM isolation_stays WHERE id = $1',
      [stayId],
    );
    expect(stay?.status).toBe('in_room');
  });

  it('on the last day a test taken the day before does not count; the period alone is not enough', async () => {
    const check = (await get(`/api/isolation/stays/${stayId}/release-check`, a)).json();
    const testDate: string = check.requiredTests[0].date;
    const dayBefore = new Date(at(testDate).getTime() - 24 * HOUR);
    await clock(dayBefore);
    const early = await post(`/api/isolation/stays/${stayId}/tests`, a, test(at(testDate, 8 - 24 + 24)));
    // Sampled "now + 22 h" lies in the future.
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'sampledAt', code: 'in_future' });
    const before = await post(
      `/api/isolation/stays/${stayId}/tests`,
      a,
      test(new Date(dayBefore.getTime() - HOUR)),
    );
    expect(before.statusCode, before.body).toBe(201);
    expect(codes(before.json().check)).toContain('test_missing');
    await clock(at(contact.untilDate, 11));
    const lastDay = (await get(`/api/isolation/stays/${stayId}/release-check`, a)).json();
    expect(codes(lastDay)).toEqual(['test_missing']);
  });

  it('releases after a negative test on the last day: the room goes to cleaning, the contact is released, nothing stays open', async () => {
    const recorded = await post(`/api/isolation/stays/${stayId}/tests`, a, test(at(contact.untilDate, 8)));
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json().check).toMatchObject({ allowed: true, reasons: [] });
    expect(recorded.json().planItem).toBeNull();

    const released = await post(`/api/isolation/stays/${stayId}/release`, a, {
      reason: '隔离期满，末次核酸检测阴性',
      vehicle: '辽L12345',
      escortName: '张医生',
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({
      endKind: 'released',
      nextStayId: null,
      roomCleaning: true,
      notes: [],
    });
    expect(await roomState('101')).toBe('cleaning');
    const [stay] = await env.db.query<{ status: string; end_kind: string }>(
      'SELECT status, end_kind FROM isolation_stays WHERE id = $1',
      [stayId],
    );
    expect(stay).toEqual({ status: 'ended', end_kind: 'released' });
    const transfers = await env.db.query<{ direction: string; from_place: string; vehicle: string }>(
      'SELECT direction, from_place, vehicle FROM isolation_transfers WHERE stay_id = $1',
      [stayId],
    );
    expect(transfers).toEqual([{ direction: 'out', from_place: '盘山宾馆 101室', vehicle: '辽L12345' }]);
    const [row] = await env.db.query<{ status: string }>('SELECT status FROM contacts WHERE id = $1', [
      contact.id,
    ]);
    expect(row?.status).toBe('released');
    const open = await env.db.query(
      `SELECT kind FROM deadlines WHERE subject_type = 'contact' AND subject_id = $1 AND done_at IS NULL AND cancelled_at IS NULL`,
      [contact.id],
    );
    expect(open).toEqual([]);
    const [done] = await env.db.query<{ done_at: Date | null }>(
      `SELECT done_at FROM deadlines WHERE subject_type = 'contact' AND subject_id = $1 AND kind = 'centralised_isolation'`,
      [contact.id],
    );
    expect(done?.done_at).not.toBeNull();
    const audit = await env.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`,
      [stayId],
    );
    expect(audit.map((r) => r.action)).toEqual([
      'isolation.test_result',
      'isolation.test_result',
      'isolation.release',
    ]);
    // Released once: a second release finds the stay ended.
    const again = await post(`/api/isolation/stays/${stayId}/release`, a, { reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('stay_closed');
  });
});

describe('ISO-6 a contact whose plan has a home phase after the centralised span moves on as a home stay', () => {
  it('ends the room stay as next_phase and opens a home stay in the person’s jurisdiction, point to point', async () => {
    await clock(NOW);
    const contact = await listContact('冯晓梅');
    // The pack's plan followed by 7 days of home isolation (002 §3 "继续实施7天居家医学观察").
    const homeEnd = new Date(at(contact.untilDate).getTime() + 7 * 24 * HOUR).toISOString().slice(0, 10);
    await env.db.query(
      `UPDATE contacts SET plan = jsonb_set(plan, '{steps}', (plan->'steps') || jsonb_build_array(jsonb_build_object(
         'kind', 'home_isolation', 'day', 14, 'untilDay', 21, 'date', $2::text, 'untilDate', $3::text,
         'title', jsonb_build_object('zh', '居家隔离医学观察7天', 'en', 'Home isolation for 7 days')))) WHERE id = $1`,
      [contact.id, contact.untilDate, homeEnd],
    );
    const stayId = await stayIn('102', { type: 'contact', ...contact }, contact.untilDate);
    await clock(at(contact.untilDate, 11));
    const check = (await get(`/api/isolation/stays/${stayId}/release-check`, a)).json();
    expect(check.next).toEqual({ kind: 'home_isolation', endDate: homeEnd });
    expect(
      (await post(`/api/isolation/stays/${stayId}/tests`, a, test(at(contact.untilDate, 7)))).statusCode,
    ).toBe(201);
    const moved = await post(`/api/isolation/stays/${stayId}/release`, a, {
      reason: '集中隔离期满，转居家隔离',
      toPlace: '盘山县某某小区3号楼',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      endKind: 'next_phase',
      nextStayId: expect.any(String),
      roomCleaning: true,
    });
    const [home] = await env.db.query<{
      kind: string;
      status: string;
      jurisdiction_code: string;
      end: string;
      source_id: string;
    }>(
      `SELECT kind, status, jurisdiction_code, to_char(planned_end_date, 'YYYY-MM-DD') AS end, source_id
       FROM isolation_stays WHERE id = $1`,
      [moved.json().nextStayId],
    );
    expect(home).toEqual({
      kind: 'home',
      status: 'home',
      jurisdiction_code: VILLAGE_A,
      end: homeEnd,
      source_id: contact.id,
    });
    const [out] = await env.db.query<{ to_place: string }>(
      `SELECT to_place FROM isolation_transfers WHERE stay_id = $1 AND direction = 'out'`,
      [stayId],
    );
    expect(out?.to_place).toBe('盘山县某某小区3号楼');
    // The contact stays under control for the home phase; the centralised span's deadline is done.
    const [row] = await env.db.query<{ status: string }>('SELECT status FROM contacts WHERE id = $1', [
      contact.id,
    ]);
    expect(row?.status).not.toBe('released');
    const [span] = await env.db.query<{ done_at: Date | null }>(
      `SELECT done_at FROM deadlines WHERE subject_type = 'contact' AND subject_id = $1 AND kind = 'centralised_isolation'`,
      [contact.id],
    );
    expect(span?.done_at).not.toBeNull();
    expect(await roomState('102')).toBe('cleaning');
    // The home stay is released in its turn at the end of the home phase (no test named there).
    await clock(at(homeEnd, 12));
    const homeCheck = (await get(`/api/isolation/stays/${moved.json().nextStayId}/release-check`, a)).json();
    expect(homeCheck).toMatchObject({ allowed: true, next: null, requiredTests: [] });
  });
});

describe('ISO-6 an inbound arrival: the day-14 test with two reagents in parallel (002 §3)', () => {
  let arrivalId: string;
  let stayId: string;
  const DAY0 = '2026-11-23';
  const DAY14 = '2026-12-07';
  const DAY21 = '2026-12-14';

  beforeAll(async () => {
    await clock(NOW);
    const [pack] = await env.db.query<{ id: string; version: string }>(
      'SELECT id, version FROM policy_packs ORDER BY id LIMIT 1',
    );
    const source = { document: '002', section: '§3' };
    const t = (day: number, date: string, reagents: number, forRelease: boolean) => ({
      kind: 'nat',
      day,
      date,
      reagents,
      forRelease,
      dueAt: at(date, 24).toISOString(),
      source,
    });
    const plan = {
      packId: pack!.id,
      packVersion: pack!.version,
      protocolId: 'inbound-14-7',
      rule: 'ARR-1',
      title: { zh: '入境人员14+7', en: 'Inbound 14+7' },
      timeZone: 'Asia/Shanghai',
      day0: DAY0,
      phases: [
        { kind: 'centralised_isolation', startDay: 0, endDay: 14, startDate: DAY0, endDate: DAY14, source },
        { kind: 'home_isolation', startDay: 14, endDay: 21, startDate: DAY14, endDate: DAY21, source },
      ],
      tests: [t(7, '2026-11-30', 1, false), t(14, DAY14, 2, true), t(21, DAY21, 1, true)],
      restrictions: [],
      shortfalls: [],
      releaseDate: DAY21,
      release: { zh: '解除', en: 'Release' },
    };
    const [person] = await env.db.query<{ id: string }>(
      `SELECT id FROM persons WHERE jurisdiction_code = $1 ORDER BY created_at LIMIT 1`,
      [VILLAGE_A],
    );
    const [arrival] = await env.db.query<{ id: string }>(
      `INSERT INTO arrivals (jurisdiction_code, person_id, channel, origin, origin_country, left_origin_at, arrived_at, status)
       VALUES ($1, $2, 'manual', 'overseas', '日本', $3, $3, 'planned') RETURNING id`,
      [VILLAGE_A, person!.id, at(DAY0, 9)],
    );
    arrivalId = arrival!.id;
    await env.db.query(
      `INSERT INTO arrival_plans (arrival_id, jurisdiction_code, pack_id, pack_version, protocol_id, rule_id, day0, release_date, plan)
       VALUES ($1, $2, $3, $4, 'inbound-14-7', 'ARR-1', $5, $6, $7)`,
      [arrivalId, VILLAGE_A, pack!.id, pack!.version, DAY0, DAY21, JSON.stringify(plan)],
    );
    stayId = await stayIn('103', { type: 'arrival', id: arrivalId, personId: person!.id }, DAY14);
  });

  const planEvents = () =>
    env.db.query<{ item: string; result: string }>(
      `SELECT e.item, e.result FROM arrival_plan_events e JOIN arrival_plans p ON p.id = e.plan_id
       WHERE p.arrival_id = $1 ORDER BY e.item`,
      [arrivalId],
    );

  it('a site test on the plan’s day 7 is recorded on the arrival’s plan too', async () => {
    await clock(at('2026-11-30', 15));
    const recorded = await post(`/api/isolation/stays/${stayId}/tests`, a, test(at('2026-11-30', 9)));
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ planItem: 'test:nat:d7', planNote: null });
    expect(await planEvents()).toEqual([{ item: 'test:nat:d7', result: 'negative' }]);
    const check = (await get(`/api/isolation/stays/${stayId}/release-check`, a)).json();
    expect(check.requiredTests.map((r: { key: string; reagents: number }) => [r.key, r.reagents])).toEqual([
      ['test:nat:d14', 2],
    ]);
    // Counted once, though both the stay and the plan hold it.
    expect(check.results).toHaveLength(1);
  });

  it('one reagent on day 14 does not satisfy the two the plan needs; it is not recorded on the plan', async () => {
    await clock(at(DAY14, 15));
    const one = await post(`/api/isolation/stays/${stayId}/tests`, a, test(at(DAY14, 8), 1));
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json().planItem).toBeNull();
    expect(one.json().planNote.zh).toMatch(/试剂数少于方案要求/);
    expect(codes(one.json().check)).toEqual(['test_missing']);
    expect(one.json().check.reasons[0].zh).toBe('第14天核酸检测（2种试剂平行检测）尚无阴性结果');
    const refused = await post(`/api/isolation/stays/${stayId}/release`, a, { reason: '期满' });
    expect(refused.statusCode).toBe(409);
    expect(codes(refused.json())).toEqual(['test_missing']);
  });

  it('two reagents negative: released to the 7 days at home, the phase’s end recorded on the plan', async () => {
    const two = await post(`/api/isolation/stays/${stayId}/tests`, a, test(at(DAY14, 9), 2));
    expect(two.statusCode, two.body).toBe(201);
    expect(two.json()).toMatchObject({ planItem: 'test:nat:d14', check: { allowed: true } });
    const moved = await post(`/api/isolation/stays/${stayId}/release`, a, { reason: '两种试剂平行检测阴性' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ endKind: 'next_phase', notes: [] });
    expect(await planEvents()).toEqual([
      { item: 'phase:0:end', result: 'done' },
      { item: 'test:nat:d14', result: 'negative' },
      { item: 'test:nat:d7', result: 'negative' },
    ]);
    const [home] = await env.db.query<{ jurisdiction_code: string; end: string }>(
      `SELECT jurisdiction_code, to_char(planned_end_date, 'YYYY-MM-DD') AS end FROM isolation_stays WHERE id = $1`,
      [moved.json().nextStayId],
    );
    expect(home).toEqual({ jurisdiction_code: VILLAGE_A, end: DAY21 });
    // At home the plan's day-21 test is the release test.
    const homeCheck = (await get(`/api/isolation/stays/${moved.json().nextStayId}/release-check`, a)).json();
    expect(homeCheck.requiredTests.map((r: { key: string }) => r.key)).toEqual(['test:nat:d21']);
    expect(await roomState('103')).toBe('cleaning');
  });
});

describe('ISO-6 what else holds a release', () => {
  it('an abnormal reading whose report is still open blocks release until it is handled (ISO-4)', async () => {
    await clock(NOW);
    const contact = await listContact('郑丽华');
    const stayId = await stayIn('104', { type: 'contact', ...contact }, contact.untilDate);
    await clock(at(contact.untilDate, 11));
    await post(`/api/isolation/stays/${stayId}/tests`, a, test(at(contact.untilDate, 8)));
    const [reading] = await env.db.query<{ id: string }>(
      `INSERT INTO monitoring_readings (stay_id, person_id, jurisdiction_code, local_date, slot, temperature, abnormal, source, recorded_at)
       VALUES ($1, $2, $3, $4, 'am', 37.8, true, 'staff', $5) RETURNING id`,
      [stayId, contact.personId, COUNTY_A, contact.untilDate, at(contact.untilDate, 8)],
    );
    const refused = await post(`/api/isolation/stays/${stayId}/release`, a, { reason: '期满' });
    expect(refused.statusCode).toBe(409);
    expect(codes(refused.json())).toEqual(['abnormal_report_open']);
    await env.db.query(
      `UPDATE monitoring_readings SET handled_at = $2, handle_outcome = 'recheck_normal' WHERE id = $1`,
      [reading!.id, at(contact.untilDate, 10)],
    );
    expect((await post(`/api/isolation/stays/${stayId}/release`, a, { reason: '期满' })).statusCode).toBe(
      200,
    );
  });

  it('a positive result refuses release; the stay goes to hospital and the room to cleaning', async () => {
    await clock(NOW);
    const contact = await listContact('王志强');
    const stayId = await stayIn('105', { type: 'contact', ...contact }, contact.untilDate);
    await clock(new Date(NOW.getTime() + 30 * HOUR));
    const positive = await post(
      `/api/isolation/stays/${stayId}/tests`,
      a,
      test(new Date(NOW.getTime() + 26 * HOUR), 1, 'positive'),
    );
    expect(positive.statusCode).toBe(201);
    expect(codes(positive.json().check)).toContain('positive_result');
    const hospital = await post(`/api/isolation/stays/${stayId}/to-hospital`, a, { reason: '核酸检测阳性' });
    expect(hospital.statusCode, hospital.body).toBe(200);
    expect(hospital.json()).toMatchObject({ endKind: 'hospital', roomCleaning: true });
    expect(await roomState('105')).toBe('cleaning');
  });

  it('an individual negative NAT tube of the testing module counts as a one-reagent NAT', async () => {
    await clock(NOW);
    const contact = await listContact('李春梅');
    const stayId = await stayIn('106', { type: 'contact', ...contact }, contact.untilDate);
    const [tube] = await env.db.query<{ id: string }>(
      `INSERT INTO tubes (barcode, jurisdiction_code, category, capacity, member_count, opened_at, due_at, result, resulted_at)
       VALUES ('ISO6-TUBE-0001', $1, 'risk_group', 1, 1, $2, $3, 'negative', $3) RETURNING id`,
      [COUNTY_A, at(contact.untilDate, 7), at(contact.untilDate, 19)],
    );
    await env.db.query(
      `INSERT INTO samples (tube_id, person_id, jurisdiction_code, purpose, sampled_at) VALUES ($1, $2, $3, 'other', $4)`,
      [tube!.id, contact.personId, COUNTY_A, at(contact.untilDate, 7)],
    );
    await clock(at(contact.untilDate, 20));
    const check = (await get(`/api/isolation/stays/${stayId}/release-check`, a)).json();
    expect(check).toMatchObject({ allowed: true });
    expect(check.results).toEqual([expect.objectContaining({ origin: 'tube', kind: 'nat', reagents: 1 })]);
  });

  it('the release queue lists stays due today or tomorrow with the check’s answer', async () => {
    await clock(NOW);
    const contact = await listContact('陈国栋');
    const stayId = await stayIn('107', { type: 'contact', ...contact }, contact.untilDate);
    await clock(at(contact.untilDate, 9));
    const queue = await get(`/api/isolation/release-queue?jurisdiction=${COUNTY_A}`, a);
    expect(queue.statusCode, queue.body).toBe(200);
    const item = queue.json().items.find((i: { stayId: string }) => i.stayId === stayId);
    expect(item).toMatchObject({
      due: 'today',
      allowed: false,
      siteName: '盘山宾馆',
      roomNumber: '107',
      personName: '陈国栋',
    });
    expect(codes(item)).toEqual(['test_missing']);
    // The day before, it is due tomorrow, and the period is not over yet.
    await clock(new Date(at(contact.untilDate, 9).getTime() - 24 * HOUR));
    const before = (await get('/api/isolation/release-queue', a)).json();
    expect(before.items.find((i: { stayId: string }) => i.stayId === stayId)).toMatchObject({
      due: 'tomorrow',
    });
    // Another county's scope is refused.
    expect((await get('/api/isolation/release-queue?jurisdiction=150402', a)).statusCode).toBe(403);
    // The dashboard tile: today's ends, those allowed and those held, each the rows its drill opens.
    await clock(at(contact.untilDate, 9));
    const dashboard = (await get(`/api/dashboard?jurisdiction=${COUNTY_A}`, a)).json();
    const tile = dashboard.tiles.find((t: { id: string }) => t.id === 'isolation.release');
    expect(tile.error).toBeFalsy();
    const figures = tile.body.figures as Array<{ key: string; value: number; drill: string }>;
    expect(figures.map((f) => f.key)).toEqual(['due', 'allowed', 'blocked']);
    for (const f of figures) {
      const drill = new URL(f.drill, 'http://web');
      expect(drill.pathname).toBe('/isolation/release');
      const rows = (await get(`/api/isolation/release-queue${drill.search}`, a)).json().items;
      expect({ key: f.key, value: f.value }).toEqual({ key: f.key, value: rows.length });
    }
    expect(figures.find((f) => f.key === 'blocked')!.value).toBeGreaterThan(0);
    expect(tile.body.note.zh).toMatch(/^暂不能解除的原因：缺解除前检测阴性结果\d+人/);
  });
});

describe('ISO-6 scope and hostile input', () => {
  let stayId: string;
  beforeAll(async () => {
    await clock(NOW);
    const contact = await listContact('赵文博');
    stayId = await stayIn('108', { type: 'contact', ...contact }, contact.untilDate);
    await clock(new Date(NOW.getTime() + 2 * HOUR));
  });

  it('another county sees no such stay (404), for reading and for writing', async () => {
    expect((await get(`/api/isolation/stays/${stayId}/release-check`, b)).statusCode).toBe(404);
    expect((await post(`/api/isolation/stays/${stayId}/release`, b, { reason: '期满' })).statusCode).toBe(
      404,
    );
    expect((await post(`/api/isolation/stays/${stayId}/tests`, b, test(NOW))).statusCode).toBe(404);
    expect((await post(`/api/isolation/stays/${stayId}/to-hospital`, b, { reason: '阳性' })).statusCode).toBe(
      404,
    );
  });

  it('a village’s community worker sees no site’s stay (404) and may not release (403)', async () => {
    expect((await get(`/api/isolation/stays/${stayId}/release-check`, community)).statusCode).toBe(404);
    expect(
      (await post(`/api/isolation/stays/${stayId}/release`, community, { reason: '期满' })).statusCode,
    ).toBe(403);
  });

  it('refuses hostile input with 4xx', async () => {
    const bad: Array<[string, object]> = [
      ['tests', { ...test(NOW), reagents: 9 }],
      ['tests', { ...test(NOW), kind: 'pcr' }],
      ['tests', { ...test(NOW), sampledAt: 'yesterday' }],
      ['tests', { ...test(NOW), extra: 1 }],
      ['tests', test(new Date(NOW.getTime() - 5 * HOUR))],
      ['release', { reason: '' }],
      ['release', { reason: '<script>alert(1)</script>' }],
      ['release', { reason: '期满', toPlace: 'x'.repeat(201) }],
    ];
    for (const [path, payload] of bad) {
      const response = await post(`/api/isolation/stays/${stayId}/${path}`, a, payload);
      expect(response.statusCode, `${path} ${JSON.stringify(payload)}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    const before = await post(
      `/api/isolation/stays/${stayId}/tests`,
      a,
      test(new Date(NOW.getTime() - 5 * HOUR)),
    );
    expect(before.json().errors[0]).toMatchObject({ field: 'sampledAt', code: 'before_stay_start' });
    expect((await get('/api/isolation/stays/not-a-uuid/release-check', a)).statusCode).toBe(400);
    expect(
      (await get('/api/isolation/stays/00000000-0000-4000-8000-000000000000/release-check', a)).statusCode,
    ).toBe(404);
  });
});
