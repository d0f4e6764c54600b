import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepInvestigations } from '../../src/modules/investigations/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { ensureDayRange } from '../../src/platform/db/partitions.js';
import type { Role } from '../../src/rules/roles.js';
import { investigationsRequests } from '../support/routeRequests/investigations.js';
import { createPersons } from '../support/testingTubes.js';
import { COUNTY_A, COUNTY_B, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * EPI-1 (8 h first, 24 h complete investigation), EPI-2 (the 14-day timeline from every source)
 * and EPI-6 (reports reviewed before release by another person), through the API.
 */
const HOUR = 3_600_000;
const START = new Date('2026-12-07T01:00:00Z');
const VILLAGE_B = '150402001001';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let cdc1: string;
let cdc2: string;
let cdcB: string;
let cdc1Id: string;
let persons: string[];
let personsB: string[];

async function addUser(username: string, role: Role, scope: string) {
  const user = await env.db.transaction((tx) =>
    createUser(tx, undefined, {
      username,
      displayName: username,
      password: PASSWORD,
      roles: [role],
      scopes: [scope],
    }),
  );
  return { cookie: await signInAs(env.app, username), id: user.id };
}

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function insertCase(
  personId: string,
  reportedAt: Date,
  options: { village?: string; onsetAt?: Date } = {},
) {
  const [row] = await env.db.query<{ id: string }>(
    `INSERT INTO cases (jurisdiction_code, person_id, classification, onset_at, found_at, reported_at, confirmed_at,
       reporting_institution, reporting_doctor, reported_by)
     VALUES ($1, $2, 'confirmed', $3, $4, $4, $4, '盘山县人民医院', '王医生', '00000000-0000-4000-8000-000000000001')
     RETURNING id`,
    [options.village ?? VILLAGE_A, personId, options.onsetAt ?? null, reportedAt],
  );
  return row!.id;
}

const deadlines = (id: string) =>
  env.db.query<{
    kind: string;
    ruleId: string;
    dueAt: Date;
    openedAt: Date;
    ownerRole: string;
    jurisdictionCode: string;
    done: boolean;
    cancelReason: string | null;
  }>(
    `SELECT kind, rule_id AS "ruleId", due_at AS "dueAt", opened_at AS "openedAt", owner_role AS "ownerRole",
       jurisdiction_code AS "jurisdictionCode", done_at IS NOT NULL AS done, cancel_reason AS "cancelReason"
     FROM deadlines WHERE subject_type = 'investigation' AND subject_id = $1 ORDER BY kind DESC`,
    [id],
  );

beforeAll(async () => {
  env = await openWorldApp();
  env.setNow(START);
  ({ cookie: cdc1, id: cdc1Id } = await addUser('inv_cdc1', 'cdc_epidemiologist', COUNTY_A));
  ({ cookie: cdc2 } = await addUser('inv_cdc2', 'cdc_epidemiologist', COUNTY_A));
  ({ cookie: cdcB } = await addUser('inv_cdc_b', 'cdc_epidemiologist', COUNTY_B));
  persons = await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 10, 61);
  personsB = await createPersons(env.ctx, env.world.users.b_admin!, VILLAGE_B, 1, 62);
});
afterAll(() => env.close());

