import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKey } from '../../src/modules/arrivals/index.js';
import { localDate } from '../../src/rules/time.js';
import { multipartFile } from '../support/multipart.js';
import { createPersons, insertTube } from '../support/testingTubes.js';
import { COUNTY_A, COUNTY_B, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let adminB: string;
let labA: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  adminB = await signInAs(env.app, 'b_admin');
  labA = env.world.testingA.labId;
});
afterAll(() => env.close());

const get = (url: string, cookie = admin) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, payload: object, cookie = admin) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const results = (items: object[], labId = labA, cookie = admin) =>
  post('/api/lab-results', { labId, results: items }, cookie);
const upload = (name: string, content: string | Buffer, labId = labA) => {
  const file = multipartFile('file', name, content);
  return env.app.inject({
    method: 'POST',
    url: `/api/lab-results/import?labId=${labId}`,
    payload: file.payload,
    headers: { ...file.headers, cookie: admin },
  });
};
const tube = (barcode: string, members: string[] = [], extra: object = {}) =>
  insertTube(env.ctx, {
    barcode,
    jurisdictionCode: COUNTY_A,
    siteId: env.world.testingA.siteId,
    openedAt: new Date(env.ctx.now().getTime() - 2 * HOUR),
    members,
    ...extra,
  });
const deadlinesOf = (personIds: string[]) =>
  env.db.query<{ ruleId: string; kind: string; ownerRole: string; jurisdictionCode: string; dueAt: Date }>(
    `SELECT rule_id AS "ruleId", kind, owner_role AS "ownerRole", jurisdiction_code AS "jurisdictionCode",
       due_at AS "dueAt" FROM deadlines WHERE subject_type = 'person' AND subject_id = ANY ($1::uuid[])
       AND done_at IS NULL ORDER BY subject_id`,
    [personIds],
  );

describe('TST-2 tube receipt', () => {
  it('receives and seals open tubes, refuses unknown barcodes per item, another lab’s tube and another county', async () => {
    await tube('RCPT-000001', [], { sealed: false, capacity: 10 });
    await tube('RCPT-000002');
    const response = await post('/api/lab-results/receipts', {
      labId: labA,
      barcodes: ['rcpt-000001', 'RCPT-000002', 'NOPE-000001', 'RCPT-000002'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ received: 2, sealed: 1, rejected: 1, unchanged: 1 });
    expect(response.json().errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'barcode_unknown'],
    ]);
    const malformed = await post('/api/lab-results/receipts', { labId: labA, barcodes: ['x'] });
    expect(malformed.statusCode).toBe(400);
    expect(response.json().errors[0].message_zh).toContain('条码');
    const again = await post('/api/lab-results/receipts', { labId: labA, barcodes: ['RCPT-000001'] });
    expect(again.json()).toMatchObject({ received: 0, unchanged: 1 });
    const [other] = await env.db.query<{ id: string }>(
      `INSERT INTO labs (jurisdiction_code, name, kind) VALUES ($1, '第三方实验室', 'third_party') RETURNING id`,
      [COUNTY_A],
    );
    const taken = await post('/api/lab-results/receipts', { labId: other!.id, barcodes: ['RCPT-000001'] });
    expect(taken.json().errors[0].code).toBe('tube_other_lab');
    const foreign = await post(
      '/api/lab-results/receipts',
      { labId: labA, barcodes: ['RCPT-000002'] },
      adminB,
    );
    expect(foreign.statusCode).toBe(404);
  });
});

