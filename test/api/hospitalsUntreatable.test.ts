import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepTreatment } from '../../src/modules/hospitals/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Role } from '../../src/rules/roles.js';
import { createPersons } from '../support/testingTubes.js';
import { COUNTY_A, COUNTY_B, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * CAS-3 and CAS-4 for cases that stop being treatable (排除, or reclassified suspected): their
 * transfer is no longer owed, they are not admitted and they are not among the 10 confirmed; the
 * transfer deadline is never overdue when opened; a transfer id of another county is a 409.
 */
const HOUR = 3_600_000;
const START = new Date('2026-12-07T01:00:00Z');
const VILLAGE_B = '150402001001';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let reporter: string;
let reporterB: string;
let persons: string[];
let hospitalId: string;

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

const send = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function insertCase(
  personId: string,
  classification: string,
  reportedAt = env.ctx.now(),
  village = VILLAGE_A,
) {
  const [row] = await env.db.query<{ id: string }>(
    `INSERT INTO cases (jurisdiction_code, person_id, classification, found_at, reported_at, confirmed_at,
       reporting_institution, reporting_doctor, reported_by)
     VALUES ($1, $2, $3, $4, $4, $5, '盘山县人民医院', '王医生', $6) RETURNING id`,
    [
      village,
      personId,
      classification,
      reportedAt,
      classification === 'confirmed' ? reportedAt : null,
      '00000000-0000-4000-8000-000000000001',
    ],
  );
  return row!.id;
}

const discard = (caseId: string) =>
  env.db.query(
    `UPDATE cases SET status = 'discarded', discarded_at = $2, discard_reason = '复核阴性' WHERE id = $1`,
    [caseId, env.ctx.now()],
  );
const reclassify = (caseId: string, classification: string) =>
  env.db.query(
    `UPDATE cases SET classification = $2, severity = NULL,
       confirmed_at = CASE WHEN $2 = 'confirmed' THEN $3::timestamptz ELSE confirmed_at END WHERE id = $1`,
    [caseId, classification, env.ctx.now()],
  );

const transferDeadlines = (caseId: string) =>
  env.db.query<{ dueAt: Date; open: boolean; cancelReason: string | null }>(
    `SELECT due_at AS "dueAt", (done_at IS NULL AND cancelled_at IS NULL) AS open, cancel_reason AS "cancelReason"
     FROM deadlines WHERE subject_type = 'hospital_transfer' AND subject_id = $1 AND kind = 'hospital.transfer'
     ORDER BY created_at`,
    [caseId],
  );
const stayStatus = async (stayId: string) =>
  (await env.db.query<{ status: string }>('SELECT status FROM hospital_stays WHERE id = $1', [stayId]))[0]
    ?.status;

async function requestTransfer(caseId: string, id?: string) {
  const response = await send('POST', `/api/hospitals/${hospitalId}/transfers`, reporter, {
    ...(id ? { id } : {}),
    caseId,
    fromPlace: '盘山县人民医院发热门诊',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; transferDueAt: string };
}

async function admit(stayId: string) {
  return send('POST', `/api/hospital-stays/${stayId}/admit`, reporter, { at: env.ctx.now().toISOString() });
}

beforeAll(async () => {
  env = await openWorldApp();
  env.setNow(START);
  reporter = await addUser('u_hospital', 'hospital_reporter', COUNTY_A);
  reporterB = await addUser('u_hospital_b', 'hospital_reporter', COUNTY_B);
  persons = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 16, 44);
  const hospital = await send('POST', '/api/hospitals', reporter, {
    jurisdictionCode: COUNTY_A,
    name: '盘山县第三定点医院',
    kind: 'designated',
    isCountyHospital: false,
    status: 'in_use',
    beds: 120,
    icuBeds: 12,
    negativePressureBeds: 10,
    supplyDays: 30,
  });
  expect(hospital.statusCode, hospital.body).toBe(201);
  hospitalId = hospital.json().id;
});
afterAll(() => env.close());

describe('CAS-3 a case discarded or reclassified suspected owes no transfer and is not admitted', () => {
  it('CAS-3 a discarded case: admission refused with its own 409; the sweep cancels its transfer and deadline', async () => {
    const caseId = await insertCase(persons[0]!, 'confirmed');
    await sweepTreatment(env.ctx);
    expect(await transferDeadlines(caseId)).toEqual([expect.objectContaining({ open: true })]);
    const stay = await requestTransfer(caseId);
    await discard(caseId);
    const refused = await admit(stay.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'case_not_treatable' });
    await sweepTreatment(env.ctx);
    expect(await transferDeadlines(caseId)).toEqual([
      expect.objectContaining({ open: false, cancelReason: 'case_not_treatable' }),
    ]);
    expect(await stayStatus(stay.id)).toBe('cancelled');
  });

  it('CAS-3 reclassified suspected: evaluated on demand, the transfer and its deadline end; confirmed again, it is owed again', async () => {
    const caseId = await insertCase(persons[1]!, 'asymptomatic');
    const stay = await requestTransfer(caseId);
    expect(await transferDeadlines(caseId)).toEqual([expect.objectContaining({ open: true })]);
    await reclassify(caseId, 'suspected');
    expect((await admit(stay.id)).json()).toMatchObject({ code: 'case_not_treatable' });
    const evaluated = await send('POST', '/api/hospitals/evaluate', reporter, { jurisdiction: COUNTY_A });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    expect(await stayStatus(stay.id)).toBe('cancelled');
    expect((await transferDeadlines(caseId)).map((d) => d.open)).toEqual([false]);
    await reclassify(caseId, 'confirmed');
    await sweepTreatment(env.ctx);
    expect((await transferDeadlines(caseId)).map((d) => d.open)).toEqual([false, true]);
  });
});

