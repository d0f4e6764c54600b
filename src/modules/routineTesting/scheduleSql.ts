import type { Queryable } from '../../platform/db/types.js';
import { addLocalDays, MISSED_LOOKBACK_DAYS } from '../../rules/routineSchedule.js';
import { endOfLocalDay } from '../../rules/time.js';
import type { RoutineRule } from './rules.js';

export interface ScheduleInput {
  rules: RoutineRule[];
  assignments: string[];
  today: string;
  timeZone: string;
  /** Persons within these code prefixes ('' = all). */
  scopes: readonly string[];
}

/**
 * Days of samples read in one pass (today and the days before it): the TST-5 look-back and two
 * weeks more, enough for most people's `times` latest test days. A choice of this query, not a rule:
 * people short of test days in it step back further (see scheduleCte), so the result is the same.
 */
const READ_WINDOW_DAYS = MISSED_LOOKBACK_DAYS + 14;

/** The jurisdictions a schedule ranks institutions over: each scope widened to its whole county. */
export const rankingScopes = (scopes: readonly string[]): string[] => [
  ...new Set(scopes.map((scope) => scope.slice(0, 6))),
];

/**
 * The set-based form of schedule() in src/rules/routineSchedule.ts (TST-4, TST-5), which is its
 * specification (test/api/routineTesting.sql.test.ts holds them equal), as a CTE `due`: one row
 * per key-group person in scope with the strictest frequency of their groups under the nearest
 * pack assignment, the weekday slot of a share, the latest test, the next due date, the state and
 * the latest missed due date.
 *
 * Slots are ranked over whole counties (`rankingScopes`), so a village's view agrees with the
 * county's sweep; `input.rules` must cover those counties. Samples are read by a window of
 * READ_WINDOW_DAYS; a person with fewer than `times` test days in it steps back through older
 * samples one test day at a time (an index probe each), so a long-untested person is overdue
 * since their real due date, not "due today".
 */
