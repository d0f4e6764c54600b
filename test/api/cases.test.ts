import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFiguresOfDays } from '../../src/modules/cases/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import type { Role } from '../../src/rules/roles.js';
import { createPersons, insertTube } from '../support/testingTubes.js';
import { COUNTY_A, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let adminB: string;
let lab: string;
let cdc: string;
let hospital: string;
const HOUR = 3_600_000;
const START = new Date('2026-12-07T01:00:00Z');

/** Moves the clock (the callers act through API tokens, which outlive a session's 12 hours). */
async function moveTo(when: Date) {
  env.setNow(when);
}

/** An API token of the user: the tests move the clock by days, past a session's life. */
async function tokenOf(username: string) {
  const cookie = await signInAs(env.app, username);
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/session/tokens',
    headers: { cookie },
    payload: { name: 'cases test' },
  });
  return `Bearer ${response.json().token}`;
}

beforeAll(async () => {
  // County B's case list must be empty (the scope test): the chains module's county B case stays out.
  env = await openWorldApp({ tracingCases: false });
  env.setNow(START);
  const users: Array<[string, Role]> = [
    ['a_lab', 'lab'],
    ['a_cdc', 'cdc_epidemiologist'],
    ['a_hospital', 'hospital_reporter'],
  ];
  for (const [username, role] of users)
    await env.ctx.db.transaction((tx) =>
      createUser(tx, undefined, {
        username,
        displayName: username,
        password: PASSWORD,
        roles: [role],
        scopes: [COUNTY_A],
      }),
    );
  admin = await tokenOf('a_admin');
  adminB = await tokenOf('b_admin');
  lab = await tokenOf('a_lab');
  cdc = await tokenOf('a_cdc');
  hospital = await tokenOf('a_hospital');
});
afterAll(() => env.close());

const at = (hours: number) => new Date(START.getTime() + hours * HOUR);
const get = (url: string, authorization = admin) =>
  env.app.inject({ method: 'GET', url, headers: { authorization } });
const post = (url: string, payload: object, authorization = admin) =>
  env.app.inject({ method: 'POST', url, headers: { authorization }, payload });

let seed = 30;
/** A person of village A with a positive individual result posted now; returns the person and barcode. */
async function positive(barcode: string) {
  const [personId] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, seed++);
  await insertTube(env.ctx, {
    barcode,
    jurisdictionCode: COUNTY_A,
    siteId: env.world.testingA.siteId,
    openedAt: new Date(env.ctx.now().getTime() - HOUR),
    members: [personId!],
    labId: env.world.testingA.labId,
  });
  const response = await post('/api/lab-results', {
    labId: env.world.testingA.labId,
    results: [{ barcode, result: 'positive' }],
  });
  expect(response.json()).toMatchObject({ applied: 1, positives: 1 });
  return { personId: personId!, barcode };
}

const card = (extra: object) => ({
  classification: 'confirmed',
  severity: 'mild',
  reportingInstitution: '盘山县人民医院',
  reportingDoctor: '王医生',
  exposureSummary: '近14天无外出',
  currentLocation: '县人民医院隔离病区',
  ...extra,
});

const reportItems = (personId: string) =>
  env.db.query<{ kind: string; done: boolean; overdue: boolean }>(
    `SELECT kind, done_at IS NOT NULL AS done, (done_at IS NULL AND due_at < $2) AS overdue FROM deadlines
     WHERE subject_type = 'person' AND subject_id = $1 AND rule_id = 'CAS-2'`,
    [personId, env.ctx.now()],
  );

