import { KEY_GROUPS, type KeyGroup } from '../../rules/keyGroups.js';
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
 * The set-based form of src/rules/routineSchedule.ts (TST-4, TST-5) as a CTE `due`, one row per
 * key-group person in scope: the strictest frequency of their groups under the nearest pack
 * assignment, the latest test, the next due date and the latest missed due date. Samples are
 * read within the look-back only; an older test means the person is overdue either way.
 */
export function scheduleCte(input: ScheduleInput, params: unknown[]): string {
  const { rules } = input;
  const lookback = addLocalDays(input.today, -(MISSED_LOOKBACK_DAYS + 14));
  const base = params.length;
  params.push(
    rules.map((r) => r.assignmentCode),
    rules.map((r) => r.keyGroup),
    rules.map((r) => r.times),
    rules.map((r) => r.perDays),
    rules.map((r) => r.slots),
    rules.map((r) => r.department.zh),
    rules.map((r) => r.department.en),
    rules.map((r) => KEY_GROUPS[r.keyGroup as KeyGroup].zh),
    rules.map((r) => KEY_GROUPS[r.keyGroup as KeyGroup].en),
    input.assignments,
    input.today,
    input.timeZone,
    [...input.scopes],
    [...new Set(rules.map((r) => r.keyGroup))],
    endOfLocalDay(lookback, input.timeZone).toISOString(),
    endOfLocalDay(input.today, input.timeZone).toISOString(),
  );
  const $ = (n: number) => `$${base + n}`;
  return `WITH rules AS (
    SELECT * FROM unnest(${$(1)}::text[], ${$(2)}::text[], ${$(3)}::int[], ${$(4)}::int[], ${$(5)}::int[],
      ${$(6)}::text[], ${$(7)}::text[], ${$(8)}::text[], ${$(9)}::text[])
      AS r (assignment_code, key_group, times, per_days, slots, dept_zh, dept_en, group_zh, group_en)
  ), people AS (
    SELECT p.id, p.name, p.jurisdiction_code, p.employer, rule.*
    FROM persons p
    CROSS JOIN LATERAL (
      SELECT r.* FROM rules r
      WHERE r.key_group = ANY (p.key_groups)
        AND r.assignment_code = (SELECT a.code FROM unnest(${$(10)}::text[]) AS a (code)
          WHERE p.jurisdiction_code ^@ a.code ORDER BY length(a.code) DESC LIMIT 1)
      ORDER BY r.times::numeric / r.per_days DESC, r.slots, r.key_group LIMIT 1
    ) rule
    WHERE p.key_groups && ${$(14)}::text[] AND p.jurisdiction_code ^@ ANY (${$(13)}::text[])
  ), tests AS (
    SELECT DISTINCT s.person_id, (s.sampled_at AT TIME ZONE ${$(12)})::date AS d
    FROM samples s JOIN people pe ON pe.id = s.person_id
    WHERE s.sampled_at >= ${$(15)}::timestamptz AND s.sampled_at < ${$(16)}::timestamptz
  ), ranked AS (
    SELECT person_id, d, row_number() OVER (PARTITION BY person_id ORDER BY d DESC) AS n FROM tests
  ), facts AS (
    SELECT pe.*, t.last_test, t.nth_test,
      ${$(11)}::date - (extract(isodow FROM ${$(11)}::date)::int - 1) AS week_start,
      CASE WHEN pe.slots > 0 THEN ((row_number() OVER (PARTITION BY pe.slots > 0, coalesce(pe.employer, pe.id::text)
        ORDER BY pe.id) - 1) % pe.slots)::int END AS slot
    FROM people pe
    LEFT JOIN LATERAL (SELECT max(r.d) AS last_test, max(r.d) FILTER (WHERE r.n = pe.times) AS nth_test
      FROM ranked r WHERE r.person_id = pe.id) t ON true
  ), due AS (
    SELECT f.*,
      CASE WHEN f.slots > 0 THEN
        CASE WHEN f.last_test >= f.week_start THEN f.week_start + 7 + f.slot ELSE f.week_start + f.slot END
      ELSE coalesce(f.nth_test + f.per_days, ${$(11)}::date) END AS next_due,
      CASE WHEN f.slots > 0 THEN
        CASE WHEN f.last_test >= f.week_start THEN NULL
          WHEN f.week_start + f.slot < ${$(11)}::date THEN f.week_start + f.slot
          WHEN f.last_test IS NULL OR f.last_test < f.week_start - 7 THEN f.week_start - 7 + f.slot END
      WHEN f.nth_test + f.per_days < ${$(11)}::date
        AND f.nth_test + f.per_days >= ${$(11)}::date - ${MISSED_LOOKBACK_DAYS} THEN f.nth_test + f.per_days
      END AS latest_missed
    FROM facts f
  )`;
}