describe('EPI-1 deadlines of the investigation (001 §9: 8 h; 002 §24: 24 h)', () => {
  it('EPI-1 the sweep opens an investigation per reported case with its 8 h and 24 h deadlines, owned by the county CDC', async () => {
    const caseId = await insertCase(persons[0]!, START);
    await sweepInvestigations(env.ctx);
    const owed = await deadlines(caseId);
    expect(owed.map((d) => [d.kind, d.ruleId, d.ownerRole, d.jurisdictionCode])).toEqual([
      ['investigation.first', 'EPI-1', 'cdc_epidemiologist', COUNTY_A],
      ['investigation.complete', 'EPI-1', 'cdc_epidemiologist', COUNTY_A],
    ]);
    expect(new Date(owed[0]!.dueAt).getTime()).toBe(START.getTime() + 8 * HOUR);
    expect(new Date(owed[1]!.dueAt).getTime()).toBe(START.getTime() + 24 * HOUR);
    const view = await send('GET', `/api/investigations/${caseId}`, cdc1);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      status: 'open',
      first: { state: 'open' },
      complete: { state: 'open' },
    });
  });

  it('EPI-1 opened on demand when the workspace is opened, before any sweep', async () => {
    const caseId = await insertCase(persons[1]!, START);
    const view = await send('GET', `/api/investigations/${caseId}`, cdc1);
    expect(view.statusCode, view.body).toBe(200);
    expect(await deadlines(caseId)).toHaveLength(2);
  });

  it('EPI-1 never overdue when opened: a case reported two days before is given its full windows from opening', async () => {
    const caseId = await insertCase(persons[2]!, new Date(START.getTime() - 48 * HOUR));
    const list = await send('GET', `/api/investigations?caseId=${caseId}`, cdc1);
    expect(list.statusCode, list.body).toBe(200);
    const [item] = list.json().items;
    expect(item.first.state).not.toBe('overdue');
    expect(item.complete.state).not.toBe('overdue');
    const owed = await deadlines(caseId);
    for (const d of owed) expect(new Date(d.dueAt).getTime()).toBeGreaterThan(START.getTime());
  });

  it('EPI-1 the first investigation closes the 8 h deadline only; submitting closes the 24 h one', async () => {
    const caseId = await insertCase(persons[3]!, START);
    const first = await send('POST', `/api/investigations/${caseId}/first`, cdc1, {
      summary: '已电话询问，初步轨迹已掌握',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'first_done',
      first: { state: 'done' },
      complete: { state: 'open' },
    });
    expect((await deadlines(caseId)).map((d) => d.done)).toEqual([true, false]);
    const empty = await send('POST', `/api/investigations/${caseId}/submit`, cdc1, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: 'report', code: 'required' });
    await send('PUT', `/api/investigations/${caseId}/report`, cdc1, { report: '轨迹已查清。\n来源待定。' });
    const submitted = await send('POST', `/api/investigations/${caseId}/submit`, cdc1, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', complete: { state: 'done' } });
    expect((await deadlines(caseId)).map((d) => d.done)).toEqual([true, true]);
  });

  it('EPI-1 a discarded case: its investigation closes, its deadlines are cancelled, edits answer 409', async () => {
    const caseId = await insertCase(persons[4]!, START);
    await sweepInvestigations(env.ctx);
    await env.db.query(
      `UPDATE cases SET status = 'discarded', discarded_at = $2, discard_reason = '复核阴性' WHERE id = $1`,
      [caseId, START],
    );
    const view = await send('GET', `/api/investigations/${caseId}`, cdc1);
    expect(view.json()).toMatchObject({ status: 'closed', closeReason: 'case_discarded' });
    expect((await deadlines(caseId)).map((d) => d.cancelReason)).toEqual([
      'case_discarded',
      'case_discarded',
    ]);
    const edit = await send('POST', `/api/investigations/${caseId}/entries`, cdc1, {
      place: '家中',
      fromAt: START.toISOString(),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('investigation_closed');
  });
});

