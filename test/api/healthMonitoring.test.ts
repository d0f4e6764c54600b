import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMonitoringDemo, openAbnormalReports } from '../../src/modules/healthMonitoring/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Role } from '../../src/rules/roles.js';
import { COUNTY_A, COUNTY_B, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { type MonitoringFixture, seedMonitoringWorld } from '../support/worldMonitoring.js';

/**
 * ISO-4 (001 §21 "每日健康监测 … 体温异常情况报告 (一报告)"; 002 §11) and ISO-5 (002 §17 §25 居家隔离, 社区
 * 负责): readings twice a day, the abnormal reading's immediate report, missed check-ins, and the home
 * stay's self-report link.
 */
const local = (time: string) => new Date(`${time}+08:00`);

let env: Awaited<ReturnType<typeof openWorldApp>>;
let manager: string;
let community: string;
let otherCounty: string;
let world: MonitoringFixture;

async function addUser(username: string, role: Role, scope: string) {
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

const send = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  cookie: string | null,
  payload?: object,
) => env.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
const fieldsOf = (body: { errors?: Array<{ field: string; code: string }> }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

async function reportOf(readingId: string) {
  const [row] = await env.db.query<{
    rule_id: string;
    owner_role: string;
    jurisdiction_code: string;
    due_at: Date;
    opened_at: Date;
    done_at: Date | null;
    cancelled_at: Date | null;
  }>(
    `SELECT rule_id, owner_role, jurisdiction_code, due_at, opened_at, done_at, cancelled_at FROM deadlines
     WHERE subject_type = 'monitoring_reading' AND subject_id = $1 ORDER BY opened_at DESC LIMIT 1`,
    [readingId],
  );
  return row;
}

beforeAll(async () => {
  env = await openWorldApp({ tracingCases: false });
  env.setNow(local('2026-12-07T09:00:00'));
  manager = await addUser('a_isolation', 'isolation_manager', COUNTY_A);
  community = await signInAs(env.app, 'a_community');
  otherCounty = await signInAs(env.app, 'b_admin');
  world = await seedMonitoringWorld(env.ctx, env.world.users.a_admin!, {
    county: COUNTY_A,
    village: VILLAGE_A,
    rooms: 3,
    homes: 2,
    startedAt: local('2026-12-05T10:00:00'),
    plannedEnd: '2026-12-18',
    seed: 1,
  });
});
afterAll(async () => {
  await env.close();
});

describe('ISO-4 readings twice a day', () => {
  it('records the morning, refuses a second morning and an afternoon not yet begun', async () => {
    const stayId = world.rooms[0]!.stayId;
    const am = await send('POST', '/api/monitoring/readings', manager, {
      stayId,
      slot: 'am',
      temperature: 36.5,
    });
    expect(am.statusCode).toBe(201);
    expect(am.json()).toMatchObject({ date: '2026-12-07', slot: 'am', abnormal: false, source: 'staff' });
    const again = await send('POST', '/api/monitoring/readings', manager, {
      stayId,
      slot: 'am',
      temperature: 36.6,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('reading_recorded');
    const early = await send('POST', '/api/monitoring/readings', manager, {
      stayId,
      slot: 'pm',
      temperature: 36.6,
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.json())).toEqual(['slot:slot_not_open']);
  });

  it('refuses a stay not under monitoring (allocated, not yet in the room)', async () => {
    const response = await send('POST', '/api/monitoring/readings', manager, {
      stayId: world.allocatedStayId,
      slot: 'am',
      temperature: 36.5,
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual(['stayId:stay_not_monitored']);
  });

  it('records the afternoon once it has begun; the floor sheet shows both', async () => {
    env.setNow(local('2026-12-07T12:30:00'));
    const stayId = world.rooms[0]!.stayId;
    const pm = await send('POST', '/api/monitoring/readings', manager, {
      stayId,
      slot: 'pm',
      temperature: 36.7,
    });
    expect(pm.statusCode).toBe(201);
    const floor = await send('GET', `/api/monitoring/floor?siteId=${world.siteId}&floor=3`, manager);
    expect(floor.statusCode).toBe(200);
    const sheet = floor.json();
    expect(sheet).toMatchObject({ date: '2026-12-07', slot: 'pm', floors: [3, 4] });
    expect(sheet.rooms.map((r: { roomNumber: string }) => r.roomNumber)).toEqual(['301', '302', '303']);
    expect(sheet.rooms[0]).toMatchObject({ am: { temperature: 36.5 }, pm: { temperature: 36.7 } });
    expect(sheet.rooms[0].personName).toMatch(/^隔\*+$/);
  });
});

describe('ISO-4 一报告: an abnormal reading opens its 2-hour report; handling it closes it', () => {
  let readingId: string;

  it('opens the report to the county isolation managers, due 2 hours later', async () => {
    env.setNow(local('2026-12-07T14:00:00'));
    const stayId = world.rooms[1]!.stayId;
    const response = await send('POST', '/api/monitoring/readings', manager, {
      stayId,
      slot: 'pm',
      temperature: 38.2,
      symptoms: ['cough'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ abnormal: true, reportDueAt: '2026-12-07T08:00:00.000Z' });
    readingId = response.json().id;
    const report = await reportOf(readingId);
    expect(report).toMatchObject({
      rule_id: 'ISO-4',
      owner_role: 'isolation_manager',
      jurisdiction_code: COUNTY_A,
    });
    expect(new Date(report!.due_at).getTime() - new Date(report!.opened_at).getTime()).toBe(2 * 3_600_000);
    expect(await openAbnormalReports(env.db, stayId)).toBe(1);
    const board = (await send('GET', `/api/monitoring/board?siteId=${world.siteId}`, manager)).json();
    expect(board.alerts.map((a: { id: string }) => a.id)).toEqual([readingId]);
    expect(board.alerts[0]).toMatchObject({ temperature: 38.2, roomNumber: '302', overdue: false });
    expect(board.counts.abnormal).toBe(1);
  });

  it('shows on my work with an action that opens the alert', async () => {
    const work = await send('GET', '/api/my-work', manager);
    expect(work.statusCode).toBe(200);
    expect(work.body).toContain(`/monitoring?alert=${readingId}`);
  });

  it('tells the person’s story', async () => {
    const story = await send('GET', `/api/persons/${world.rooms[1]!.personId}/story`, manager);
    expect(story.statusCode).toBe(200);
    const events = story.json().events as Array<{ source: string; title: { zh: string } }>;
    expect(events.filter((e) => e.source === 'monitoring').map((e) => e.title.zh)).toEqual([
      '隔离期间健康监测异常：38.2℃，咳嗽',
    ]);
  });

  it('handling closes it (audited); a second handling is 409', async () => {
    const handled = await send('POST', `/api/monitoring/alerts/${readingId}/handle`, manager, {
      outcome: 'fever_clinic',
      note: '已联系120转送县医院发热门诊',
    });
    expect(handled.statusCode).toBe(200);
    expect(handled.json()).toMatchObject({ handleOutcome: 'fever_clinic', reportDueAt: null });
    expect((await reportOf(readingId))!.done_at).not.toBeNull();
    expect(await openAbnormalReports(env.db, world.rooms[1]!.stayId)).toBe(0);
    const again = await send('POST', `/api/monitoring/alerts/${readingId}/handle`, manager, {
      outcome: 'reported_cdc',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('alert_handled');
    const [audit] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'monitoring.handle' AND entity_id = $1`,
      [readingId],
    );
    expect(audit!.n).toBe(1);
  });

  it('a reading corrected to normal cancels its open report', async () => {
    const stayId = world.rooms[2]!.stayId;
    const typo = await send('POST', '/api/monitoring/readings', manager, {
      stayId,
      slot: 'pm',
      temperature: 39.6,
    });
    expect(typo.statusCode).toBe(201);
    const fixed = await send('PATCH', `/api/monitoring/readings/${typo.json().id}`, manager, {
      temperature: 36.6,
      version: typo.json().version,
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ abnormal: false, reportDueAt: null });
    expect((await reportOf(typo.json().id))!.cancelled_at).not.toBeNull();
    expect(await openAbnormalReports(env.db, stayId)).toBe(0);
    const stale = await send('PATCH', `/api/monitoring/readings/${typo.json().id}`, manager, {
      temperature: 36.8,
      version: typo.json().version,
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('ISO-4, ISO-5 missed check-ins', () => {
  it('marks the slots owed since the arrival and not recorded', async () => {
    const response = await send('GET', `/api/monitoring/stays/${world.rooms[2]!.stayId}`, manager);
    expect(response.statusCode).toBe(200);
    const days = response.json().days as Array<{ date: string; missed: string[] }>;
    expect(days.map((d) => [d.date, d.missed])).toEqual([
      ['2026-12-07', ['am']],
      ['2026-12-06', ['am', 'pm']],
      ['2026-12-05', ['pm']],
    ]);
  });

  it('counts who is missing the current slot on the board, and filters them', async () => {
    const board = (await send('GET', '/api/monitoring/board', manager)).json();
    // The world's two home stays (seedWorld) are under monitoring too, and owe this afternoon.
    expect(board.counts).toMatchObject({ total: 7, centralised: 3, home: 4, missing: 4 });
    const missing = (await send('GET', '/api/monitoring/board?missing=true&pageSize=1', manager)).json();
    expect(missing).toMatchObject({ total: 4, pageSize: 1 });
    expect(missing.items).toHaveLength(1);
    expect(missing.items[0].kind).toBe('home');
    const abnormal = await send('GET', '/api/monitoring/board?abnormal=true&kind=home', manager);
    expect(abnormal.statusCode).toBe(200);
    // The world's home stay with its abnormal reading of 23 November still open.
    expect(abnormal.json().total).toBe(1);
    expect(board.sites).toEqual([{ id: world.siteId, name: '隔离酒店1', floors: [{ floor: 3, people: 3 }] }]);
  });
});

describe('ISO-5 the home stay’s self-report link', () => {
  let url: string;
  let token: string;

  it('is issued for a home stay only (audited)', async () => {
    const central = await send(
      'POST',
      `/api/monitoring/stays/${world.rooms[0]!.stayId}/self-report-link`,
      manager,
    );
    expect(central.statusCode).toBe(400);
    expect(fieldsOf(central.json())).toEqual(['stayId:stay_not_home']);
    const issued = await send(
      'POST',
      `/api/monitoring/stays/${world.homeStays[0]!.stayId}/self-report-link`,
      community,
    );
    expect(issued.statusCode).toBe(201);
    ({ url } = issued.json());
    token = url.split('/self-report/')[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(issued.json().qrSvg).toContain('<svg');
    const [stored] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM monitoring_links WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
      [token],
    );
    expect(stored!.n).toBe(1);
    const view = (await send('GET', `/api/monitoring/stays/${world.homeStays[0]!.stayId}`, community)).json();
    expect(view.link).toMatchObject({ expiresAt: '2026-12-18T16:00:00.000Z' });
  });

  it('shows a masked name and the slot, nothing else, and records a reading as self', async () => {
    const shown = await send('GET', `/api/public/self-report/${token}`, null);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      name: expect.stringMatching(/^隔\*+$/),
      date: '2026-12-07',
      slot: 'pm',
      recorded: { am: false, pm: false },
    });
    const sent = await send('POST', `/api/public/self-report/${token}`, null, {
      slot: 'pm',
      temperature: 37.6,
      symptoms: [],
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ slot: 'pm', abnormal: true });
    const [reading] = await env.db.query<{ id: string; source: string }>(
      `SELECT id, source FROM monitoring_readings WHERE stay_id = $1`,
      [world.homeStays[0]!.stayId],
    );
    expect(reading!.source).toBe('self');
    expect(await reportOf(reading!.id)).toMatchObject({
      owner_role: 'community_worker',
      jurisdiction_code: VILLAGE_A,
    });
    const twice = await send('POST', `/api/public/self-report/${token}`, null, {
      slot: 'pm',
      temperature: 36.5,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('answers an unknown, revoked or expired link the same way', async () => {
    const unknown = await send('GET', `/api/public/self-report/${'x'.repeat(32)}`, null);
    expect(unknown.statusCode).toBe(404);
    const other = await send(
      'POST',
      `/api/monitoring/stays/${world.homeStays[1]!.stayId}/self-report-link`,
      community,
    );
    const otherToken = other.json().url.split('/self-report/')[1];
    const revoke = await send(
      'DELETE',
      `/api/monitoring/stays/${world.homeStays[1]!.stayId}/self-report-link`,
      community,
    );
    expect(revoke.json()).toMatchObject({ revoked: 1 });
    const revoked = await send('GET', `/api/public/self-report/${otherToken}`, null);
    env.setNow(local('2026-12-19T09:00:00'));
    const expired = await send('POST', `/api/public/self-report/${token}`, null, {
      slot: 'am',
      temperature: 36.5,
    });
    env.setNow(local('2026-12-07T14:00:00'));
    for (const response of [revoked, expired]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).toBe(unknown.body);
    }
  });
});

describe('CMD-1 another county, and hostile input', () => {
  it('answers another county 404', async () => {
    const stayId = world.rooms[0]!.stayId;
    expect((await send('GET', `/api/monitoring/stays/${stayId}`, otherCounty)).statusCode).toBe(404);
    const write = await send('POST', '/api/monitoring/readings', otherCounty, {
      stayId,
      slot: 'am',
      temperature: 36.5,
    });
    expect(write.statusCode).toBe(404);
    const board = (await send('GET', '/api/monitoring/board', otherCounty)).json();
    expect(board.counts.total).toBe(0);
    expect(board.alerts).toEqual([]);
  });

  it.each([
    { slot: 'noon', temperature: 36.5 },
    { slot: 'am', temperature: 99 },
    { slot: 'am', temperature: 34.9 },
    { slot: 'am', temperature: 36.5, symptoms: ['sneezing'] },
    { slot: 'am', temperature: 36.5, note: '<script>alert(1)</script>' },
    { slot: 'am', temperature: '36.5; DROP TABLE' },
  ])('refuses %j with a 4xx', async (body) => {
    const response = await send('POST', '/api/monitoring/readings', manager, {
      stayId: world.rooms[2]!.stayId,
      ...body,
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});

describe('the demo: two days of readings, one fever with its report open, two missed slots', () => {
  it('loads once for a county with people under monitoring, and nothing twice', async () => {
    env.setNow(local('2026-12-07T15:00:00'));
    const fixture = await seedMonitoringWorld(env.ctx, env.world.users.b_admin!, {
      county: COUNTY_B,
      village: '150402001001',
      rooms: 3,
      homes: 1,
      startedAt: local('2026-12-04T09:00:00'),
      plannedEnd: '2026-12-18',
      seed: 2,
      siteName: '红山区隔离酒店',
    });
    await loadMonitoringDemo(env.ctx, COUNTY_B);
    const count = async () =>
      (
        await env.db.query<{ n: number; open: number }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE abnormal AND handled_at IS NULL)::int AS open
           FROM monitoring_readings WHERE jurisdiction_code ^@ $1`,
          [COUNTY_B],
        )
      )[0]!;
    const first = await count();
    // 4 people × the 3 slots owed in the last two days (Dec 6 am, Dec 6 pm, Dec 7 am), less 2 missed,
    // plus the fever of this afternoon.
    expect(first).toEqual({ n: 4 * 3 - 2 + 1, open: 1 });
    expect(await openAbnormalReports(env.db, fixture.rooms[0]!.stayId)).toBe(1);
    await loadMonitoringDemo(env.ctx, COUNTY_B);
    expect(await count()).toEqual(first);
  });
});
