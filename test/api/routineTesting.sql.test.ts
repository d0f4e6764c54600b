import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RoutineRule, readSchedule, type ScheduleRow } from '../../src/modules/routineTesting/index.js';
import type { Database } from '../../src/platform/db/types.js';
import type { KeyGroup } from '../../src/rules/keyGroups.js';
import { addLocalDays, type ScheduleEntry, schedule } from '../../src/rules/routineSchedule.js';
import { endOfLocalDay, localDate } from '../../src/rules/time.js';
import { freshDatabase } from '../support/database.js';

/**
 * TST-4, TST-5: the set-based schedule production runs (src/modules/routineTesting/scheduleSql.ts)
 * says exactly what the pure specification says (schedule() in src/rules/routineSchedule.ts), over
 * random pack lists under nested assignments, key-group people with sample histories at local
 * times around midnight in two zones (one with summer time), and days around the year end and the
 * summer-time changes.
 */
let db: Database;
let drop: () => Promise<void>;

const JURISDICTIONS: Array<[code: string, parent: string | null, level: string]> = [
  ['21', null, 'province'],
  ['2111', '21', 'city'],
  ['211122', '2111', 'county'],
  ['211122001', '211122', 'town'],
  ['211122001001', '211122001', 'village'],
  ['211122001002', '211122001', 'village'],
  ['211122002', '211122', 'town'],
  ['211122002001', '211122002', 'village'],
  ['211103', '2111', 'county'],
  ['211103001001', '211103', 'village'],
];
const HOMES = ['211122001001', '211122001002', '211122002001', '211103001001', '211122'];
const ASSIGNABLE = ['21', '2111', '211122', '211122001', '211103', '211122001001'];
const SCOPES = [['21'], ['2111'], ['211122'], ['211122001'], ['211122001001'], ['211103', '211122002']];
const GROUPS: KeyGroup[] = ['courier', 'farmers_market', 'student', 'school_staff', 'elderly_care'];
// Around the year end and both summer-time changes of America/New_York (2026-03-08, 2026-11-01).
const TODAYS = ['2026-11-24', '2026-12-28', '2026-03-04', '2026-10-28'];

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await db.query(
    `INSERT INTO jurisdictions (code, parent_code, name, level)
     SELECT code, parent, '辖区' || code, level FROM unnest($1::text[], $2::text[], $3::text[]) AS j (code, parent, level)`,
    [JURISDICTIONS.map((j) => j[0]), JURISDICTIONS.map((j) => j[1]), JURISDICTIONS.map((j) => j[2])],
  );
});
afterAll(() => drop());

const intervalArb = fc
  .oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 7 }) }, fc.integer({ min: 8, max: 60 }))
  .chain((perDays) =>
    fc.record({
      perDays: fc.constant(perDays),
      times: fc.integer({ min: 1, max: Math.min(perDays, 4) }),
      slots: fc.constant(0),
    }),
  );
// A working-day share is "每周 1 检" spread over 1/share working days (packRoutine.ts allows 1–5).
const shareArb = fc.record({
  perDays: fc.constant(7),
  times: fc.constant(1),
  slots: fc.integer({ min: 1, max: 5 }),
});
const ruleArb = fc.record({
  assignment: fc.nat(),
  keyGroup: fc.constantFrom(...GROUPS),
  frequency: fc.oneof(intervalArb, shareArb),
});
// Minutes from the local midnight that starts a day: near midnight on either side, or any time.
const sampleArb = fc.record({
  day: fc.integer({ min: -75, max: 2 }),
  minute: fc.oneof(fc.integer({ min: -90, max: 90 }), fc.integer({ min: 0, max: 1439 })),
});
const personArb = fc.record({
  id: fc.uuid(),
  home: fc.constantFrom(...HOMES),
  employer: fc.constantFrom(null, '第一小学', '第二小学', '顺丰速运'),
  keyGroups: fc.subarray(GROUPS),
  samples: fc.array(sampleArb, { maxLength: 6 }),
});
const inputArb = fc.record({
  assignments: fc.uniqueArray(fc.constantFrom(...ASSIGNABLE), { minLength: 1, maxLength: 3 }),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 8 }),
  persons: fc.uniqueArray(personArb, { minLength: 1, maxLength: 10, selector: (p) => p.id }),
  today: fc.tuple(fc.constantFrom(...TODAYS), fc.integer({ min: 0, max: 9 })),
  timeZone: fc.constantFrom('Asia/Shanghai', 'America/New_York'),
  scopes: fc.constantFrom(...SCOPES),
});
type Input = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

