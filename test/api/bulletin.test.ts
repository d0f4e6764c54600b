import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepConferences } from '../../src/modules/bulletin/index.js';
import { createPerson } from '../../src/modules/persons/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { withScope } from '../../src/platform/access/scope.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import type { Role } from '../../src/rules/roles.js';
import { COUNTY_A, COUNTY_B, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * CAS-5, 002 §27: "及时准确做好疫情防控动态等重要信息发布……疫情发生地县级及以上人民政府及时发布权威信息，
 * 不得晚于次日召开新闻发布会". The day's figures come from the records (never typed), and the first
 * local case of a county owes a press conference by the end of the next day.
 */
const VILLAGE_B = '150402001001';
/** 2026-11-24 10:00 in 盘山县 (Asia/Shanghai). */
const NOW = new Date('2026-11-24T02:00:00Z');
/** A local instant in Asia/Shanghai as UTC. */
const at = (local: string) => new Date(`${local}+08:00`);

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let workingGroup: string;
let supervisor: string;
let reporterId: string;
let personSeq = 0;

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

async function newPerson(jurisdictionCode: string, county: string) {
  personSeq += 1;
  const actor = county === COUNTY_A ? env.world.users.a_admin! : env.world.users.b_admin!;
  const person = await withScope(env.db, actor, (tx) =>
    createPerson(env.ctx, tx, actor, {
      name: `病例${personSeq}`,
      idType: 'resident_id',
      idNumber: withCheckDigit(`${county}19850101${String(personSeq).padStart(3, '0')}`),
      jurisdictionCode,
    }),
  );
  return person.id;
}

type Klass = 'suspected' | 'confirmed' | 'asymptomatic';
interface Step {
  kind: 'report' | 'reclassify' | 'discard';
  to: Klass;
  at: Date;
}

/** A case and its classification history, written as the cases module records them (CAS-1). */
async function seedCase(village: string, county: string, origin: 'local' | 'imported', steps: Step[]) {
  const personId = await newPerson(village, county);
  const last = steps.filter((s) => s.kind !== 'discard').at(-1)!;
  const discard = steps.find((s) => s.kind === 'discard');
  const confirm = steps.find((s) => s.to === 'confirmed' && s.kind !== 'discard');
  const [row] = await env.db.query<{ id: string }>(
    `INSERT INTO cases (jurisdiction_code, person_id, classification, origin, status, found_at, reported_at,
       confirmed_at, reporting_institution, reporting_doctor, reported_by, discarded_at, discard_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, '盘山县人民医院', '张医生', $8, $9, $10) RETURNING id`,
    [
      village,
      personId,
      last.to,
      origin,
      discard ? 'discarded' : 'reported',
      steps[0]!.at,
      confirm?.at ?? null,
      reporterId,
      discard?.at ?? null,
      discard ? '复核排除' : null,
    ],
  );
  let from: Klass | null = null;
  for (const step of steps) {
    await env.db.query(
      `INSERT INTO case_changes (case_id, jurisdiction_code, kind, from_classification, to_classification, reason,
         changed_by, changed_by_name, changed_at, review_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '报告医生', $8, $8::timestamptz + interval '2 hours')`,
      [
        row!.id,
        village,
        step.kind,
        from,
        step.to,
        step.kind === 'report' ? null : '订正',
        reporterId,
        step.at,
      ],
    );
    from = step.to;
  }
  return row!.id;
}

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  // The day's figures count every case of the county since the beginning: the tracing modules' cases stay out.
  env = await openWorldApp({ tracingCases: false });
  env.setNow(NOW);
  admin = await signInAs(env.app, 'a_admin');
  workingGroup = await addUser('a_working_group', 'working_group', COUNTY_A);
  supervisor = await addUser('a_supervisor', 'supervisor', COUNTY_A);
  reporterId = env.world.users.a_admin!.userId;
}, 60_000);
afterAll(() => env?.close());

