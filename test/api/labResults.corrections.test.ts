import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../support/multipart.js';
import { createPersons, insertTube } from '../support/testingTubes.js';
import { COUNTY_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * TST-1 … TST-3: a result tested before its tube was sampled is refused, naming the tube; a wrong
 * result is corrected by an authorised user with a reason, and the people in the tube follow the
 * corrected result; a community worker's list of people under control shows what it counts.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;
let labA: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
  labA = env.world.testingA.labId;
});
afterAll(() => env.close());

const get = (url: string, cookie = admin) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, payload: object, cookie = admin) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const results = (items: object[]) => post('/api/lab-results', { labId: labA, results: items });
const correct = (payload: object, cookie = admin) => post('/api/lab-results/corrections', payload, cookie);
const tube = (barcode: string, members: string[], extra: object = {}) =>
  insertTube(env.ctx, {
    barcode,
    jurisdictionCode: COUNTY_A,
    siteId: env.world.testingA.siteId,
    openedAt: new Date(env.ctx.now().getTime() - 2 * HOUR),
    members,
    labId: labA,
    ...extra,
  });
const openTasks = (personIds: string[]) =>
  env.db.query<{ kind: string }>(
    `SELECT kind FROM deadlines WHERE subject_type = 'person' AND subject_id = ANY ($1::uuid[])
       AND done_at IS NULL AND cancelled_at IS NULL`,
    [personIds],
  );
const openControls = (personIds: string[]) =>
  env.db.query<{ id: string }>(
    'SELECT id FROM person_controls WHERE person_id = ANY ($1::uuid[]) AND cleared_at IS NULL',
    [personIds],
  );