describe('CAS-2 a positive result and its report', () => {
  it('pre-fills the card from the positive result: person masked, sampled and resulted times, the lab as finder', async () => {
    await moveTo(START);
    const { barcode, personId } = await positive('CASE-000001');
    const prefill = await get(`/api/cases/prefill?tube=${barcode.toLowerCase()}`, lab);
    expect(prefill.statusCode).toBe(200);
    expect(prefill.json()).toMatchObject({
      tubeBarcode: barcode,
      personId,
      foundAt: '2026-12-07T01:00:00Z',
      reportDueAt: '2026-12-07T03:00:00Z',
      reportingInstitution: `${COUNTY_A} 疾控中心实验室`,
      openCaseId: null,
    });
    expect(prefill.json().personIdNumberMasked).toMatch(/\*/);
    // The lab's "my work" item for the result opens the report card pre-filled from it (CAS-2).
    const work = (await get('/api/my-work?pageSize=50', lab)).json();
    const item = work.items.find((i: { personId: string | null }) => i.personId === personId);
    expect(item.action).toMatchObject({
      href: expect.stringMatching(/^\/cases\/new\?tubeId=[0-9a-f-]{36}$/),
    });
    expect(item.action.markDone).toBeFalsy();
    const unknown = await get('/api/cases/prefill?tube=NOPE-000000', lab);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'tube', code: 'case_tube_not_positive' });
  });

  it('a report closes the testing item (done, not overdue) and opens the CDC review due 2 hours later', async () => {
    await moveTo(at(1));
    const [item] = await reportItems((await prefillPerson('CASE-000001')).personId);
    expect(item).toMatchObject({ done: false });
    const response = await post('/api/cases', card({ tubeBarcode: 'CASE-000001' }), lab);
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({
      classification: 'confirmed',
      status: 'reported',
      foundAt: '2026-12-07T01:00:00Z',
      reportedAt: '2026-12-07T02:00:00Z',
      reportLateMinutes: 0,
      awaitingReview: true,
      reviewDueAt: '2026-12-07T04:00:00Z',
      tubeBarcode: 'CASE-000001',
    });
    expect(view.personIdNumberMasked).toMatch(/\*/);
    await moveTo(at(5));
    expect(await reportItems(view.personId)).toEqual([
      { kind: expect.stringMatching(/^case-report:/), done: true, overdue: false },
    ]);
    const [review] = await env.db.query<{ ownerRole: string; jurisdictionCode: string; dueAt: Date }>(
      `SELECT owner_role AS "ownerRole", jurisdiction_code AS "jurisdictionCode", due_at AS "dueAt" FROM deadlines
       WHERE subject_type = 'case' AND subject_id = $1 AND done_at IS NULL`,
      [view.id],
    );
    expect(review).toMatchObject({ ownerRole: 'cdc_epidemiologist', jurisdictionCode: COUNTY_A });
    expect(review!.dueAt.toISOString()).toBe('2026-12-07T04:00:00.000Z');
    // A second report of the same person: a 409 of its own naming the open case.
    const again = await post('/api/cases', card({ tubeBarcode: 'CASE-000001' }), hospital);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'case_open', caseId: view.id });
    // Reviewed at 5 h (06:00), 2 h past its due (04:00): a late review on the board, and the review item closed.
    const reviewed = await post(`/api/cases/${view.id}/review`, { note: '信息完整' }, cdc);
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({
      status: 'reviewed',
      awaitingReview: false,
      reviewedByName: 'a_cdc (a_cdc)',
    });
    expect(reviewed.json().history[0]).toMatchObject({ kind: 'report', reviewLateMinutes: 120 });
    const board = await get('/api/cases/board?kind=late_review', cdc);
    expect(board.json().rows).toEqual([
      expect.objectContaining({
        kind: 'late_review',
        caseId: view.id,
        lateMinutes: 120,
        doneAt: '2026-12-07T06:00:00Z',
      }),
    ]);
    for (const kind of ['late_report', 'late_review', 'overdue', 'concealed']) {
      const filtered = await get(`/api/cases/board?kind=${kind}&jurisdiction=${COUNTY_A}`, cdc);
      expect({ kind, status: filtered.statusCode }).toEqual({ kind, status: 200 });
    }
    // The person's story tells the case: reported, then reviewed.
    const story = (await get(`/api/persons/${view.personId}/story`, cdc)).json();
    const told = story.events.filter((e: { source: string }) => e.source === 'cases');
    expect(told.map((e: { title: { zh: string } }) => e.title.zh)).toEqual(['疾控已审核', '报告为确诊病例']);
    // The review's work item is closed; the CDC's my-work offers no case review left for it.
    const cdcWork = (await get('/api/my-work?pageSize=50', cdc)).json();
    expect(cdcWork.items.filter((i: { personId: string | null }) => i.personId === view.personId)).toEqual(
      [],
    );
    const twice = await post(`/api/cases/${view.id}/review`, {}, cdc);
    expect(twice.json().code).toBe('case_nothing_to_review');
  });

  it('a positive with no report is overdue at 2 hours and concealed after 24 hours; a late report shows', async () => {
    await moveTo(at(10));
    const { personId } = await positive('CASE-000002');
    const kinds = async () => {
      const response = await get('/api/cases/board', cdc);
      if (response.statusCode !== 200) throw new Error(response.body);
      const board = response.json();
      return board.rows
        .filter((row: { personId: string }) => row.personId === personId)
        .map((r: { kind: string }) => r.kind);
    };
    await moveTo(at(11.9));
    expect(await kinds()).toEqual([]);
    await moveTo(at(12.5));
    expect(await kinds()).toEqual(['overdue']);
    await moveTo(at(34.5));
    expect(await kinds()).toEqual(['concealed']);
    const board = (await get('/api/cases/board', cdc)).json();
    expect(board.counts.concealed).toBeGreaterThanOrEqual(1);
    // Reported at last (by the hospital, naming only the person): it leaves the unreported rows and shows as late.
    const response = await post('/api/cases', card({ personId, foundAt: at(10).toISOString() }), hospital);
    expect(response.statusCode).toBe(201);
    expect(response.json().reportLateMinutes).toBe(22.5 * 60);
    expect(await kinds()).toEqual(['late_report']);
    expect((await reportItems(personId)).every((item) => item.done)).toBe(true);
  });
});