describe('CAS-5 the press conference after a first local case', () => {
  const conferencesOf = (county: string) =>
    env.db.query<{ dueAt: Date; ownerRole: string; ruleId: string }>(
      `SELECT due_at AS "dueAt", owner_role AS "ownerRole", rule_id AS "ruleId" FROM deadlines
       WHERE subject_type = 'press_conference' AND jurisdiction_code = $1`,
      [county],
    );

  it('CAS-5 an imported case and a suspected case owe no conference; a first local case does', async () => {
    // 红山区: an imported case and a suspected one later discarded (排除) — no local case yet.
    await seedCase(VILLAGE_B, COUNTY_B, 'imported', [
      { kind: 'report', to: 'confirmed', at: at('2026-11-21T14:00:00') },
    ]);
    await seedCase(VILLAGE_B, COUNTY_B, 'local', [
      { kind: 'report', to: 'suspected', at: at('2026-11-21T08:00:00') },
      { kind: 'discard', to: 'suspected', at: at('2026-11-21T15:00:00') },
    ]);
    // 盘山县 over three days: imported, confirmed (its severity changed later), asymptomatic later
    // confirmed, suspected later confirmed, suspected discarded the next day, and one reported and
    // discarded the same day.
    await seedCase(VILLAGE_A, COUNTY_A, 'imported', [
      { kind: 'report', to: 'confirmed', at: at('2026-11-21T14:00:00') },
    ]);
    await seedCase(VILLAGE_A, COUNTY_A, 'local', [
      { kind: 'report', to: 'suspected', at: at('2026-11-21T08:00:00') },
      { kind: 'discard', to: 'suspected', at: at('2026-11-22T10:00:00') },
    ]);
    await seedCase(VILLAGE_A, COUNTY_A, 'local', [
      { kind: 'report', to: 'suspected', at: at('2026-11-21T12:00:00') },
      { kind: 'discard', to: 'suspected', at: at('2026-11-21T15:00:00') },
    ]);
    // Confirmed on the 20th; its severity changed on the 22nd (a reclassification within its class).
    await seedCase(VILLAGE_A, COUNTY_A, 'local', [
      { kind: 'report', to: 'confirmed', at: at('2026-11-20T10:00:00') },
      { kind: 'reclassify', to: 'confirmed', at: at('2026-11-22T12:00:00') },
    ]);
    await seedCase(VILLAGE_A, COUNTY_A, 'local', [
      { kind: 'report', to: 'asymptomatic', at: at('2026-11-20T11:00:00') },
      { kind: 'reclassify', to: 'confirmed', at: at('2026-11-21T09:00:00') },
    ]);
    await seedCase(VILLAGE_A, COUNTY_A, 'local', [
      { kind: 'report', to: 'suspected', at: at('2026-11-22T08:00:00') },
      { kind: 'reclassify', to: 'confirmed', at: at('2026-11-22T20:00:00') },
    ]);
    expect(await sweepConferences(env.ctx)).toBe(1);
    expect(await conferencesOf(COUNTY_B)).toEqual([]);
    // 盘山县's first local case on 11-20 at 10:00: due by 24:00 on 11-21, the next day. Its later local
    // cases (the world's of the 24th among them) fall within the same outbreak: no second conference.
    expect(await conferencesOf(COUNTY_A)).toEqual([
      { dueAt: at('2026-11-22T00:00:00'), ownerRole: 'working_group', ruleId: 'CAS-5' },
    ]);
  });

  it('CAS-5 the first local case of another county opens its own, once', async () => {
    await seedCase(VILLAGE_B, COUNTY_B, 'local', [
      { kind: 'report', to: 'asymptomatic', at: new Date('2026-11-21T03:00:00Z') },
    ]);
    expect(await sweepConferences(env.ctx)).toBe(1);
    expect(await sweepConferences(env.ctx)).toBe(0);
    // 红山区's first case on 11-21 (11:00 local): due by the end of 11-22.
    expect(await conferencesOf(COUNTY_B)).toEqual([
      { dueAt: at('2026-11-23T00:00:00'), ownerRole: 'working_group', ruleId: 'CAS-5' },
    ]);
  });

  it('CAS-5 the owed conference is on the dashboard tile (equal to its list) and on the working group’s work', async () => {
    const dashboard = await get(`/api/dashboard?jurisdiction=${COUNTY_A}`, workingGroup);
    expect(dashboard.statusCode).toBe(200);
    const tile = dashboard.json().tiles.find((t: { id: string }) => t.id === 'bulletin.today');
    const figure = (key: string) => tile.body.figures.find((f: { key: string }) => f.key === key);
    // 3 local and 1 imported confirmed cases by the 22nd, and the world's confirmed case of today
    // (written without its history: counted from its report).
    expect(figure('cumulative.confirmed').value).toBe(5);
    expect(figure('new.confirmed').value).toBe(1);
    // CAS-5: the tile says it counts as the bulletin does (cases reclassified today included), unlike the
    // cases tile's cases reported today.
    expect(tile.title.zh).toBe('今日疫情通报数据');
    expect(figure('new.confirmed').label.zh).toBe('今日新增确诊病例（通报口径，含当日转确诊）');
    const owed = figure('conferences.owed');
    expect(owed).toMatchObject({ value: 1, tone: 'danger' });
    const listed = await get(`/api${owed.drill}`, workingGroup);
    expect(listed.json().total).toBe(1);
    const work = await get('/api/my-work', workingGroup);
    const item = work.json().items.find((i: { ruleId: string }) => i.ruleId === 'CAS-5');
    expect(item.action).toMatchObject({ label: { zh: '登记新闻发布会' }, href: '/bulletin#conference' });
    expect(item.title.zh).toContain('须于11月21日24时前召开新闻发布会');
  });

  it('CAS-5 the county sees the conference owed; a supervisor may read but not record it', async () => {
    const list = await get(`/api/bulletin/conferences?jurisdiction=${COUNTY_A}`, supervisor);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ heldAt: null, dueAt: '2026-11-21T16:00:00Z' });
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/bulletin/conferences',
      headers: { cookie: supervisor },
      payload: {
        jurisdictionCode: COUNTY_A,
        heldAt: NOW.toISOString(),
        place: '县政府新闻发布厅',
        spokesperson: '王县长',
      },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('CAS-5 recording the conference closes the deadline and is audited; a later one is a regular release', async () => {
    const record = (heldAt: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/bulletin/conferences',
        headers: { cookie: workingGroup },
        payload: {
          jurisdictionCode: COUNTY_A,
          heldAt,
          place: '县政府新闻发布厅',
          spokesperson: '王县长',
          note: '通报首例本土病例',
        },
      });
    const future = await record('2026-11-25T02:00:00.000Z');
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'heldAt', code: 'in_future' });
    const held = await record('2026-11-21T02:00:00.000Z');
    expect(held.statusCode).toBe(201);
    expect(held.json()).toMatchObject({ spokesperson: '王县长', dueAt: '2026-11-21T16:00:00Z' });
    const [deadline] = await env.db.query<{ done_at: Date | null; outcome: string }>(
      "SELECT done_at, outcome FROM deadlines WHERE subject_type = 'press_conference' AND jurisdiction_code = $1",
      [COUNTY_A],
    );
    expect(deadline).toMatchObject({ outcome: 'held' });
    expect(deadline!.done_at).not.toBeNull();
    const [audit] = await env.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'bulletin.press_conference' AND entity_id = $1",
      [held.json().id],
    );
    expect(audit!.n).toBe(1);
    const regular = await record('2026-11-23T02:00:00.000Z');
    expect(regular.statusCode).toBe(201);
    expect(regular.json()).toMatchObject({ dueAt: null, firstCaseAt: null });
  });

  it('CAS-5 another county’s conferences are not found', async () => {
    const response = await get(`/api/bulletin/conferences?jurisdiction=${COUNTY_B}`, admin);
    expect(response.statusCode).toBe(404);
  });
});

