import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../src/modules/persons/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { withScope } from '../../src/platform/access/scope.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { expectNoOpenDeadlines, openDeadlinesOf } from '../support/openDeadlines.js';
import { createPersons, insertTube } from '../support/testingTubes.js';
import { COUNTY_A, COUNTY_B, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * The invariant of every workflow (CMD-1's command chain works only on real work): when a workflow
 * ends, none of its deadlines stays open. Each case drives one workflow through the API to each of
 * its ends and looks at every obligation of its subjects; a phantom left open would go overdue and
 * climb the chain. Landing reports and truck pre-reports: workflowEnd.landing.test.ts.
 */
const CHIFENG_VILLAGE = '150402001001';
const HOUR = 3_600_000;

let env: Awaited<ReturnType<typeof openWorldApp>>;
let chifeng: string;
let panshan: string;

beforeAll(async () => {
  env = await openWorldApp();
  chifeng = await signInAs(env.app, 'b_admin');
  panshan = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
async function post(url: string, cookie: string, payload: object, status = 200) {
  const response = await env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
  return response.json();
}
async function put(url: string, cookie: string, payload: object) {
  const response = await env.app.inject({ method: 'PUT', url, headers: { cookie }, payload });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
}
const arrivalSubject = (id: string) => ({ subjectType: 'arrival', subjectId: id });

/** The items of an arrival's active plan: its tests, then its phases' ends, in order. */
async function planItems(cookie: string, arrivalId: string): Promise<string[]> {
  const detail = (await get(`/api/arrivals/${arrivalId}`, cookie)).json();
  const plan = detail.plans.find((p: { status: string }) => p.status === 'active').plan as {
    tests: Array<{ kind: string; day: number }>;
    phases: unknown[];
  };
  return [
    ...plan.tests.map((t) => `test:${t.kind}:d${t.day}`),
    ...plan.phases.map((_, i) => `phase:${i}:end`),
  ];
}

/** Every test of the plan negative and every phase ended: the arrival is released. */
async function releaseAll(cookie: string, arrivalId: string) {
  const items = await planItems(cookie, arrivalId);
  return record(
    cookie,
    arrivalId,
    items.map((item): [string, string] => [item, item.startsWith('test:') ? 'negative' : 'done']),
  );
}

/** Records results through the arrival page's route, in order. */
async function record(cookie: string, arrivalId: string, events: Array<[string, string]>) {
  let detail: { status: string } | undefined;
  for (const [item, result] of events)
    detail = await post(`/api/arrivals/${arrivalId}/events`, cookie, { item, result });
  return detail;
}

describe('arrival plans', () => {
  it('ISO-6 a plan released after its release test leaves none of its other tests open', async () => {
    // ARR-9 (Chifeng, other areas): NAT and antigen on day 0, NAT on day 3, NAT on day 7 to release.
    const arrival = await post(
      '/api/arrivals',
      chifeng,
      {
        person: { name: '周终结', idNumber: withCheckDigit('15040219850606001') },
        jurisdictionCode: CHIFENG_VILLAGE,
        origin: 'domestic',
        originDivisionCode: '110105',
        arrivedAt: '2026-11-24T01:00:00Z',
        homeIsolationConditions: true,
      },
      201,
    );
    // Day 0's antigen and day 3's NAT were never recorded: release waits only for day 7 (ISO-6).
    const released = await record(chifeng, arrival.id, [
      ['test:nat:d0', 'negative'],
      ['test:nat:d7', 'negative'],
      ['phase:0:end', 'done'],
    ]);
    expect(released?.status).toBe('released');
    await expectNoOpenDeadlines(env.db, arrivalSubject(arrival.id), 'the arrival was released');
  });

  it('ARR-4 a plan superseded by a new pack version leaves only the new plan’s work, and none once it ends', async () => {
    const arrivalId = env.world.arrivalA.arrivalId;
    // The shipped pack's next version asks for an extra NAT on day 1 (a changed rule, not new code).
    const shipped = readFileSync('packs/panshan-2021.yaml', 'utf8');
    const version = String(Number(/^version: "(\d+)"/m.exec(shipped)?.[1]) + 1);
    const panshanNext = shipped
      .replace(/^version: "\d+"/m, `version: "${version}"`)
      .replace(/(kind: nat\n\s+days: )\[7\]/, '$1[1, 7]');
    await post('/api/policy/packs', panshan, { yaml: panshanNext }, 201);
    const body = { packId: 'panshan-2021', version, jurisdictionCode: COUNTY_A };
    expect(await post('/api/policy/impact/apply', panshan, body)).toMatchObject({ replaced: 1 });
    const items = await planItems(panshan, arrivalId);
    expect(items).toContain('test:nat:d1');
    const open = await openDeadlinesOf(env.db, arrivalSubject(arrivalId));
    expect(open.map((d) => d.kind).sort()).toEqual([...items].sort());
    expect((await releaseAll(panshan, arrivalId))?.status).toBe('released');
    await expectNoOpenDeadlines(env.db, arrivalSubject(arrivalId), 'the new plan was released');
  });

  it('ARR-15 a checkpoint’s hand-over ends with its arrival’s plan: nothing is left once it is released', async () => {
    await env.db.query(
      `INSERT INTO risk_areas (id, level, division_code, area_name, published_at, publisher)
       VALUES (gen_random_uuid(), 'high', '310101002', '黄浦区外滩街道', '2026-11-20T00:00:00Z', '上海市')`,
    );
    const checkpoint = await post(
      '/api/checkpoints',
      panshan,
      { name: '盘山收费站', kind: 'highway', jurisdictionCode: COUNTY_A },
      201,
    );
    const { pass } = await post(
      `/api/checkpoints/${checkpoint.id}/passes`,
      panshan,
      {
        name: '钱终结',
        idNumber: withCheckDigit('21112219850707001'),
        phone: '13700137001',
        healthCode: 'green',
        temperature: 36.6,
        origin: 'domestic',
        originDivisionCode: '310101002',
        destinationCode: VILLAGE_A,
      },
      201,
    );
    expect(pass.arrivalId).toBeTruthy();
    expect((await releaseAll(panshan, pass.arrivalId))?.status).toBe('released');
    await expectNoOpenDeadlines(
      env.db,
      arrivalSubject(pass.arrivalId),
      'the handed-over arrival was released',
    );
  });
});

describe('cadre leave (ARR-14)', () => {
  const application = (personId: string, reason: string) => ({
    personId,
    destinationName: '北京市朝阳区',
    destinationDivisionCode: '110105',
    reason,
    leaveDate: '2026-11-24',
    plannedReturnDate: '2026-11-25',
  });

  it('ARR-14 approved and reported back: the return report is closed, and the return’s plan ends clean', async () => {
    const leave = await post('/api/cadre-leaves', chifeng, application(env.world.personB.id, '出差'), 201);
    await post(`/api/cadre-leaves/${leave.id}/decision`, chifeng, { decision: 'approved' });
    const returned = await post(`/api/cadre-leaves/${leave.id}/return`, chifeng, {
      returnedAt: env.ctx.now().toISOString(),
      homeIsolationConditions: true,
    });
    expect(returned.status).toBe('returned');
    await expectNoOpenDeadlines(env.db, { subjectType: 'cadre_leave', subjectId: leave.id }, 'returned');
    expect((await releaseAll(chifeng, returned.arrivalId))?.status).toBe('released');
    await expectNoOpenDeadlines(env.db, arrivalSubject(returned.arrivalId), 'the return’s plan was released');
  });

  it('ARR-14 approved, then withdrawn because the trip is called off: the return report is cancelled', async () => {
    const leave = await post('/api/cadre-leaves', chifeng, application(env.world.personB.id, '开会'), 201);
    await post(`/api/cadre-leaves/${leave.id}/decision`, chifeng, { decision: 'approved' });
    const subject = { subjectType: 'cadre_leave', subjectId: leave.id };
    expect((await openDeadlinesOf(env.db, subject)).map((d) => d.ruleId)).toEqual(['ARR-14']);
    const blank = await env.app.inject({
      method: 'POST',
      url: `/api/cadre-leaves/${leave.id}/withdraw`,
      headers: { cookie: chifeng },
      payload: { reason: '   ' },
    });
    expect(blank.statusCode).toBe(400);
    const withdrawn = await post(`/api/cadre-leaves/${leave.id}/withdraw`, chifeng, { reason: '会议取消' });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawnByName: 'b_admin (b_admin)',
      withdrawalReason: '会议取消',
    });
    await expectNoOpenDeadlines(env.db, subject, 'withdrawn');
    const again = await env.app.inject({
      method: 'POST',
      url: `/api/cadre-leaves/${leave.id}/withdraw`,
      headers: { cookie: chifeng },
      payload: { reason: '重复' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('ARR-14 an approved leave past its leave date is taken to have been taken: only the return report ends it', async () => {
    const leave = await post('/api/cadre-leaves', chifeng, application(env.world.personB.id, '探亲'), 201);
    await post(`/api/cadre-leaves/${leave.id}/decision`, chifeng, { decision: 'approved' });
    env.setNow(new Date('2026-11-25T02:00:00Z'));
    try {
      const later = await signInAs(env.app, 'b_admin');
      const response = await env.app.inject({
        method: 'POST',
        url: `/api/cadre-leaves/${leave.id}/withdraw`,
        headers: { cookie: later },
        payload: { reason: '未离开' },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().errors[0]).toMatchObject({ field: 'status', code: 'leave_taken' });
    } finally {
      env.setNow(new Date('2026-11-24T02:00:00Z'));
    }
  });

  it('ARR-14 rejected: nothing is left to do', async () => {
    const leave = await post('/api/cadre-leaves', chifeng, application(env.world.personB.id, '旅游'), 201);
    await post(`/api/cadre-leaves/${leave.id}/decision`, chifeng, { decision: 'rejected' });
    await expectNoOpenDeadlines(env.db, { subjectType: 'cadre_leave', subjectId: leave.id }, 'rejected');
  });
});

describe('testing tasks', () => {
  const sample = (personId: string, tubeBarcode: string, purpose: string) => ({
    siteId: env.world.testingA.siteId,
    tableNo: 1,
    purpose,
    campaignId: null,
    poolSize: 1,
    tubeBarcode,
    personId,
  });

  it('TST-1 a positive pool’s re-sampling tasks end when each member is re-sampled, and the controls lift', async () => {
    const members = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 3, 31);
    await insertTube(env.ctx, {
      barcode: 'WFEND-POOL-01',
      jurisdictionCode: COUNTY_A,
      siteId: env.world.testingA.siteId,
      openedAt: new Date(env.ctx.now().getTime() - 2 * HOUR),
      members,
      capacity: 10,
      labId: env.world.testingA.labId,
    });
    const labId = env.world.testingA.labId;
    await post('/api/lab-results', panshan, {
      labId,
      results: [{ barcode: 'WFEND-POOL-01', result: 'positive' }],
    });
    expect((await openDeadlinesOf(env.db, { personId: members[0]! })).map((d) => d.ruleId)).toEqual([
      'TST-1',
    ]);
    for (const [i, person] of members.entries()) {
      const barcode = `WFEND-RS-0${i}`;
      await post('/api/sampling/samples', panshan, sample(person, barcode, 'resample'), 201);
      await post('/api/lab-results/receipts', panshan, { labId, barcodes: [barcode] });
      await post('/api/lab-results', panshan, { labId, results: [{ barcode, result: 'negative' }] });
    }
    for (const person of members) {
      expect((await get(`/api/persons/${person}/controls`, panshan)).json()).toMatchObject({ open: 0 });
      await expectNoOpenDeadlines(env.db, { personId: person }, 're-sampled negative, control lifted');
    }
  });

  it('TST-1 a pool member of another county is handed over; the hand-over ends when their county re-samples them', async () => {
    const visitor = env.world.personB.id;
    const [local] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, 35);
    const labId = env.world.testingA.labId;
    await insertTube(env.ctx, {
      barcode: 'WFEND-POOL-02',
      jurisdictionCode: COUNTY_A,
      siteId: env.world.testingA.siteId,
      openedAt: new Date(env.ctx.now().getTime() - 2 * HOUR),
      members: [local!, visitor],
      capacity: 10,
      labId,
    });
    await post('/api/lab-results', panshan, {
      labId,
      results: [{ barcode: 'WFEND-POOL-02', result: 'positive' }],
    });
    const handOver = await openDeadlinesOf(env.db, { personId: visitor });
    expect(handOver.map((d) => d.ruleId)).toContain('TST-1');
    // 红山区 re-samples its own resident at its own site: the hand-over at 盘山县 is met.
    await post(
      '/api/sampling/samples',
      chifeng,
      { ...sample(visitor, 'WFEND-RS-B01', 'resample'), siteId: env.world.testingB.siteId },
      201,
    );
    const left = await openDeadlinesOf(env.db, { personId: visitor });
    expect(left.filter((d) => d.ruleId === 'TST-1').map((d) => d.kind)).toEqual([]);
  });

  it('CAS-2 a positive individual’s case report ends when it is reported', async () => {
    const [person] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, 32);
    await insertTube(env.ctx, {
      barcode: 'WFEND-SOLO-01',
      jurisdictionCode: COUNTY_A,
      siteId: env.world.testingA.siteId,
      openedAt: new Date(env.ctx.now().getTime() - 2 * HOUR),
      members: [person!],
      labId: env.world.testingA.labId,
    });
    await post('/api/lab-results', panshan, {
      labId: env.world.testingA.labId,
      results: [{ barcode: 'WFEND-SOLO-01', result: 'positive' }],
    });
    const page = (await get(`/api/deadlines?personId=${person}`, panshan)).json();
    expect(page.items.map((d: { ruleId: string }) => d.ruleId)).toEqual(['CAS-2']);
    await post(`/api/deadlines/${page.items[0].id}/done`, panshan, { outcome: '已网络直报' });
    await expectNoOpenDeadlines(env.db, { personId: person! }, 'the case was reported');
  });

  it('TST-3 a positive corrected to negative by a county CDC ends every task it opened, in any county', async () => {
    // Posted by a lab user over both counties (as at a city lab), the positives open tasks in 红山区
    // (the pool member who lives there; the lab's case report) that 盘山县's CDC, who corrects the
    // results, cannot see: they must not stay open once the tubes are negative.
    await env.ctx.db.transaction(async (tx) => {
      await createUser(tx, undefined, {
        username: 'ab_lab',
        displayName: 'ab_lab',
        password: PASSWORD,
        roles: ['admin'],
        scopes: [COUNTY_A, COUNTY_B],
      });
      await createUser(tx, undefined, {
        username: 'a_cdc',
        displayName: 'a_cdc',
        password: PASSWORD,
        roles: ['cdc_epidemiologist'],
        scopes: [COUNTY_A],
      });
    });
    const lab = await signInAs(env.app, 'ab_lab');
    const cdc = await signInAs(env.app, 'a_cdc');
    const [local, single] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 2, 36);
    const [visitor] = await createPersons(env.ctx, env.world.users.b_admin!, CHIFENG_VILLAGE, 1, 37);
    const people = [local!, single!, visitor!];
    const labId = env.world.testingB.labId;
    const tube = (barcode: string, members: string[]) =>
      insertTube(env.ctx, {
        barcode,
        jurisdictionCode: COUNTY_A,
        siteId: env.world.testingA.siteId,
        openedAt: new Date(env.ctx.now().getTime() - 2 * HOUR),
        members,
        capacity: 10,
        labId,
      });
    await tube('WFEND-POOL-03', [local!, visitor!]);
    await tube('WFEND-SOLO-02', [single!]);
    await post('/api/lab-results', lab, {
      labId,
      results: [
        { barcode: 'WFEND-POOL-03', result: 'positive' },
        { barcode: 'WFEND-SOLO-02', result: 'positive' },
      ],
    });
    for (const person of people)
      expect((await openDeadlinesOf(env.db, { personId: person })).map((d) => d.ruleId)).toHaveLength(1);
    for (const barcode of ['WFEND-POOL-03', 'WFEND-SOLO-02'])
      await post('/api/lab-results/corrections', cdc, { barcode, result: 'negative', reason: '复核为阴性' });
    for (const person of people)
      await expectNoOpenDeadlines(env.db, { personId: person }, 'the positive was corrected to negative');
    const controls = await env.db.query<{ personId: string }>(
      'SELECT person_id AS "personId" FROM person_controls WHERE person_id = ANY ($1::uuid[]) AND cleared_at IS NULL',
      [people],
    );
    expect(controls, 'no one stays under control for a positive that was not').toEqual([]);
  });

  describe('TST-5 a missed routine test', () => {
    /** A courier (TST-4) last tested on 2026-11-21, so late on the sweep of the 24th. */
    const courier = async (serial: number) => {
      const person = await withScope(env.db, env.world.users.a_admin!, (tx) =>
        createPerson(env.ctx, tx, env.world.users.a_admin!, {
          name: `快递员${serial}`,
          idNumber: withCheckDigit(`21112219700101${String(serial).padStart(3, '0')}`),
          jurisdictionCode: VILLAGE_A,
          employer: '顺丰速运',
          keyGroups: ['courier'],
        }),
      );
      await insertTube(env.ctx, {
        barcode: `WFEND-LAST-${serial}`,
        jurisdictionCode: COUNTY_A,
        openedAt: new Date('2026-11-21T02:00:00Z'),
        members: [person.id],
        purpose: 'other',
      });
      return person;
    };
    const sweep = () => post('/api/routine-testing/sweep', panshan, {});

    it('TST-5 ends when the person is tested', async () => {
      const person = await courier(901);
      await sweep();
      expect((await openDeadlinesOf(env.db, { personId: person.id })).map((d) => d.ruleId)).toEqual([
        'TST-5',
      ]);
      await post('/api/sampling/samples', panshan, sample(person.id, 'WFEND-RT-01', 'routine'), 201);
      await expectNoOpenDeadlines(env.db, { personId: person.id }, 'the missed test was taken');
    });

    it('TST-5 ends when the person no longer belongs to a key group', async () => {
      const person = await courier(902);
      await sweep();
      expect((await openDeadlinesOf(env.db, { personId: person.id })).map((d) => d.ruleId)).toEqual([
        'TST-5',
      ]);
      await put(`/api/persons/${person.id}`, panshan, {
        name: person.name,
        phone: null,
        jurisdictionCode: VILLAGE_A,
        address: null,
        employer: null,
        householdCode: null,
        keyGroups: [],
        version: person.version,
      });
      await sweep();
      await expectNoOpenDeadlines(env.db, { personId: person.id }, 'the person left the key group');
    });
  });
});
