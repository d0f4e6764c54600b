import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepTreatment } from '../../src/modules/hospitals/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Role } from '../../src/rules/roles.js';
import { drilled } from '../support/dashboardDrill.js';
import { expectedHospitalFigures } from '../support/dashboardExpectedHospitals.js';
import { createPersons } from '../support/testingTubes.js';
import { COUNTY_A, COUNTY_B, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * CAS-3 (001 §11 "确诊病例和无症状感染者要按规定转运 … 四集中 … 患者治愈出院后，按照规定方案实施隔离观察和
 * 跟踪管理") and CAS-4 (002 §26 "不低于床位总数的 10% 配置重症监护床位 … 出现 10 人以上确诊患者 … 在 48 小时内
 * 腾空一所定点医院 … 30天满负荷运转"; 003 §3.4.2 "不少于10张病床的ICU救治中心和30张床位的负压病房").
 */
const HOUR = 3_600_000;
const START = new Date('2026-12-07T01:00:00Z');

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let reporter: string;
let working: string;
let adminB: string;
let persons: string[];
let designatedId: string;
let clinicId: string;
let cabinId: string;

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

const send = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const fieldsOf = (body: { errors?: Array<{ field: string; code: string }> }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

/** A case as the cases module would have reported it (the test writes it directly). */
async function insertCase(personId: string, classification: string, reportedAt = START) {
  const [row] = await env.db.query<{ id: string }>(
    `INSERT INTO cases (jurisdiction_code, person_id, classification, found_at, reported_at, confirmed_at,
       reporting_institution, reporting_doctor, reported_by)
     VALUES ($1, $2, $3, $4, $4, $5, '盘山县人民医院', '王医生', $6) RETURNING id`,
    [
      VILLAGE_A,
      personId,
      classification,
      reportedAt,
      classification === 'confirmed' ? reportedAt : null,
      '00000000-0000-4000-8000-000000000001',
    ],
  );
  return row!.id;
}

const openDeadlines = (subjectId: string) =>
  env.db.query<{ kind: string; ruleId: string; ownerRole: string; jurisdictionCode: string; dueAt: Date }>(
    `SELECT kind, rule_id AS "ruleId", owner_role AS "ownerRole", jurisdiction_code AS "jurisdictionCode", due_at AS "dueAt"
     FROM deadlines WHERE subject_id = $1 AND done_at IS NULL AND cancelled_at IS NULL ORDER BY kind`,
    [subjectId],
  );

const hospitalBody = (change: Record<string, unknown>) => ({
  jurisdictionCode: COUNTY_A,
  name: '盘山县传染病医院',
  kind: 'designated',
  isCountyHospital: false,
  status: 'in_use',
  beds: 120,
  icuBeds: 12,
  negativePressureBeds: 10,
  supplyDays: 30,
  ...change,
});

async function register(change: Record<string, unknown>) {
  const response = await send('POST', '/api/hospitals', reporter, hospitalBody(change));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function transferAndAdmit(caseId: string) {
  const transfer = await send('POST', `/api/hospitals/${designatedId}/transfers`, reporter, {
    caseId,
    fromPlace: '盘山县人民医院发热门诊',
  });
  expect(transfer.statusCode, transfer.body).toBe(201);
  const admit = await send('POST', `/api/hospital-stays/${transfer.json().id}/admit`, reporter, {
    at: env.ctx.now().toISOString(),
  });
  expect(admit.statusCode, admit.body).toBe(200);
  return admit.json();
}

beforeAll(async () => {
  // The evaluation counts every confirmed case of county A not yet admitted: the tracing modules' cases stay out.
  env = await openWorldApp({ tracingCases: false });
  env.setNow(START);
  admin = await signInAs(env.app, 'a_admin');
  adminB = await signInAs(env.app, 'b_admin');
  reporter = await addUser('a_hospital', 'hospital_reporter', COUNTY_A);
  working = await addUser('a_working', 'working_group', COUNTY_A);
  persons = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 14, 40);
});
afterAll(() => env.close());

describe('CAS-4 the registry and its readiness figures', () => {
  it('CAS-4 a designated hospital, a fever clinic and a cabin on standby are registered, with shortfalls per hospital', async () => {
    const designated = await register({});
    designatedId = designated.id;
    expect(designated).toMatchObject({
      kind: 'designated',
      shortfalls: [],
      admitsCases: true,
      freeBeds: 120,
    });
    const county = await register({
      name: '盘山县人民医院',
      isCountyHospital: true,
      beds: 300,
      icuBeds: 8,
      negativePressureBeds: 20,
      supplyDays: 20,
    });
    expect(county.shortfalls.map((s: { code: string }) => s.code)).toEqual([
      'icu_share',
      'county_icu',
      'county_negative_pressure',
      'supply_days',
    ]);
    clinicId = (
      await register({ name: '盘山县人民医院发热门诊', kind: 'fever_clinic', beds: 10, icuBeds: 0 })
    ).id;
    cabinId = (
      await register({
        name: '盘山县方舱医院',
        kind: 'mobile_cabin',
        status: 'standby',
        beds: 500,
        icuBeds: 0,
      })
    ).id;
  });

  it('CAS-4 the jurisdiction’s sums: beds of the treating hospitals, ICU share, cabins on standby, hospitals short', async () => {
    const response = await send('GET', `/api/hospitals?jurisdiction=${COUNTY_A}`, admin);
    expect(response.statusCode).toBe(200);
    expect(response.json().readiness).toMatchObject({
      hospitals: 5, // with the world's designated hospital (100 beds, 10 ICU)
      beds: 1020,
      icuBeds: 30, // of the designated hospitals (520 beds): 5%
      icuSharePct: 5,
      mobileCabins: 1,
      mobileCabinsStandby: 1,
      withShortfalls: 1,
    });
  });

  it('CAS-4 refuses ICU beds beyond the beds, and a second hospital of the same name', async () => {
    const tooMany = await send(
      'POST',
      '/api/hospitals',
      reporter,
      hospitalBody({ name: '某医院', beds: 10, icuBeds: 11 }),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(fieldsOf(tooMany.json())).toEqual(['icuBeds:icu_exceeds_beds']);
    const twice = await send('POST', '/api/hospitals', reporter, hospitalBody({}));
    expect(twice.statusCode).toBe(409);
  });

  it('CAS-4 an update is audited with before and after; another county neither sees nor changes it', async () => {
    const response = await send('PUT', `/api/hospitals/${designatedId}`, working, {
      ...hospitalBody({ beds: 130, icuBeds: 13 }),
      jurisdictionCode: undefined,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ beds: 130, icuBeds: 13, version: 2 });
    const [audit] = await env.db.query<{ before: { beds: number }; after: { beds: number } }>(
      `SELECT before, after FROM audit_log WHERE entity = 'hospital' AND entity_id = $1 AND action = 'update'`,
      [designatedId],
    );
    expect([audit?.before.beds, audit?.after.beds]).toEqual([120, 130]);
    expect((await send('GET', `/api/hospitals/${designatedId}`, adminB)).statusCode).toBe(404);
    const list = await send('GET', `/api/hospitals?jurisdiction=${COUNTY_B}`, adminB);
    expect(list.json().items).toEqual([]);
  });
});

describe('CAS-3 transfer to a designated hospital (four concentrations)', () => {
  let caseId: string;
  let stayId: string;

  it('CAS-3 a confirmed case awaits transfer, due 2 hours after its report (assumption), and is on the list', async () => {
    caseId = await insertCase(persons[0]!, 'confirmed');
    const awaiting = await send('GET', `/api/hospitals/awaiting-transfer?jurisdiction=${COUNTY_A}`, reporter);
    expect(awaiting.json().items.filter((c: { caseId: string }) => c.caseId === caseId)).toEqual([
      expect.objectContaining({
        caseId,
        transferDueAt: new Date(START.getTime() + 2 * HOUR).toISOString().replace('.000', ''),
        overdue: false,
      }),
    ]);
    const evaluated = await send('POST', '/api/hospitals/evaluate', reporter, { jurisdiction: COUNTY_A });
    // The world's confirmed case awaits too; its hospital already owes its emptying.
    expect(evaluated.json()).toEqual({ transferDeadlinesOpened: 2, emptyingOpened: 0 });
    expect(await openDeadlines(caseId)).toEqual([
      expect.objectContaining({ kind: 'hospital.transfer', ruleId: 'CAS-3', ownerRole: 'hospital_reporter' }),
    ]);
  });

  it('CAS-3 never to a fever clinic nor a cabin on standby; never a suspected case', async () => {
    for (const hospitalId of [clinicId, cabinId]) {
      const response = await send('POST', `/api/hospitals/${hospitalId}/transfers`, reporter, {
        caseId,
        fromPlace: '家中',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['hospitalId:hospital_not_designated']);
    }
    const suspected = await insertCase(persons[13]!, 'suspected');
    const response = await send('POST', `/api/hospitals/${designatedId}/transfers`, reporter, {
      caseId: suspected,
      fromPlace: '家中',
    });
    expect(fieldsOf(response.json())).toEqual(['caseId:case_not_transferable']);
  });

  it('CAS-3 point to point: requested, departed, admitted; admission closes the transfer deadline', async () => {
    const transfer = await send('POST', `/api/hospitals/${designatedId}/transfers`, reporter, {
      caseId,
      fromPlace: '盘山县人民医院发热门诊',
      fromHospitalId: clinicId,
      vehicle: '辽L·12345 负压救护车',
      escort: '张护士',
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    stayId = transfer.json().id;
    expect(transfer.json()).toMatchObject({
      status: 'requested',
      fromHospitalName: '盘山县人民医院发热门诊',
    });
    const again = await send('POST', `/api/hospitals/${designatedId}/transfers`, reporter, {
      caseId,
      fromPlace: '家中',
    });
    expect(fieldsOf(again.json())).toEqual(['caseId:case_in_hospital']);
    env.setNow(new Date(START.getTime() + HOUR));
    const departed = await send('POST', `/api/hospital-stays/${stayId}/depart`, reporter, {
      at: env.ctx.now().toISOString(),
    });
    expect(departed.json().status).toBe('departed');
    const early = await send('POST', `/api/hospital-stays/${stayId}/admit`, reporter, {
      at: START.toISOString(),
    });
    expect(fieldsOf(early.json())).toEqual(['at:before_previous_step']);
    const admitted = await send('POST', `/api/hospital-stays/${stayId}/admit`, reporter, {
      at: env.ctx.now().toISOString(),
    });
    expect(admitted.json()).toMatchObject({ status: 'admitted', classification: 'confirmed' });
    expect(await openDeadlines(caseId)).toEqual([]);
    const awaiting = await send('GET', `/api/hospitals/awaiting-transfer?jurisdiction=${COUNTY_A}`, reporter);
    expect(awaiting.json().items.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
    const detail = await send('GET', `/api/hospitals/${designatedId}`, reporter);
    expect(detail.json().hospital).toMatchObject({ inHospital: 1, confirmed: 1, freeBeds: 129 });
    expect((await send('GET', `/api/hospitals/${designatedId}`, adminB)).statusCode).toBe(404);
  });
});

describe('CAS-4 the 48-hour emptying once a designated hospital holds 10 confirmed cases', () => {
  it('CAS-4 the 9th confirmed case opens nothing; an asymptomatic 10th opens nothing', async () => {
    for (const person of persons.slice(1, 9)) await transferAndAdmit(await insertCase(person, 'confirmed'));
    await transferAndAdmit(await insertCase(persons[9]!, 'asymptomatic'));
    const hospital = (await send('GET', `/api/hospitals/${designatedId}`, reporter)).json().hospital;
    expect(hospital).toMatchObject({ confirmed: 9, inHospital: 10, emptyingOwedAt: null });
    expect(await openDeadlines(designatedId)).toEqual([]);
  });

  it('CAS-4 a case in hospital reclassified confirmed is the 10th: evaluated on demand, it opens the 48 hours', async () => {
    await env.db.query(
      `UPDATE cases SET classification = 'confirmed', confirmed_at = $2 WHERE person_id = $1`,
      [persons[9], env.ctx.now()],
    );
    const evaluated = await send('POST', '/api/hospitals/evaluate', working, {});
    expect(evaluated.json().emptyingOpened).toBe(1);
    const [deadline] = await openDeadlines(designatedId);
    expect(deadline).toMatchObject({
      kind: 'hospital.empty_48h',
      ruleId: 'CAS-4',
      ownerRole: 'working_group',
    });
    expect(deadline!.dueAt.getTime() - env.ctx.now().getTime()).toBe(48 * HOUR);
    const again = await send('POST', '/api/hospitals/evaluate', working, {});
    expect(again.json().emptyingOpened).toBe(0);
  });

  it('CAS-4 recording the hospital emptied closes it, and it is not owed again', async () => {
    const emptied = await send('POST', `/api/hospitals/${designatedId}/emptied`, working, {
      at: env.ctx.now().toISOString(),
      note: '普通患者已全部转出',
    });
    expect(emptied.statusCode, emptied.body).toBe(200);
    expect(emptied.json().emptiedAt).not.toBeNull();
    expect(await openDeadlines(designatedId)).toEqual([]);
    await transferAndAdmit(await insertCase(persons[10]!, 'confirmed'));
    expect(await openDeadlines(designatedId)).toEqual([]);
    const twice = await send('POST', `/api/hospitals/${designatedId}/emptied`, working, {
      at: env.ctx.now().toISOString(),
    });
    expect(twice.statusCode).toBe(409);
  });
});

describe('CAS-4 the 10th confirmed case admitted opens the 48 hours at once', () => {
  it('CAS-4 the 10th admission (not the 9th) opens the deadline on the hospital', async () => {
    const second = await register({ name: '盘山县第二定点医院' });
    designatedId = second.id;
    const people = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 10, 41);
    for (const person of people.slice(0, 9)) await transferAndAdmit(await insertCase(person, 'confirmed'));
    expect(await openDeadlines(second.id)).toEqual([]);
    await transferAndAdmit(await insertCase(people[9]!, 'confirmed'));
    expect(await openDeadlines(second.id)).toEqual([
      expect.objectContaining({ kind: 'hospital.empty_48h', ruleId: 'CAS-4', jurisdictionCode: COUNTY_A }),
    ]);
    const view = (await send('GET', `/api/hospitals/${second.id}`, reporter)).json().hospital;
    expect(view).toMatchObject({ confirmed: 10, emptyingOverdue: false });
    env.setNow(new Date(env.ctx.now().getTime() + 49 * HOUR));
    // Sessions last 12 hours: sign in again on the later day.
    reporter = await signInAs(env.app, 'a_hospital');
    const later = (await send('GET', `/api/hospitals/${second.id}`, reporter)).json().hospital;
    expect(later.emptyingOverdue).toBe(true);
  });
});

describe('CAS-3 discharge, then isolation and follow-up as deadlines', () => {
  it('CAS-3 discharging opens each step of the plan: community isolation, hospital visits', async () => {
    const [stay] = await env.db.query<{ id: string }>(
      `SELECT id FROM hospital_stays WHERE person_id = $1 AND status = 'admitted'`,
      [persons[1]],
    );
    const response = await send('POST', `/api/hospital-stays/${stay!.id}/discharge`, reporter, {
      at: env.ctx.now().toISOString(),
      note: '治愈出院',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.status).toBe('discharged');
    // The Panshan pack in force sets the follow-up: 14 days' isolation, visits in weeks 2 and 4.
    expect(body.followUp).toMatchObject({ fromPack: true, packId: 'panshan-2021' });
    expect(body.followUp.steps.map((s: { owner: string }) => s.owner)).toEqual([
      'community',
      'hospital',
      'hospital',
    ]);
    const deadlines = await openDeadlines(stay!.id);
    expect(deadlines.length).toBe(body.followUp.steps.length);
    expect(deadlines.every((d) => d.ruleId === 'CAS-3')).toBe(true);
    expect(new Set(deadlines.map((d) => d.ownerRole))).toEqual(
      new Set(
        body.followUp.steps.map((s: { owner: string }) =>
          s.owner === 'hospital' ? 'hospital_reporter' : 'community_worker',
        ),
      ),
    );
    const twice = await send('POST', `/api/hospital-stays/${stay!.id}/discharge`, reporter, {
      at: env.ctx.now().toISOString(),
    });
    expect(twice.statusCode).toBe(409);
  });

  it('CAS-3 a discharged patient leaves the beds in use', async () => {
    const view = (await send('GET', `/api/hospitals?jurisdiction=${COUNTY_A}`, reporter)).json();
    const first = view.items.find((h: { name: string }) => h.name === '盘山县传染病医院');
    expect(first).toMatchObject({ inHospital: 10 });
  });
});

describe('CAS-3, CAS-4 on the situation dashboard', () => {
  it('CAS-4 the treatment tile: each figure equals a direct count and the rows its drill opens', async () => {
    admin = await signInAs(env.app, 'a_admin');
    const response = await send('GET', `/api/dashboard?jurisdiction=${COUNTY_A}`, admin);
    expect(response.statusCode, response.body).toBe(200);
    const tile = response.json().tiles.find((t: { id: string }) => t.id === 'hospitals.treatment');
    expect(tile.error).toBe(false);
    const expected = await expectedHospitalFigures(env.db, COUNTY_A);
    const figures: Array<{ key: string; value: number; drill: string; unit?: string }> = tile.body.figures;
    expect(Object.fromEntries(figures.map((f) => [`hospitals.treatment.${f.key}`, f.value]))).toEqual(
      Object.fromEntries(expected),
    );
    expect(expected.get('hospitals.treatment.emptying')).toBeGreaterThan(0);
    for (const figure of figures.filter((f) => f.unit !== 'percent'))
      expect({ key: figure.key, value: await drilled(env.app, admin, figure.drill) }).toEqual({
        key: figure.key,
        value: figure.value,
      });
  });
});

describe('CAS-3 the transfer owed without anyone pressing a button', () => {
  it('CAS-3 the scheduled sweep opens the transfer deadline of a newly reported confirmed case, once', async () => {
    const [person] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, 42);
    const caseId = await insertCase(person!, 'confirmed', env.ctx.now());
    expect(await openDeadlines(caseId)).toEqual([]);
    expect(await sweepTreatment(env.ctx)).toBeGreaterThanOrEqual(1);
    const [deadline] = await openDeadlines(caseId);
    expect(deadline).toMatchObject({
      kind: 'hospital.transfer',
      ruleId: 'CAS-3',
      jurisdictionCode: VILLAGE_A,
    });
    expect(deadline!.dueAt.getTime() - env.ctx.now().getTime()).toBe(2 * HOUR);
    await sweepTreatment(env.ctx);
    expect(await openDeadlines(caseId)).toHaveLength(1);
  });
});