describe('EPI-2 the 14-day timeline (002 §24)', () => {
  it('EPI-2 merges interviews, check-ins, checkpoint passes and samples inside the window, each marked by source', async () => {
    const onset = new Date('2026-12-05T02:00:00Z');
    const caseId = await insertCase(persons[5]!, START, { onsetAt: onset });
    const [person] = await env.db.query<{ id_hash: Buffer; id_masked: string }>(
      'SELECT id_hash, id_masked FROM persons WHERE id = $1',
      [persons[5]],
    );
    await ensureDayRange(env.db, 'check_ins', '2026-11-10', '2026-12-07');
    const [venue] = await env.db.query<{ id: string }>(
      `INSERT INTO venues (jurisdiction_code, name, kind, capacity) VALUES ($1, '盘山县时代广场', 'mall', 500) RETURNING id`,
      [VILLAGE_A],
    );
    // Inside the window (from 2026-11-21 local midnight), and one day before it.
    for (const at of ['2026-11-30T06:00:00Z', '2026-11-19T06:00:00Z'])
      await env.db.query(
        `INSERT INTO check_ins (venue_id, jurisdiction_code, checked_in_at, id_hash, source) VALUES ($1, $2, $3, $4, 'scan')`,
        [venue!.id, VILLAGE_A, at, person!.id_hash],
      );
    const [checkpoint] = await env.db.query<{ id: string }>(
      `INSERT INTO checkpoints (jurisdiction_code, name, kind) VALUES ($1, '盘山高速收费站', 'highway') RETURNING id`,
      [COUNTY_A],
    );
    await env.db.query(
      `INSERT INTO checkpoint_passes (checkpoint_id, jurisdiction_code, passed_at, person_name, id_cipher, id_hash, id_masked,
         health_code, temperature, origin, destination_code, outcome)
       VALUES ($1, $2, '2026-12-01T08:00:00Z', '某某', $3, $3, $4, 'green', 36.5, 'domestic', $2, 'pass')`,
      [checkpoint!.id, COUNTY_A, person!.id_hash, person!.id_masked],
    );
    const [tube] = await env.db.query<{ id: string }>(
      `INSERT INTO tubes (barcode, jurisdiction_code, category, capacity, member_count, opened_at, due_at, result, resulted_at)
       VALUES ('EPI2-TL-000001', $1, 'hospital', 1, 1, $2, $3, 'positive', $3) RETURNING id`,
      [COUNTY_A, '2026-12-06T01:00:00Z', '2026-12-06T07:00:00Z'],
    );
    await env.db.query(
      `INSERT INTO samples (tube_id, person_id, jurisdiction_code, purpose, sampled_at) VALUES ($1, $2, $3, 'clinical', $4)`,
      [tube!.id, persons[5], COUNTY_A, '2026-12-06T01:00:00Z'],
    );
    const entry = await send('POST', `/api/investigations/${caseId}/entries`, cdc1, {
      place: '盘山县某农贸市场',
      fromAt: '2026-12-02T01:00:00Z',
      toAt: '2026-12-02T02:30:00Z',
      activity: '买菜',
      peopleMet: '摊主两名',
    });
    expect(entry.statusCode, entry.body).toBe(201);
    const view = entry.json();
    expect(view.window).toMatchObject({ anchor: 'onset', from: '2026-11-20T16:00:00.000Z' });
    const sources = view.timeline.map((t: { source: string; place: string }) => [t.source, t.place]);
    expect(sources).toEqual([
      ['check_in', '盘山县时代广场'],
      ['checkpoint', '盘山高速收费站'],
      ['interview', '盘山县某农贸市场'],
      ['sample', 'EPI2-TL-000001'],
    ]);
    expect(view.timeline.map((t: { editable: boolean }) => t.editable)).toEqual([false, false, true, false]);
    expect(view.timeline.at(-1)).toMatchObject({ detail: 'positive' });
    const backwards = await send('POST', `/api/investigations/${caseId}/entries`, cdc1, {
      place: '家中',
      fromAt: '2026-12-02T05:00:00Z',
      toAt: '2026-12-02T04:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('EPI-2 exposures and goods traced with the people are kept with their evidence and sample result', async () => {
    const caseId = await insertCase(persons[6]!, START);
    const exposure = await send('POST', `/api/investigations/${caseId}/exposures`, cdc1, {
      kind: 'goods',
      description: '接触进口冷链食品外包装',
      evidence: '工作单位为冷库',
      certainty: 'possible',
      likelySource: true,
    });
    expect(exposure.statusCode, exposure.body).toBe(201);
    const goods = await send('POST', `/api/investigations/${caseId}/goods`, cdc1, {
      item: '进口冷冻牛肉',
      origin: '巴西',
      batch: 'B-2026-11',
      foundAtPlace: '盘山县冷库',
      sampleResult: 'positive',
    });
    expect(goods.statusCode, goods.body).toBe(201);
    expect(goods.json().exposures).toEqual([
      expect.objectContaining({ certainty: 'possible', likelySource: true }),
    ]);
    expect(goods.json().goods).toEqual([
      expect.objectContaining({ item: '进口冷冻牛肉', sampleResult: 'positive' }),
    ]);
  });
});

describe('EPI-6 reports reviewed before release (003 §3.4.6), by another person', () => {
  it('EPI-6 the author cannot review; another returns it with a reason, then releases it', async () => {
    const caseId = await insertCase(persons[7]!, START);
    await send('PUT', `/api/investigations/${caseId}/report`, cdc1, { report: '流调报告正文' });
    expect((await send('POST', `/api/investigations/${caseId}/submit`, cdc1, {})).statusCode).toBe(200);
    const own = await send('POST', `/api/investigations/${caseId}/review`, cdc1, { decision: 'release' });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('review_own_report');
    const noReason = await send('POST', `/api/investigations/${caseId}/review`, cdc2, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    const returned = await send('POST', `/api/investigations/${caseId}/review`, cdc2, {
      decision: 'return',
      reason: '补充发病前3天的就医经过',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '补充发病前3天的就医经过' });
    expect((await send('POST', `/api/investigations/${caseId}/submit`, cdc1, {})).json().status).toBe(
      'submitted',
    );
    const released = await send('POST', `/api/investigations/${caseId}/review`, cdc2, {
      decision: 'release',
    });
    expect(released.json()).toMatchObject({ status: 'released', reviewedByName: 'inv_cdc2 (inv_cdc2)' });
    const late = await send('PUT', `/api/investigations/${caseId}/report`, cdc1, { report: '改' });
    expect(late.json().code).toBe('investigation_closed');
    const audit = await env.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'investigation' AND entity_id = $1 ORDER BY at, id`,
      [caseId],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'investigation.open',
        'investigation.submit',
        'investigation.return',
        'investigation.release',
      ]),
    );
  });

  it('EPI-6 the person’s story tells the investigation opened, submitted and released', async () => {
    const story = await send('GET', `/api/persons/${persons[7]}/story`, cdc2);
    expect(story.statusCode, story.body).toBe(200);
    const titles = story
      .json()
      .events.filter((e: { source: string }) => e.source === 'investigations')
      .map((e: { title: { zh: string } }) => e.title.zh);
    expect(titles).toEqual(
      expect.arrayContaining(['开启流行病学调查', '流调报告提交审核', '流调报告审核发布']),
    );
  });

  it('EPI-6 workload per investigator: open, overdue, completed in the last 7 days', async () => {
    const response = await send('GET', `/api/investigations/workload?jurisdiction=${COUNTY_A}`, cdc2);
    expect(response.statusCode, response.body).toBe(200);
    const mine = response.json().items.find((i: { userId: string }) => i.userId === cdc1Id);
    expect(mine).toMatchObject({ displayName: 'inv_cdc1 (inv_cdc1)' });
    expect(mine.completedLast7Days).toBeGreaterThanOrEqual(2);
  });
});

describe('EPI-1, EPI-6 the dashboard tile', () => {
  it('counts under way, first and complete overdue and awaiting review, each equal to the list it drills to', async () => {
    // A case reported 30 hours ago whose investigation is opened now is not overdue; one whose
    // investigation was opened then is, for both deadlines.
    const late = await insertCase(persons[8]!, new Date(START.getTime() - 30 * HOUR));
    await env.db.query(
      `INSERT INTO investigations (id, case_id, jurisdiction_code, person_id, opened_at, first_due_at, complete_due_at)
       SELECT id, id, jurisdiction_code, person_id, reported_at, reported_at + interval '8 hours',
         reported_at + interval '24 hours'
       FROM cases WHERE id = $1`,
      [late],
    );
    // A case reported a moment ago whose investigation no sweep has opened yet: under way all the same.
    await insertCase(persons[9]!, START);
    const response = await send('GET', `/api/dashboard?jurisdiction=${COUNTY_A}`, cdc1);
    expect(response.statusCode, response.body).toBe(200);
    const tile = response.json().tiles.find((t: { id: string }) => t.id === 'investigations.deadlines');
    const figures = tile.body.figures as Array<{ key: string; value: number; drill: string }>;
    expect(figures.map((f) => f.key)).toEqual([
      'underWay',
      'firstOverdue',
      'completeOverdue',
      'awaitingReview',
    ]);
    expect(figures.find((f) => f.key === 'firstOverdue')!.value).toBeGreaterThanOrEqual(1);
    for (const figure of figures) {
      const listed = await send('GET', `/api${figure.drill}&pageSize=1`, cdc1);
      expect({ key: figure.key, total: listed.json().total }).toEqual({
        key: figure.key,
        total: figure.value,
      });
    }
  });
});

describe('CMD-1 scope', () => {
  it('another county answers 404 for the investigation and its writes, and lists none of it', async () => {
    const caseB = await insertCase(personsB[0]!, START, { village: VILLAGE_B });
    const mine = await send('GET', `/api/investigations/${caseB}`, cdcB);
    expect(mine.statusCode, mine.body).toBe(200);
    const [anyA] = await env.db.query<{ id: string }>(
      `SELECT id FROM investigations WHERE jurisdiction_code ^@ $1 LIMIT 1`,
      [COUNTY_A],
    );
    expect((await send('GET', `/api/investigations/${anyA!.id}`, cdcB)).statusCode).toBe(404);
    const write = await send('POST', `/api/investigations/${anyA!.id}/entries`, cdcB, {
      place: '家中',
      fromAt: START.toISOString(),
    });
    expect(write.statusCode).toBe(404);
    const list = await send('GET', '/api/investigations', cdcB);
    const codes = list.json().items.map((i: { jurisdictionCode: string }) => i.jurisdictionCode.slice(0, 6));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((code: string) => code !== COUNTY_B)).toEqual([]);
    expect((await send('GET', `/api/investigations?jurisdiction=${COUNTY_A}`, cdcB)).statusCode).toBe(404);
  });
});

describe('CMD-1 the route requests of the investigations module', () => {
  it('every route: another county gets 403/404, the first county is served, in workflow order', async () => {
    const requests = investigationsRequests(env.world);
    const keys = env.routes
      .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => `${m} ${r.url}`))
      .filter((key) => key.includes('/api/investigations') && !key.startsWith('HEAD'));
    expect(keys.filter((key) => !(key in requests))).toEqual([]);
    const cookieA = await signInAs(env.app, 'a_admin');
    const cookieB = await signInAs(env.app, 'b_admin');
    for (const key of keys) {
      const method = key.split(' ')[0] as 'GET';
      const built = requests[key]!();
      const asB = await env.app.inject({ ...built, method, headers: { cookie: cookieB } });
      if (asB.statusCode !== 403 && asB.statusCode !== 404) {
        expect({ key, status: asB.statusCode }).toEqual({ key, status: 200 });
        expect({ key, leaks: asB.body.includes(COUNTY_A) }).toEqual({ key, leaks: false });
      }
      const asA = await env.app.inject({ ...built, method, headers: { cookie: cookieA } });
      expect({ key, status: asA.statusCode, body: asA.statusCode < 300 ? '' : asA.body }).toEqual({
        key,
        status: expect.toSatisfy((s: number) => s >= 200 && s < 300),
        body: '',
      });
    }
  });
});