describe('TST-2 a test time before the sampling time', () => {
  it('is refused as a field error in both languages, and the API item names its barcode', async () => {
    await tube('EARLY-000001', []);
    const sampledAt = env.ctx.now().getTime() - 2 * HOUR;
    const response = await results([
      { barcode: 'EARLY-000001', result: 'negative', testedAt: new Date(sampledAt - HOUR).toISOString() },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ applied: 0, rejected: 1 });
    const [error] = response.json().errors;
    expect(error).toMatchObject({ line: 1, field: 'testedAt', code: 'before_sampling' });
    expect(error.message_zh).toContain('EARLY-000001');
    expect(error.message_zh).toContain('不能早于该采样管的采样时间');
    expect(error.message).toContain('EARLY-000001');
    const [row] = await env.db.query<{ result: string | null }>(
      "SELECT result FROM tubes WHERE barcode = 'EARLY-000001'",
    );
    expect(row!.result).toBeNull();
  });

  it('is refused in a result file, the rejected row naming its barcode, the good rows committed', async () => {
    await tube('EARLY-000002', []);
    await tube('EARLY-000003', []);
    // Sampled at 08:00 local (00:00Z); tested at 07:00 local is impossible, at 09:00 fine.
    const csv =
      '条码,结果,检测时间\nEARLY-000002,阴性,2026-11-24 07:00\nEARLY-000003,阴性,2026-11-24 09:00\n';
    const file = multipartFile('file', 'results.csv', csv);
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/lab-results/import?labId=${labA}`,
      payload: file.payload,
      headers: { ...file.headers, cookie: admin },
    });
    expect(response.json()).toMatchObject({ applied: 1, rejected: 1 });
    expect(response.json().errors).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'before_sampling',
        message_zh: expect.stringContaining('条码 EARLY-000002：检测时间'),
      }),
    ]);
  });
});

describe('TST-3 correcting a posted result', () => {
  it('from positive to negative lifts the controls and cancels the re-sampling tasks the pool opened', async () => {
    const members = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 3, 31);
    await tube('CORR-POOL-01', members, { capacity: 10 });
    expect((await results([{ barcode: 'CORR-POOL-01', result: 'positive' }])).json()).toMatchObject({
      controlsOpened: 3,
    });
    expect(await openTasks(members)).toHaveLength(3);
    const response = await correct({
      barcode: 'CORR-POOL-01',
      result: 'negative',
      reason: '复核为阴性，原结果录入错误',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      previousResult: 'positive',
      result: 'negative',
      controlsLifted: 3,
      tasksCancelled: 3,
      controlsOpened: 0,
    });
    expect(await openControls(members)).toEqual([]);
    expect(await openTasks(members)).toEqual([]);
    const badge = (await get(`/api/persons/${members[0]}/controls`)).json();
    expect(badge).toMatchObject({ open: 0 });
    expect(badge.items[0]).toMatchObject({
      clearedReason: 'result_corrected',
      task: { cancelledAt: expect.any(String) },
    });
    const [tubeRow] = await env.db.query<{ result: string }>(
      "SELECT result FROM tubes WHERE barcode = 'CORR-POOL-01'",
    );
    expect(tubeRow!.result).toBe('negative');
    const [record] = await env.db.query<{ previous: string; result: string; reason: string }>(
      `SELECT c.previous_result AS previous, c.result, c.reason FROM lab_result_corrections c
       JOIN tubes t ON t.id = c.tube_id WHERE t.barcode = 'CORR-POOL-01'`,
    );
    expect(record).toEqual({
      previous: 'positive',
      result: 'negative',
      reason: '复核为阴性，原结果录入错误',
    });
    const [audit] = await env.db.query<{ detail: { reason: string } }>(
      "SELECT detail FROM audit_log WHERE action = 'lab_result_corrected' ORDER BY at DESC LIMIT 1",
    );
    expect(audit!.detail.reason).toBe('复核为阴性，原结果录入错误');
  });

  it('from negative to positive opens the controls and the CAS-2 report a new positive would, due from now', async () => {
    const [person] = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 1, 32);
    await tube('CORR-SOLO-01', [person!], { capacity: 1 });
    await results([{ barcode: 'CORR-SOLO-01', result: 'negative' }]);
    expect(await openControls([person!])).toEqual([]);
    const response = await correct({
      barcode: 'CORR-SOLO-01',
      result: 'positive',
      reason: '样本混淆，复核阳性',
    });
    expect(response.json()).toMatchObject({
      previousResult: 'negative',
      result: 'positive',
      controlsOpened: 1,
    });
    expect(await openControls([person!])).toHaveLength(1);
    const tasks = await env.db.query<{ kind: string; dueAt: Date }>(
      `SELECT kind, due_at AS "dueAt" FROM deadlines WHERE subject_id = $1 AND done_at IS NULL AND cancelled_at IS NULL`,
      [person],
    );
    expect(tasks).toEqual([{ kind: expect.stringMatching(/^case-report:/), dueAt: expect.any(Date) }]);
    expect(tasks[0]!.dueAt.getTime()).toBe(env.ctx.now().getTime() + 2 * HOUR);
    // And back: the control and the report go again; a second positive would reopen them.
    await correct({ barcode: 'CORR-SOLO-01', result: 'negative', reason: '再次复核为阴性' });
    expect(await openControls([person!])).toEqual([]);
    expect(await openTasks([person!])).toEqual([]);
    const again = await correct({ barcode: 'CORR-SOLO-01', result: 'positive', reason: '第三次复核为阳性' });
    expect(again.json()).toMatchObject({ controlsOpened: 1 });
    expect(await openControls([person!])).toHaveLength(1);
  });

  it('needs a reason, a resulted tube, a different result and the correction permission', async () => {
    await tube('CORR-CHK-001', []);
    const unresulted = await correct({ barcode: 'CORR-CHK-001', result: 'positive', reason: '复核' });
    expect(unresulted.statusCode).toBe(400);
    expect(unresulted.json().errors[0]).toMatchObject({ field: 'barcode', code: 'tube_not_resulted' });
    await results([{ barcode: 'CORR-CHK-001', result: 'negative' }]);
    const blank = await correct({ barcode: 'CORR-CHK-001', result: 'positive', reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    expect(blank.json().errors[0].message_zh).toBeTruthy();
    const same = await correct({ barcode: 'CORR-CHK-001', result: 'negative', reason: '复核无误' });
    expect(same.json().errors[0]).toMatchObject({ field: 'result', code: 'result_unchanged' });
    const unknown = await correct({ barcode: 'NOPE-CORR-01', result: 'negative', reason: '复核无误' });
    expect(unknown.statusCode).toBe(404);
    const forbidden = await correct(
      { barcode: 'CORR-CHK-001', result: 'positive', reason: '复核' },
      community,
    );
    expect(forbidden.statusCode).toBe(403);
    const bOther = await correct(
      { barcode: 'CORR-CHK-001', result: 'positive', reason: '复核' },
      await signInAs(env.app, 'b_admin'),
    );
    expect(bOther.statusCode).toBe(404);
  });
});

describe('TST-1 people under control as a community worker sees them', () => {
  it('lists every control it counts, though the tube belongs to the county site', async () => {
    const members = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 4, 33);
    await tube('CTRL-SCOPE-1', members, { capacity: 10 });
    await results([{ barcode: 'CTRL-SCOPE-1', result: 'positive' }]);
    const page = (await get('/api/person-controls?state=open&pageSize=100', community)).json();
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.items).toHaveLength(page.total);
    const mine = page.items.filter((c: { tubeBarcode: string }) => c.tubeBarcode === 'CTRL-SCOPE-1');
    expect(mine).toHaveLength(4);
    expect(mine[0]).toMatchObject({ reason: 'pool_positive', task: { ruleId: 'TST-1' } });
  });
});