describe('TST-1 a positive pool', () => {
  it('puts all 10 members under control, each with a re-sampling task for their community (due 12 h)', async () => {
    const members = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 10, 1);
    await tube('POOL-000001', members, { capacity: 10, labId: labA });
    const response = await results([
      { barcode: 'POOL-000001', result: 'positive', ct: { orf1ab: 31.5, n: 30 } },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ applied: 1, positives: 1, controlsOpened: 10, rejected: 0 });
    const tasks = await deadlinesOf(members);
    expect(tasks).toHaveLength(10);
    const due = env.ctx.now().getTime() + 12 * HOUR;
    for (const task of tasks)
      expect({ ...task, dueAt: task.dueAt.getTime() }).toMatchObject({
        ruleId: 'TST-1',
        ownerRole: 'community_worker',
        jurisdictionCode: VILLAGE_A,
        dueAt: due,
        kind: expect.stringMatching(/^resample:/),
      });
    const controls = await get(`/api/person-controls?jurisdiction=${COUNTY_A}`);
    const mine = controls
      .json()
      .items.filter((c: { tubeBarcode: string }) => c.tubeBarcode === 'POOL-000001');
    expect(mine).toHaveLength(10);
    expect(mine[0]).toMatchObject({ reason: 'pool_positive', clearedAt: null, task: { ruleId: 'TST-1' } });
    expect(mine[0].name).toMatch(/^检\*+$/);
    const detail = await get('/api/tubes/POOL-000001');
    expect(detail.json()).toMatchObject({ result: 'positive', memberCount: 10, labId: labA });
    expect(detail.json().members.every((m: { control: object | null }) => m.control)).toBe(true);
    const badge = await get(`/api/persons/${members[0]}/controls`);
    expect(badge.json()).toMatchObject({ open: 1 });
    const audit = await env.db.query("SELECT 1 FROM audit_log WHERE action = 'lab_result_positive'");
    expect(audit.length).toBeGreaterThanOrEqual(1);
    // A negative individual re-sample clears the control (TST-1 "controlled until cleared").
    env.setNow(new Date(env.ctx.now().getTime() + HOUR));
    await tube('RESAMPLE-0001', [members[0]!], { capacity: 1, labId: labA, openedAt: env.ctx.now() });
    const cleared = await results([{ barcode: 'RESAMPLE-0001', result: 'negative' }]);
    expect(cleared.json()).toMatchObject({ applied: 1, controlsCleared: 1 });
    expect((await get(`/api/persons/${members[0]}/controls`)).json()).toMatchObject({ open: 0 });
    expect((await get(`/api/persons/${members[1]}/controls`)).json()).toMatchObject({ open: 1 });
  });
});

describe('TST-1 a pool member registered in another county', () => {
  it('is handed over by the poster’s CDC with a re-sampling obligation, not dropped', async () => {
    const locals = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 2, 7);
    const visitor = env.world.personB.id;
    await tube('POOL-VISIT01', [...locals, visitor], { capacity: 10, labId: labA });
    const response = await results([{ barcode: 'POOL-VISIT01', result: 'positive' }]);
    expect(response.json()).toMatchObject({ applied: 1, controlsOpened: 2 });
    expect(response.json().notes).toEqual([
      expect.objectContaining({ barcode: 'POOL-VISIT01', kind: 'member_out_of_scope' }),
    ]);
    const handOver = (await deadlinesOf([visitor])).find((d) => d.ruleId === 'TST-1');
    expect(handOver).toMatchObject({
      ruleId: 'TST-1',
      ownerRole: 'cdc_epidemiologist',
      jurisdictionCode: COUNTY_A,
      kind: expect.stringMatching(/^resample:/),
    });
    const [title] = await env.db.query<{ title: string }>(
      "SELECT title_zh AS title FROM deadlines WHERE subject_id = $1 AND rule_id = 'TST-1'",
      [visitor],
    );
    expect(title?.title).toContain(env.world.personB.jurisdictionCode);
  });
});

describe('TST-3 a positive individual', () => {
  it('owes the CAS-2 report to the lab within 2 hours and puts the person under control', async () => {
    const [person] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, 2);
    await tube('SOLO-000001', [person!], { capacity: 1, labId: labA });
    const response = await results([{ barcode: 'SOLO-000001', result: 'positive' }]);
    expect(response.json()).toMatchObject({ applied: 1, positives: 1, controlsOpened: 1 });
    const [task] = await deadlinesOf([person!]);
    expect(task).toMatchObject({ ruleId: 'CAS-2', ownerRole: 'lab', jurisdictionCode: COUNTY_A });
    expect(task!.dueAt.getTime()).toBe(env.ctx.now().getTime() + 2 * HOUR);
  });
});

describe('results are never overwritten', () => {
  it('keeps the first result: the same again is unchanged, a different one is refused (result_conflict)', async () => {
    await tube('CONF-000001', [], { labId: labA });
    await tube('CONF-000002', [], { labId: labA });
    expect((await results([{ barcode: 'CONF-000001', result: 'negative' }])).json()).toMatchObject({
      applied: 1,
    });
    const again = await results([
      { barcode: 'CONF-000001', result: 'negative' },
      { barcode: 'CONF-000001', result: 'positive' },
      { barcode: 'CONF-000002', result: 'invalid' },
    ]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ applied: 1, unchanged: 1, rejected: 1, positives: 0 });
    expect(again.json().errors[0]).toMatchObject({ line: 2, code: 'result_conflict', field: 'result' });
    const [row] = await env.db.query<{ result: string }>(
      "SELECT result FROM tubes WHERE barcode = 'CONF-000001'",
    );
    expect(row!.result).toBe('negative');
    const foreign = await results([{ barcode: 'CONF-000002', result: 'negative' }], labA, adminB);
    expect(foreign.statusCode).toBe(404);
    const ownLab = await results(
      [{ barcode: 'CONF-000002', result: 'negative' }],
      env.world.testingB.labId,
      adminB,
    );
    expect(ownLab.json().errors[0].code).toBe('barcode_unknown');
  });
});