describe('CAS-5 daily figures from the records', () => {
  const bulletin = async (date: string, cookie = admin) => {
    const response = await get(`/api/bulletin?jurisdiction=${COUNTY_A}&date=${date}`, cookie);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('CAS-5 new and cumulative cases by class: a reclassification counts once, a discard is excluded', async () => {
    const d20 = await bulletin('2026-11-20');
    expect(d20.day.cases.local.confirmed).toMatchObject({ new: 1, cumulative: 1 });
    expect(d20.day.cases.local.asymptomatic).toMatchObject({ new: 1, cumulative: 1 });
    expect(d20.day.cases.imported.confirmed).toMatchObject({ new: 0, cumulative: 0 });

    const d21 = await bulletin('2026-11-21');
    // The asymptomatic infection of the 20th confirmed on the 21st: a new confirmed case "转为确诊",
    // leaving the asymptomatic total; the suspected case reported and discarded that day is not new.
    expect(d21.day.cases.local.confirmed).toMatchObject({ new: 1, fromAsymptomatic: 1, cumulative: 2 });
    expect(d21.day.cases.local.asymptomatic).toMatchObject({ new: 0, cumulative: 0 });
    expect(d21.day.cases.local.suspected).toMatchObject({ new: 1, cumulative: 1, discarded: 0 });
    expect(d21.day.cases.imported.confirmed).toMatchObject({ new: 1, cumulative: 1 });
    expect(d21.previous).toEqual(d20.day);
    expect(d21.text.zh).toContain(
      '11月21日0时至24时，盘山县新增本土确诊病例1例（其中1例为无症状感染者转为确诊病例）',
    );
    expect(d21.text.zh).toContain('新增境外输入确诊病例1例');

    const d22 = await bulletin('2026-11-22');
    // CAS-5: the suspected case reported at 08:00 and confirmed at 20:00 on the 22nd is new once, as a
    // confirmed case: not also a new suspected case, nor a conversion (转为确诊 counts only cases
    // reported on earlier days).
    expect(d22.day.cases.local.confirmed).toMatchObject({ new: 1, fromSuspected: 0, cumulative: 3 });
    expect(d22.day.cases.local.suspected).toMatchObject({ new: 0, cumulative: 0, discarded: 1 });
    expect(d22.text.zh).toContain('新增本土确诊病例1例，新增本土无症状感染者0例；');
    expect(d22.text.zh).toContain('当日排除或订正此前报告的病例1例');
    expect(d22.text.zh).toContain('累计报告本土确诊病例3例');
  });

  it('CAS-5 figures equal direct counts of the records: cases held, tests done, people under control', async () => {
    const d22 = await bulletin('2026-11-22');
    const [direct] = await env.db.query<{
      confirmed: number;
      local: number;
      tubes: number;
      sampled: number;
      controlled: number;
    }>(
      `SELECT
         (SELECT count(*) FROM cases WHERE jurisdiction_code ^@ $1 AND status <> 'discarded' AND classification = 'confirmed'
            AND origin = 'local' AND confirmed_at < $3)::int AS confirmed,
         (SELECT count(*) FROM cases WHERE jurisdiction_code ^@ $1 AND status <> 'discarded' AND origin = 'local'
            AND classification <> 'suspected' AND reported_at < $3)::int AS local,
         (SELECT count(*) FROM tubes WHERE jurisdiction_code ^@ $1 AND resulted_at >= $2 AND resulted_at < $3)::int AS tubes,
         (SELECT count(DISTINCT person_id) FROM samples WHERE jurisdiction_code ^@ $1 AND sampled_at >= $2 AND sampled_at < $3)::int AS sampled,
         (SELECT count(DISTINCT person_id) FROM person_controls WHERE jurisdiction_code ^@ $1 AND started_at < $3
            AND (cleared_at IS NULL OR cleared_at >= $3))::int AS controlled`,
      [COUNTY_A, at('2026-11-22T00:00:00'), at('2026-11-23T00:00:00')],
    );
    expect(d22.day.cases.local.confirmed.cumulative).toBe(direct!.confirmed);
    expect(d22.day.cases.local.confirmed.cumulative + d22.day.cases.local.asymptomatic.cumulative).toBe(
      direct!.local,
    );
    expect(d22.day.tubesResulted).toBe(direct!.tubes);
    expect(d22.day.peopleSampled).toBe(direct!.sampled);
    expect(d22.day.underControlAfterPositive).toBe(direct!.controlled);
    expect(d22.day.inHospital).toBe(0);
  });

  it('CAS-5 tests done that day: tubes resulted and people sampled, each person once', async () => {
    const personId = await newPerson(VILLAGE_A, COUNTY_A);
    const [tube] = await env.db.query<{ id: string }>(
      `INSERT INTO tubes (barcode, jurisdiction_code, category, capacity, member_count, opened_at, due_at, result, resulted_at)
       VALUES ('BUL-0001', $1, 'general', 1, 1, $2, $2::timestamptz + interval '12 hours', 'negative', $3) RETURNING id`,
      [VILLAGE_A, at('2026-11-23T08:00:00'), at('2026-11-23T14:00:00')],
    );
    await env.db.query(
      `INSERT INTO samples (tube_id, person_id, jurisdiction_code, purpose, sampled_at) VALUES ($1, $2, $3, 'other', $4)`,
      [tube!.id, personId, VILLAGE_A, at('2026-11-23T08:05:00')],
    );
    const d23 = await bulletin('2026-11-23');
    expect(d23.day).toMatchObject({ tubesResulted: 1, peopleSampled: 1 });
    expect(d23.previous).toMatchObject({ tubesResulted: 0, peopleSampled: 0 });
  });

  it('CAS-5 the workbook holds the figures, a sheet per table', async () => {
    const response = await get(`/api/bulletin/export.xlsx?jurisdiction=${COUNTY_A}&date=2026-11-21`, admin);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['病例', '救治与隔离', '核酸检测', '通报']);
    const rows = workbook.getWorksheet('病例')!.getSheetValues();
    const confirmedRow = rows.find((r) => Array.isArray(r) && r[1] === '本土确诊病例') as unknown[];
    // 类别, 当日新增, 其中无症状转确诊, 当日排除或订正, 累计, 较前一日增减
    expect(confirmedRow.slice(1)).toEqual(['本土确诊病例', 1, 1, 0, 2, 1]);
    const text = String((workbook.getWorksheet('通报')!.getRow(2).getCell(1).value as string) ?? '');
    expect(text).toContain('新增本土确诊病例1例');
  });

  it('CAS-5 another county’s bulletin is not found; a role without case.read is refused', async () => {
    expect((await get(`/api/bulletin?jurisdiction=${COUNTY_B}&date=2026-11-21`, admin)).statusCode).toBe(404);
    const community = await signInAs(env.app, 'a_community');
    expect((await get(`/api/bulletin?jurisdiction=${COUNTY_A}&date=2026-11-21`, community)).statusCode).toBe(
      403,
    );
  });
});