/** The instant `minute` minutes after the local midnight that starts `date`. */
const instantOf = (date: string, minute: number, timeZone: string) =>
  new Date(endOfLocalDay(addLocalDays(date, -1), timeZone).getTime() + minute * 60_000);

interface Stored {
  id: string;
  home: string;
  employer: string | null;
  keyGroups: string[];
  instants: Date[];
}

async function load<P extends Stored>(persons: P[]): Promise<P[]> {
  await db.exec('DELETE FROM samples; DELETE FROM tubes; DELETE FROM persons');
  await db.query(
    `INSERT INTO persons (id, jurisdiction_code, name, id_type, id_cipher, id_hash, id_masked, employer, key_groups)
     SELECT id, code, '常规', 'ric', '\\x00', decode(md5(id::text), 'hex'), '***', employer,
       ARRAY(SELECT jsonb_array_elements_text(groups))
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) AS p (id, code, employer, groups)`,
    [
      persons.map((p) => p.id),
      persons.map((p) => p.home),
      persons.map((p) => p.employer),
      persons.map((p) => JSON.stringify(p.keyGroups)),
    ],
  );
  const samples = persons.flatMap((p) => p.instants.map((at) => ({ id: p.id, home: p.home, at })));
  await db.query(
    `WITH x AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS x (person_id, code, at, n)),
     t AS (INSERT INTO tubes (barcode, jurisdiction_code, category, capacity, member_count, opened_at, due_at)
       SELECT 'PT' || n, code, 'general', 1, 1, at, at FROM x RETURNING id, barcode)
     INSERT INTO samples (tube_id, person_id, jurisdiction_code, purpose, sampled_at)
     SELECT t.id, x.person_id, x.code, 'routine', x.at FROM x JOIN t ON t.barcode = 'PT' || x.n`,
    [samples.map((s) => s.id), samples.map((s) => s.home), samples.map((s) => s.at.toISOString())],
  );
  return persons;
}

const rulesOf = (input: Input): RoutineRule[] =>
  input.rules.map((r, i) => ({
    assignmentCode: input.assignments[r.assignment % input.assignments.length]!,
    keyGroup: r.keyGroup,
    ...r.frequency,
    department: { zh: `主管部门${i}`, en: `Department ${i}` },
  }));

const fromSql = (row: ScheduleRow) => ({
  personId: row.personId,
  keyGroup: row.keyGroup,
  times: row.times,
  perDays: row.perDays,
  slots: row.slots,
  slot: row.slot,
  department: row.deptZh,
  lastTest: row.lastTest,
  nextDue: row.nextDue,
  latestMissed: row.latestMissed,
  state: row.state,
});
const fromSpec = (entry: ScheduleEntry<RoutineRule>) => ({
  personId: entry.personId,
  keyGroup: entry.rule.keyGroup,
  times: entry.rule.times,
  perDays: entry.rule.perDays,
  slots: entry.rule.slots,
  slot: entry.slot,
  department: entry.rule.department.zh,
  lastTest: entry.lastTest,
  nextDue: entry.nextDue,
  latestMissed: entry.latestMissed,
  state: entry.state,
});

describe('TST-4 / TST-5 the SQL schedule equals its specification', () => {
  it('strictest frequency, slot, last test, next due date, state and latest miss agree for every person', async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, async (input) => {
        const today = addLocalDays(input.today[0], input.today[1]);
        const persons = await load(
          input.persons.map((p) => ({
            ...p,
            instants: p.samples.map((x) => instantOf(addLocalDays(today, x.day), x.minute, input.timeZone)),
          })),
        );
        const rules = rulesOf(input);
        const sql = await readSchedule(db, {
          rules,
          assignments: input.assignments,
          today,
          timeZone: input.timeZone,
          scopes: input.scopes,
        });
        const spec = schedule(
          persons.map((p) => ({
            id: p.id,
            jurisdictionCode: p.home,
            employer: p.employer,
            keyGroups: p.keyGroups,
            testDates: p.instants.map((at) => localDate(at, input.timeZone)),
          })),
          rules,
          input.assignments,
          today,
        )
          .filter((e) =>
            input.scopes.some((s) => persons.find((p) => p.id === e.personId)!.home.startsWith(s)),
          )
          .sort((a, b) => (a.personId < b.personId ? -1 : 1));
        expect(sql.map(fromSql)).toEqual(spec.map(fromSpec));
      }),
      { numRuns: 80 },
    );
  });
});