describe('result files', () => {
  it('reports every bad row with its line, commits the good ones, and changes nothing on re-import', async () => {
    for (let i = 1; i <= 4; i++) await tube(`FILE-00000${i}`, [], { labId: labA });
    const csv = [
      '条码,结果,检测时间',
      'FILE-000001,阴性,2026-11-24 09:30',
      'FILE-000002,阳性?,',
      'NOPE-000009,阴性,',
      'FILE-000003,无效,2026-11-25 09:30',
      'FILE-000004,negative,',
    ].join('\n');
    const first = await upload('results.csv', csv);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 5, applied: 2, rejected: 3, unchanged: 0 });
    expect(first.json().errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'result_value'],
      [4, 'barcode_unknown'],
      [5, 'in_future'],
    ]);
    expect(first.json().errors[0].message_zh).toContain('阴性');
    const [tested] = await env.db.query<{ at: Date }>(
      "SELECT resulted_at AS at FROM tubes WHERE barcode = 'FILE-000001'",
    );
    expect(tested!.at.toISOString()).toBe('2026-11-24T01:30:00.000Z');
    const second = await upload('results.csv', csv);
    expect(second.json()).toMatchObject({ applied: 0, unchanged: 2, rejected: 3 });
  });

  it('refuses a file without the barcode and result columns', async () => {
    const response = await upload('results.csv', '姓名,电话\n张三,1\n');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('bad_file');
  });
});

describe('arrival plans', () => {
  it('records an arrival-linked result on the plan, and notes a refusal without refusing the result', async () => {
    const arrival = (await get(`/api/arrivals/${env.world.arrivalA.arrivalId}`)).json();
    const test = arrival.plans[0].plan.tests[0];
    const item = testKey(test);
    const arrivalLink = { arrivalId: env.world.arrivalA.arrivalId, planItem: item };
    await tube('ARR-0000001', [env.world.personA.id], { labId: labA, capacity: 1, arrival: arrivalLink });
    await tube('ARR-0000002', [env.world.personA.id], { labId: labA, capacity: 1, arrival: arrivalLink });
    const response = await results([{ barcode: 'ARR-0000001', result: 'negative' }]);
    expect(response.json()).toMatchObject({ applied: 1, notes: [] });
    const after = (await get(`/api/arrivals/${env.world.arrivalA.arrivalId}`)).json();
    expect(after.events).toContainEqual(expect.objectContaining({ item, result: 'negative' }));
    const twice = await results([{ barcode: 'ARR-0000002', result: 'negative' }]);
    expect(twice.json()).toMatchObject({ applied: 1 });
    expect(twice.json().notes).toEqual([
      expect.objectContaining({
        barcode: 'ARR-0000002',
        kind: 'plan_not_recorded',
        code: 'plan_item_recorded',
      }),
    ]);
  });
});

describe('TST-2 turnaround board', () => {
  it('counts pending, due soon and overdue tubes per lab and lists the overdue ones', async () => {
    const now = env.ctx.now().getTime();
    await tube('LATE-000001', [], { labId: labA, openedAt: new Date(now - 13 * HOUR) });
    await tube('SOON-000001', [], { labId: labA, openedAt: new Date(now - 10 * HOUR) });
    await tube('RISK-000001', [], {
      labId: labA,
      category: 'risk_group',
      openedAt: new Date(now - 7 * HOUR),
    });
    const board = (await get(`/api/lab-results/turnaround?jurisdiction=${COUNTY_A}`)).json();
    const lab = board.labs.find((l: { labId: string }) => l.labId === labA);
    expect(lab.overdue).toBeGreaterThanOrEqual(2);
    expect(lab.dueSoon).toBeGreaterThanOrEqual(1);
    const overdue = (await get(`/api/lab-results/overdue?labId=${labA}`)).json();
    expect(overdue.items.map((t: { barcode: string }) => t.barcode)).toEqual(
      expect.arrayContaining(['LATE-000001', 'RISK-000001']),
    );
    expect(overdue.items.map((t: { barcode: string }) => t.barcode)).not.toContain('SOON-000001');
    const boardB = (await get(`/api/lab-results/turnaround?jurisdiction=${COUNTY_B}`)).json();
    expect(boardB.labs).toEqual([]);
    const positives = (await get(`/api/lab-results/positives?jurisdiction=${COUNTY_A}`)).json();
    expect(positives.items.map((t: { barcode: string }) => t.barcode)).toContain('POOL-000001');
  });
});