async function prefillPerson(barcode: string) {
  return (await get(`/api/cases/prefill?tube=${barcode}`, lab)).json() as { personId: string };
}

describe('CAS-1 the card, its history, reclassification and discard', () => {
  it('refuses a card whose times are out of order or in the future, and severity for a non-confirmed case', async () => {
    await moveTo(at(40));
    const [personId] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, seed++);
    const response = await post(
      '/api/cases',
      card({
        personId,
        classification: 'suspected',
        onsetAt: at(41).toISOString(),
        sampledAt: at(38).toISOString(),
        foundAt: at(37).toISOString(),
      }),
      hospital,
    );
    expect(response.statusCode).toBe(400);
    const errors = response.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]);
    expect(errors).toEqual([
      ['onsetAt', 'in_future'],
      ['foundAt', 'case_time_order'],
      ['severity', 'case_severity_confirmed_only'],
    ]);
    expect(response.json().errors[1].message_zh).toContain('不能早于');
  });

  it('takes an onset after sampling: fever before a screening result is reported with its real onset', async () => {
    await moveTo(at(40));
    const [personId] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, seed++);
    const response = await post(
      '/api/cases',
      card({
        personId,
        classification: 'suspected',
        severity: undefined,
        sampledAt: at(30).toISOString(),
        onsetAt: at(36).toISOString(),
        foundAt: at(39).toISOString(),
      }),
      hospital,
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ onsetAt: at(36).toISOString().replace('.000Z', 'Z') });
  });

  it('keeps every reclassification with its reason and review state; a discard needs a reason and frees the person', async () => {
    await moveTo(at(50));
    const [personId] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, seed++);
    const reported = await post(
      '/api/cases',
      card({ personId, classification: 'asymptomatic', severity: null, foundAt: at(49).toISOString() }),
      hospital,
    );
    const id = reported.json().id;
    await post(`/api/cases/${id}/review`, {}, cdc);
    await moveTo(at(60));
    const same = await post(
      `/api/cases/${id}/reclassify`,
      { classification: 'asymptomatic', reason: '复核' },
      hospital,
    );
    expect(same.json().errors[0].code).toBe('case_unchanged');
    const changed = await post(
      `/api/cases/${id}/reclassify`,
      { classification: 'confirmed', severity: 'moderate', reason: '出现发热、咳嗽，无症状转确诊' },
      hospital,
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      classification: 'confirmed',
      severity: 'moderate',
      status: 'reported',
      awaitingReview: true,
    });
    expect(
      changed
        .json()
        .history.map(
          (h: {
            kind: string;
            fromClassification: string | null;
            toClassification: string;
            reviewedAt: string | null;
          }) => [h.kind, h.fromClassification, h.toClassification, h.reviewedAt !== null],
        ),
    ).toEqual([
      ['report', null, 'asymptomatic', true],
      ['reclassify', 'asymptomatic', 'confirmed', false],
    ]);
    const queue = await get('/api/cases?awaitingReview=true', cdc);
    expect(queue.json().items.map((c: { id: string }) => c.id)).toContain(id);
    const noReason = await post(`/api/cases/${id}/discard`, {}, hospital);
    expect(noReason.statusCode).toBe(400);
    const discarded = await post(`/api/cases/${id}/discard`, { reason: '复核阴性，排除' }, hospital);
    expect(discarded.json()).toMatchObject({ status: 'discarded', discardReason: '复核阴性，排除' });
    expect(discarded.json().history.at(-1)).toMatchObject({ kind: 'discard', reason: '复核阴性，排除' });
    const afterDiscard = await post(
      `/api/cases/${id}/reclassify`,
      { classification: 'suspected', reason: '再次' },
      hospital,
    );
    expect(afterDiscard.json().code).toBe('case_discarded');
    const reviewed = await post(`/api/cases/${id}/review`, {}, cdc);
    expect(reviewed.json()).toMatchObject({ status: 'discarded', awaitingReview: false });
    const [open] = await env.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deadlines WHERE subject_type = 'case' AND subject_id = $1 AND done_at IS NULL",
      [id],
    );
    expect(open!.n).toBe(0);
    const newReport = await post('/api/cases', card({ personId, foundAt: at(59).toISOString() }), hospital);
    expect(newReport.statusCode).toBe(201);
    const audit = await env.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'case' AND entity_id = $1 ORDER BY at",
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'case.report',
      'case.review',
      'case.reclassify',
      'case.discard',
      'case.review',
    ]);
  });

  it('a card for someone not yet registered finds or registers them through the persons registry', async () => {
    const idNumber = withCheckDigit('21112219700505004');
    const person = { name: '孙立新', idNumber, jurisdictionCode: VILLAGE_A };
    const first = await post('/api/cases', card({ person, foundAt: at(59).toISOString() }), hospital);
    expect(first.statusCode).toBe(201);
    expect(first.json().personIdNumberMasked).not.toContain(idNumber.slice(6, 14));
    // The same number again is the same person: their open case answers 409.
    const again = await post('/api/cases', card({ person, foundAt: at(59).toISOString() }), hospital);
    expect(again.json()).toMatchObject({ code: 'case_open', caseId: first.json().id });
    const elsewhere = await post(
      '/api/cases',
      card({ person: { ...person, jurisdictionCode: '150402001001' } }),
      hospital,
    );
    expect(elsewhere.statusCode).toBe(400);
  });

  it('scope: another county’s case is 404 and its board and list are empty', async () => {
    const list = (await get('/api/cases', cdc)).json();
    const id = list.items[0].id;
    expect((await get(`/api/cases/${id}`, adminB)).statusCode).toBe(404);
    expect((await post(`/api/cases/${id}/review`, {}, adminB)).statusCode).toBe(404);
    expect((await get('/api/cases', adminB)).json().total).toBe(0);
    expect((await get('/api/cases/board', adminB)).json().counts).toEqual({
      late_report: 0,
      late_review: 0,
      overdue: 0,
      concealed: 0,
    });
    expect((await get(`/api/cases?jurisdiction=${COUNTY_A}`, adminB)).json().total).toBe(0);
  });

  it('personal data: no full ID number on any case answer, whoever asks', async () => {
    const body = (await get('/api/cases?pageSize=50', lab)).body + (await get('/api/cases/board', lab)).body;
    const full = await env.db.query<{ id: string }>('SELECT id FROM persons');
    expect(full.length).toBeGreaterThan(0);
    expect(body).not.toMatch(/\d{17}[\dX]/);
  });

  it('hostile input answers 4xx with the field', async () => {
    const bad = await post(
      '/api/cases',
      { classification: 'nonsense', reportingInstitution: '<script>' },
      hospital,
    );
    expect(bad.statusCode).toBe(400);
    expect(
      (await post('/api/cases', card({ tubeBarcode: 'NOPE-000009' }), hospital)).json().errors[0],
    ).toMatchObject({
      field: 'tubeBarcode',
      code: 'case_tube_not_positive',
    });
    expect((await get('/api/cases/not-a-uuid', cdc)).statusCode).toBe(400);
  });
});