describe('CAS-4 a discarded case in hospital is not one of the 10 confirmed', () => {
  it('CAS-4 nine confirmed and a discarded confirmed case: 9 counted, no emptying; the sweep ends its stay', async () => {
    const stays: string[] = [];
    for (const person of persons.slice(2, 12)) {
      const stay = await requestTransfer(await insertCase(person, 'asymptomatic'));
      expect((await admit(stay.id)).statusCode).toBe(200);
      stays.push(stay.id);
    }
    const cases = await env.db.query<{ id: string }>(
      'SELECT case_id AS id FROM hospital_stays WHERE id = ANY ($1::uuid[]) ORDER BY requested_at, id',
      [stays],
    );
    for (const c of cases) await reclassify(c.id, 'confirmed');
    const last = cases[cases.length - 1]!.id;
    await discard(last);
    const before = (await send('GET', `/api/hospitals/${hospitalId}`, reporter)).json().hospital;
    expect(before).toMatchObject({ confirmed: 9, inHospital: 10 });
    await sweepTreatment(env.ctx);
    const after = (await send('GET', `/api/hospitals/${hospitalId}`, reporter)).json().hospital;
    expect(after).toMatchObject({ confirmed: 9, inHospital: 9, emptyingOwedAt: null });
    const [ended] = await env.db.query<{ status: string; dischargedAt: Date }>(
      `SELECT status, discharged_at AS "dischargedAt" FROM hospital_stays WHERE case_id = $1`,
      [last],
    );
    expect(ended).toEqual({ status: 'discharged', dischargedAt: env.ctx.now() });
  });
});

describe('CAS-3 a transfer deadline is never overdue when it is opened', () => {
  it('CAS-3 a case whose typed-in report and confirmation lie 5 hours back is due 2 hours from the opening', async () => {
    env.setNow(new Date(START.getTime() + 6 * HOUR));
    reporter = await signInAs(env.app, 'u_hospital');
    const caseId = await insertCase(persons[12]!, 'confirmed', new Date(env.ctx.now().getTime() - 5 * HOUR));
    const awaiting = await send('GET', `/api/hospitals/awaiting-transfer?jurisdiction=${COUNTY_A}`, reporter);
    expect(awaiting.json().items.find((c: { caseId: string }) => c.caseId === caseId)).toMatchObject({
      overdue: false,
    });
    await sweepTreatment(env.ctx);
    const [deadline] = await transferDeadlines(caseId);
    expect(deadline!.dueAt.getTime() - env.ctx.now().getTime()).toBe(2 * HOUR);
    env.setNow(new Date(env.ctx.now().getTime() + HOUR));
    const stay = await requestTransfer(caseId);
    expect(new Date(stay.transferDueAt).getTime()).toBe(deadline!.dueAt.getTime());
  });

  it('CAS-3 a transfer asked for before any sweep is due 2 hours from the request', async () => {
    const caseId = await insertCase(persons[13]!, 'confirmed', new Date(env.ctx.now().getTime() - 4 * HOUR));
    const stay = await requestTransfer(caseId);
    expect(new Date(stay.transferDueAt).getTime() - env.ctx.now().getTime()).toBe(2 * HOUR);
    const [deadline] = await transferDeadlines(caseId);
    expect(deadline!.dueAt.getTime()).toBe(new Date(stay.transferDueAt).getTime());
  });
});

describe('CAS-3 a transfer id already used in another county', () => {
  it('CAS-3 answers 409 with its own code, not a server error, and changes nothing', async () => {
    const id = randomUUID();
    await requestTransfer(await insertCase(persons[14]!, 'confirmed'), id);
    const [personB] = await createPersons(env.ctx, env.world.users.b_admin!, VILLAGE_B, 1, 45);
    const caseB = await insertCase(personB!, 'confirmed', env.ctx.now(), VILLAGE_B);
    const hospitalB = await send('POST', '/api/hospitals', reporterB, {
      jurisdictionCode: COUNTY_B,
      name: '东河区定点医院',
      kind: 'designated',
      isCountyHospital: false,
      status: 'in_use',
      beds: 80,
      icuBeds: 8,
      negativePressureBeds: 4,
      supplyDays: 30,
    });
    expect(hospitalB.statusCode, hospitalB.body).toBe(201);
    const response = await send('POST', `/api/hospitals/${hospitalB.json().id}/transfers`, reporterB, {
      id,
      caseId: caseB,
      fromPlace: '家中',
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toMatchObject({ code: 'transfer_id_taken' });
    const rows = await env.db.query<{ caseId: string }>(
      'SELECT case_id AS "caseId" FROM hospital_stays WHERE id = $1',
      [id],
    );
    expect(rows).toEqual([{ caseId: expect.not.stringMatching(caseB) }]);
  });
});