describe('the lists the dashboard drills into', () => {
  const barcodes = (body: { items: Array<{ barcode?: string; tubeBarcode?: string }> }) =>
    body.items.map((item) => item.barcode ?? item.tubeBarcode);

  it('TST-1 lists people under control by reason: a positive pool’s members or a positive individual', async () => {
    const individual = (
      await get(`/api/person-controls?jurisdiction=${COUNTY_A}&state=all&reason=individual_positive`)
    ).json();
    expect(barcodes(individual)).toContain('SOLO-000001');
    expect(barcodes(individual)).not.toContain('POOL-000001');
    expect(individual.items.every((c: { reason: string }) => c.reason === 'individual_positive')).toBe(true);
    const pool = (
      await get(`/api/person-controls?jurisdiction=${COUNTY_A}&state=all&reason=pool_positive`)
    ).json();
    expect(barcodes(pool)).toContain('POOL-000001');
    expect(barcodes(pool)).not.toContain('SOLO-000001');
    expect(pool.total + individual.total).toBe(
      (await get(`/api/person-controls?jurisdiction=${COUNTY_A}&state=all`)).json().total,
    );
    expect((await get('/api/person-controls?reason=contact')).statusCode).toBe(400);
  });

  it('TST-3 lists positive tubes by kind (pool or single) and by the local day of their result', async () => {
    const [person] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, 9);
    await tube('SOLO-DAY0001', [person!], { capacity: 1, labId: labA });
    expect((await results([{ barcode: 'SOLO-DAY0001', result: 'positive' }])).json()).toMatchObject({
      positives: 1,
    });
    const today = localDate(env.ctx.now(), 'Asia/Shanghai');
    const dayBefore = localDate(new Date(env.ctx.now().getTime() - 24 * HOUR), 'Asia/Shanghai');
    const dayAfter = localDate(new Date(env.ctx.now().getTime() + 24 * HOUR), 'Asia/Shanghai');
    const list = async (query: string) =>
      barcodes(
        (await get(`/api/lab-results/positives?jurisdiction=${COUNTY_A}&pageSize=100&${query}`)).json(),
      );
    expect(await list('kind=single')).toEqual(expect.arrayContaining(['SOLO-000001', 'SOLO-DAY0001']));
    expect(await list('kind=single')).not.toContain('POOL-000001');
    expect(await list('kind=pool')).toContain('POOL-000001');
    expect(await list('kind=pool')).not.toContain('SOLO-DAY0001');
    expect(await list(`from=${today}&to=${today}&kind=single`)).toContain('SOLO-DAY0001');
    expect(await list(`from=${dayAfter}`)).toEqual([]);
    expect(await list(`to=${dayBefore}`)).not.toContain('SOLO-DAY0001');
  });

  it('TST-2 lists the overdue tubes sampled in a jurisdiction, received or sealed, whichever lab has them', async () => {
    const now = env.ctx.now().getTime();
    await tube('LATE-SEALED1', [], { openedAt: new Date(now - 30 * HOUR) });
    await tube('LATE-OPEN001', [], { openedAt: new Date(now - 30 * HOUR), sealed: false, capacity: 10 });
    const overdue = (await get(`/api/lab-results/overdue?jurisdiction=${COUNTY_A}`)).json();
    expect(overdue).toMatchObject({ labId: null, name: null });
    expect(barcodes(overdue)).toEqual(expect.arrayContaining(['LATE-000001', 'RISK-000001', 'LATE-SEALED1']));
    expect(barcodes(overdue)).not.toContain('LATE-OPEN001');
    expect(barcodes(overdue)).not.toContain('SOON-000001');
    expect(overdue.total).toBe(overdue.items.length);
    const ofLab = (await get(`/api/lab-results/overdue?labId=${labA}`)).json();
    expect(ofLab.total).toBe(ofLab.items.length);
    expect(barcodes(ofLab)).not.toContain('LATE-SEALED1');
    const foreign = (await get(`/api/lab-results/overdue?jurisdiction=${COUNTY_A}`, adminB)).json();
    expect(foreign).toMatchObject({ total: 0, items: [] });
  });
});