describe('CAS-2 a positive reported by naming the person', () => {
  it('links the unreported positive and is found at its result: a concealed positive shows as a late report', async () => {
    await moveTo(at(200));
    const { personId, barcode } = await positive('CASE-000200');
    await moveTo(at(230));
    const rows = async () =>
      (await get('/api/cases/board', cdc))
        .json()
        .rows.filter((row: { personId: string }) => row.personId === personId)
        .map((r: { kind: string; tubeBarcode: string | null }) => [r.kind, r.tubeBarcode]);
    expect(await rows()).toEqual([['concealed', barcode]]);
    // The card names the person only and says it was found just now: the result's time stands.
    const response = await post('/api/cases', card({ personId, foundAt: at(230).toISOString() }), hospital);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      tubeBarcode: barcode,
      foundAt: at(200).toISOString().replace('.000Z', 'Z'),
      reportLateMinutes: 28 * 60,
    });
    expect(await rows()).toEqual([['late_report', barcode]]);
  });
});

describe('CAS-1 a report card number already used in another county', () => {
  it('answers 409 id_taken, not a server error', async () => {
    await moveTo(at(240));
    const id = '0c0c0c0c-0000-4000-8000-0000000000b1';
    const inB = await post(
      '/api/cases',
      card({ id, personId: env.world.personB.id, foundAt: at(239).toISOString() }),
      adminB,
    );
    expect(inB.statusCode).toBe(201);
    const [personId] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, seed++);
    const inA = await post('/api/cases', card({ id, personId, foundAt: at(239).toISOString() }), hospital);
    expect(inA.statusCode).toBe(409);
    expect(inA.json()).toMatchObject({ code: 'id_taken', errors: [{ field: 'id' }] });
    expect(inA.json().detail_zh).toContain('编号');
  });
});