describe('CAS-5 a discarded first case and its press conference', () => {
  const conferencesOfB = () =>
    env.db.query<{ caseId: string; cancelled: boolean; deadlineOpen: boolean }>(
      `SELECT p.first_case_id AS "caseId", p.cancelled_at IS NOT NULL AS cancelled,
         EXISTS (SELECT 1 FROM deadlines d WHERE d.subject_type = 'press_conference' AND d.subject_id = p.id
           AND d.done_at IS NULL AND d.cancelled_at IS NULL) AS "deadlineOpen"
       FROM press_conferences p WHERE p.jurisdiction_code = $1 AND p.first_case_id IS NOT NULL
       ORDER BY p.first_case_at`,
      [COUNTY_B],
    );
  /** Discards a case (排除) as the cases module records it. */
  const discard = async (caseId: string, when: Date) => {
    await env.db.query(
      "UPDATE cases SET status = 'discarded', discarded_at = $2, discard_reason = '复核排除' WHERE id = $1",
      [caseId, when],
    );
    await env.db.query(
      `INSERT INTO case_changes (case_id, jurisdiction_code, kind, from_classification, to_classification, reason,
         changed_by, changed_by_name, changed_at, review_due_at)
       SELECT id, jurisdiction_code, 'discard', classification, classification, '复核排除', $3, '报告医生', $2,
         $2::timestamptz + interval '2 hours' FROM cases WHERE id = $1`,
      [caseId, when, reporterId],
    );
  };

  it('CAS-5 discarding the only local case cancels the conference owed and its deadline; the next case owes one', async () => {
    const [first] = await env.db.query<{ id: string }>(
      "SELECT id FROM cases WHERE jurisdiction_code ^@ $1 AND origin = 'local' AND status <> 'discarded'",
      [COUNTY_B],
    );
    expect((await conferencesOfB()).map((c) => c.caseId)).toEqual([first!.id]);
    await discard(first!.id, at('2026-11-22T09:00:00'));
    expect(await sweepConferences(env.ctx)).toBe(0);
    expect(await conferencesOfB()).toEqual([{ caseId: first!.id, cancelled: true, deadlineOpen: false }]);
    // The cancelled conference is no longer listed as owed.
    const bAdmin = await signInAs(env.app, 'b_admin');
    const list = await get(`/api/bulletin/conferences?jurisdiction=${COUNTY_B}`, bAdmin);
    expect(list.json().items.filter((i: { heldAt: string | null }) => i.heldAt === null)).toEqual([]);

    // The next local case is the county's first real one: it owes one conference, once.
    const next = await seedCase(VILLAGE_B, COUNTY_B, 'local', [
      { kind: 'report', to: 'confirmed', at: at('2026-11-23T08:00:00') },
    ]);
    expect(await sweepConferences(env.ctx)).toBe(1);
    expect(await sweepConferences(env.ctx)).toBe(0);
    expect((await conferencesOfB()).at(-1)).toEqual({ caseId: next, cancelled: false, deadlineOpen: true });
  });

  it('CAS-5 discarding a first case while another local case of its outbreak remains keeps the conference, and owes no second one', async () => {
    const first = (await conferencesOfB()).at(-1)!.caseId;
    await seedCase(VILLAGE_B, COUNTY_B, 'local', [
      { kind: 'report', to: 'asymptomatic', at: at('2026-11-23T15:00:00') },
    ]);
    await discard(first, at('2026-11-23T20:00:00'));
    expect(await sweepConferences(env.ctx)).toBe(0);
    const rows = await conferencesOfB();
    expect(rows.filter((r) => !r.cancelled)).toEqual([
      { caseId: first, cancelled: false, deadlineOpen: true },
    ]);
  });
});