describe('TST-4 / TST-5 the SQL schedule at the edges the specification fixed', () => {
  const TODAY = '2026-11-24';
  const zone = 'Asia/Shanghai';
  const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
  const rules: RoutineRule[] = [
    ['elderly_care', 1, 7, 0],
    ['farmers_market', 2, 7, 0],
    ['port_staff', 1, 30, 0],
    ['student', 1, 7, 5],
  ].map(([keyGroup, times, perDays, slots]) => ({
    assignmentCode: '2111',
    keyGroup: keyGroup as string,
    times: times as number,
    perDays: perDays as number,
    slots: slots as number,
    department: { zh: '主管部门', en: 'Department' },
  }));
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const read = (scopes: string[]) =>
    readSchedule(db, { rules, assignments: ['2111'], today: TODAY, timeZone: zone, scopes });

  it.each<[string, string, string[], Partial<ScheduleRow>]>([
    [
      'TST-4 "每周 1 检", last tested 50 days ago: overdue since its due date, with that test shown',
      'elderly_care',
      ['2026-10-05'],
      { lastTest: '2026-10-05', nextDue: '2026-10-12', state: 'overdue', latestMissed: null },
    ],
    [
      "TST-5 a pack's 30-day frequency, tested 45 days ago: the miss 15 days ago is pushed",
      'port_staff',
      ['2026-10-10'],
      { lastTest: '2026-10-10', nextDue: '2026-11-09', state: 'overdue', latestMissed: '2026-11-09' },
    ],
    [
      'TST-4 "每周 2 检", one test day in the read window and one before it: the earlier sets the due date',
      'farmers_market',
      ['2026-09-20', '2026-09-20', '2026-11-01'],
      { lastTest: '2026-11-01', nextDue: '2026-09-27', state: 'overdue' },
    ],
  ])('%s', async (_title, keyGroup, dates, expected) => {
    await load([
      { id: id(1), home: '211122001001', employer: null, keyGroups: [keyGroup], instants: dates.map(at) },
    ]);
    expect(await read(['211122'])).toEqual([expect.objectContaining(expected)]);
  });

  it('TST-4 "每个工作日抽检 20%": pupils without a school spread over the working days by id, not all on Monday', async () => {
    // Ids ending in 0 … 9 (hex): each takes the day its last 8 hex digits give modulo 5.
    const ids = Array.from(
      { length: 10 },
      (_, n) => `7e57a11d-0000-4000-8000-0000${String(n + 10).padStart(8, '0')}`,
    );
    await load(
      ids.map((id) => ({ id, home: '211122001001', employer: null, keyGroups: ['student'], instants: [] })),
    );
    const rows = await read(['211122']);
    // 0x00000010 … 0x00000019 are 16 … 25: Tuesday … Friday, Monday … Friday, Monday.
    expect(rows.map((r) => r.slot)).toEqual([1, 2, 3, 4, 0, 1, 2, 3, 4, 0]);
    expect(new Set(rows.map((r) => r.nextDue)).size).toBe(5);
  });

  it('TST-4 "每个工作日抽检 20%": a village sees the slots of its pupils as the county does', async () => {
    const homes = [
      '211122001001',
      '211122002001',
      '211122001002',
      '211122001001',
      '211122002001',
      '211122001001',
    ];
    await load(
      homes.map((home, n) => ({
        id: id(n),
        home,
        employer: '第一小学',
        keyGroups: ['student'],
        instants: [],
      })),
    );
    const slots = (rows: ScheduleRow[]) => Object.fromEntries(rows.map((r) => [r.personId, r.slot]));
    const county = slots(await read(['211122']));
    expect(Object.values(county)).toEqual([0, 1, 2, 3, 4, 0]);
    const village = await read(['211122001001']);
    expect(village.map((r) => r.personId)).toEqual([id(0), id(3), id(5)]);
    expect(slots(village)).toEqual({ [id(0)]: 0, [id(3)]: 3, [id(5)]: 0 });
  });
});