describe('CAS-5 figures follow the order changes were made in', () => {
  it('two changes of one instant count in the order they were made, not by their ids', async () => {
    await moveTo(at(250));
    const [personId] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, seed++);
    const reported = await post('/api/cases', card({ personId, foundAt: at(249).toISOString() }), hospital);
    expect(reported.statusCode).toBe(201);
    const caseId = reported.json().id;
    const day = [{ start: at(260), end: at(284) }];
    const held = async () =>
      Object.fromEntries(
        (await caseFiguresOfDays(env.db, COUNTY_A, day))
          .filter((row) => row.origin === 'local')
          .map((row) => [row.classification, row.held]),
      );
    const before = await held();
    // 无症状 then back to 确诊 at one instant; the later change carries the smaller id.
    const by = env.world.users.a_admin!.userId;
    for (const [id, from, to] of [
      ['ffffffff-ffff-4fff-bfff-ffffffffffff', 'confirmed', 'asymptomatic'],
      ['00000000-0000-4000-8000-000000000001', 'asymptomatic', 'confirmed'],
    ])
      await env.db.query(
        `INSERT INTO case_changes (id, case_id, jurisdiction_code, kind, from_classification, to_classification,
           reason, changed_by, changed_by_name, changed_at, review_due_at)
         VALUES ($1, $2, $3, 'reclassify', $4, $5, '订正', $6, 'a_admin', $7, $8)`,
        [id, caseId, VILLAGE_A, from, to, by, at(261), at(263)],
      );
    expect(await held()).toEqual(before);
  });
});