export function scheduleCte(input: ScheduleInput, params: unknown[]): string {
  const { rules } = input;
  const windowStart = endOfLocalDay(addLocalDays(input.today, -(READ_WINDOW_DAYS + 1)), input.timeZone);
  const base = params.length;
  params.push(
    rules.map((r) => r.assignmentCode),
    rules.map((r) => r.keyGroup),
    rules.map((r) => r.times),
    rules.map((r) => r.perDays),
    rules.map((r) => r.slots),
    rules.map((r) => r.department.zh),
    rules.map((r) => r.department.en),
    input.assignments,
    input.today,
    input.timeZone,
    [...input.scopes],
    rankingScopes(input.scopes),
    [...new Set(rules.map((r) => r.keyGroup))],
    windowStart.toISOString(),
    endOfLocalDay(input.today, input.timeZone).toISOString(),
  );
  const $ = (n: number) => `$${base + n}`;
  const [today, zone, scopes, ranking, groups, from, until] = [9, 10, 11, 12, 13, 14, 15].map($);
  const localDay = (column: string) => `(${column} AT TIME ZONE ${zone})::date`;
  return `WITH RECURSIVE rules AS (
    SELECT * FROM unnest(${$(1)}::text[], ${$(2)}::text[], ${$(3)}::int[], ${$(4)}::int[], ${$(5)}::int[],
      ${$(6)}::text[], ${$(7)}::text[]) AS r (assignment_code, key_group, times, per_days, slots, dept_zh, dept_en)
  ), governed AS (
    SELECT p.id, p.name, p.jurisdiction_code, p.employer, rule.*
    FROM persons p
    CROSS JOIN LATERAL (
      SELECT r.* FROM rules r
      WHERE r.key_group = ANY (p.key_groups)
        AND r.assignment_code = (SELECT a.code FROM unnest(${$(8)}::text[]) AS a (code)
          WHERE p.jurisdiction_code ^@ a.code ORDER BY length(a.code) DESC LIMIT 1)
      ORDER BY r.times::float8 / r.per_days DESC, r.slots, r.key_group COLLATE "C" LIMIT 1
    ) rule
    WHERE p.key_groups && ${groups}::text[] AND p.jurisdiction_code ^@ ANY (${ranking}::text[])
  ), slotted AS (
    -- A unit's people take the working days in turn; a person without a unit takes the day their
    -- id's last 8 hex digits give (unitlessSlot in the specification).
    SELECT id, CASE WHEN employer IS NULL THEN ((('x' || right(id::text, 8))::bit(32)::bigint) % slots)::int
      ELSE ((row_number() OVER (PARTITION BY left(jurisdiction_code, 6), employer ORDER BY id) - 1) % slots)::int
      END AS slot
    FROM governed WHERE slots > 0
  ), people AS (
    SELECT * FROM governed WHERE jurisdiction_code ^@ ANY (${scopes}::text[])
  ), recent AS (
    SELECT s.person_id, ${localDay('s.sampled_at')} AS d
    FROM samples s JOIN people pe ON pe.id = s.person_id
    WHERE s.sampled_at >= ${from}::timestamptz AND s.sampled_at < ${until}::timestamptz
    GROUP BY 1, 2
  ), ranked AS (
    SELECT person_id, d, row_number() OVER (PARTITION BY person_id ORDER BY d DESC)::int AS n FROM recent
  ), recent_facts AS (
    SELECT r.person_id, max(r.d) AS last_test, max(r.d) FILTER (WHERE r.n = pe.times) AS nth_test, count(*)::int AS n
    FROM ranked r JOIN people pe ON pe.id = r.person_id GROUP BY r.person_id
  ), counted AS (
    SELECT pe.id, pe.times, coalesce(rf.n, 0) AS n FROM people pe LEFT JOIN recent_facts rf ON rf.person_id = pe.id
  ), older (person_id, d, k, times) AS (
    SELECT c.id, o.d, c.n + 1, c.times FROM counted c
    CROSS JOIN LATERAL (SELECT ${localDay('s.sampled_at')} AS d FROM samples s
      WHERE s.person_id = c.id AND s.sampled_at < ${from}::timestamptz ORDER BY s.sampled_at DESC LIMIT 1) o
    WHERE c.n < c.times
    UNION ALL
    SELECT o.person_id, x.d, o.k + 1, o.times FROM older o
    CROSS JOIN LATERAL (SELECT ${localDay('s.sampled_at')} AS d FROM samples s
      WHERE s.person_id = o.person_id AND s.sampled_at < (o.d::timestamp AT TIME ZONE ${zone})
      ORDER BY s.sampled_at DESC LIMIT 1) x
    WHERE o.k < o.times
  ), older_facts AS (
    SELECT person_id, max(d) AS last_test, max(d) FILTER (WHERE k = times) AS nth_test FROM older GROUP BY person_id
  ), facts AS (
    SELECT pe.*, sl.slot, coalesce(rf.last_test, ol.last_test) AS last_test, coalesce(rf.nth_test, ol.nth_test) AS nth_test,
      ${today}::date - (extract(isodow FROM ${today}::date)::int - 1) AS week_start
    FROM people pe
    LEFT JOIN slotted sl ON sl.id = pe.id
    LEFT JOIN recent_facts rf ON rf.person_id = pe.id
    LEFT JOIN older_facts ol ON ol.person_id = pe.id
  ), scheduled AS (
    SELECT f.*,
      CASE WHEN f.slots > 0 THEN
        CASE WHEN f.last_test >= f.week_start THEN f.week_start + 7 + f.slot ELSE f.week_start + f.slot END
      ELSE coalesce(f.nth_test + f.per_days, ${today}::date) END AS next_due,
      CASE WHEN f.slots > 0 THEN
        CASE WHEN f.last_test >= f.week_start THEN NULL
          WHEN f.week_start + f.slot < ${today}::date THEN f.week_start + f.slot
          WHEN f.last_test IS NULL OR f.last_test < f.week_start - 7 THEN f.week_start - 7 + f.slot END
      WHEN f.nth_test + f.per_days < ${today}::date
        AND f.nth_test + f.per_days >= ${today}::date - ${MISSED_LOOKBACK_DAYS} THEN f.nth_test + f.per_days
      END AS latest_missed
    FROM facts f
  ), due AS (
    SELECT s.*, CASE WHEN s.next_due < ${today}::date THEN 'overdue' WHEN s.next_due = ${today}::date THEN 'due'
      ELSE 'ok' END AS state
    FROM scheduled s
  )`;
}

/** One row of the `due` CTE: what the schedule list shows and what the sweep pushes. */
export interface ScheduleRow {
  personId: string;
  jurisdictionCode: string;
  keyGroup: string;
  times: number;
  perDays: number;
  slots: number;
  slot: number | null;
  deptZh: string;
  deptEn: string;
  lastTest: string | null;
  nextDue: string;
  latestMissed: string | null;
  state: 'due' | 'overdue' | 'ok';
}

const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** Every row of the schedule (TST-4) with its latest miss (TST-5); `missedOnly` keeps the misses. */
export async function readSchedule(
  tx: Queryable,
  input: ScheduleInput,
  options: { missedOnly?: boolean } = {},
): Promise<ScheduleRow[]> {
  const params: unknown[] = [];
  const cte = scheduleCte(input, params);
  return tx.query<ScheduleRow>(
    `${cte}
     SELECT id AS "personId", jurisdiction_code AS "jurisdictionCode", key_group AS "keyGroup", times,
       per_days AS "perDays", slots, slot, dept_zh AS "deptZh", dept_en AS "deptEn",
       ${DATE('last_test')} AS "lastTest", ${DATE('next_due')} AS "nextDue",
       ${DATE('latest_missed')} AS "latestMissed", state
     FROM due ${options.missedOnly ? 'WHERE latest_missed IS NOT NULL' : ''} ORDER BY id`,
    params,
  );
}
