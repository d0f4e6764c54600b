import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { forbidden } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { endOfLocalDay, localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { PERSON_SUBJECT } from '../testing/index.js';
import { routineRules } from './rules.js';
import { scheduleCte } from './scheduleSql.js';

export type ScheduleState = 'due' | 'overdue' | 'ok';

export interface ScheduleFilter {
  jurisdiction?: string | undefined;
  keyGroup?: string | undefined;
  state?: ScheduleState | undefined;
}

export interface ScheduleItem {
  personId: string;
  name: string;
  jurisdictionCode: string;
  keyGroup: string;
  times: number;
  perDays: number;
  allocation: 'working_day_share' | null;
  slot: number | null;
  /** Working-day slots of the share (5 = 20 % a day), for a share allocation. */
  slots: number | null;
  department: { zh: string; en: string };
  lastTest: string | null;
  nextDue: string;
  state: ScheduleState;
}

async function inputFor(ctx: AppContext, tx: Queryable, scopes: readonly string[]) {
  const { rules, assignments } = await routineRules(ctx.db, tx, scopes);
  const zoneOf = scopes[0] && scopes[0].length >= 2 ? scopes[0] : '';
  const timeZone = zoneOf
    ? await effectiveTimeZone(tx, zoneOf, ctx.config.defaultTimeZone)
    : ctx.config.defaultTimeZone;
  return { rules, assignments, timeZone, today: localDate(ctx.now(), timeZone), scopes };
}

/**
 * TST-4: key-group people of the actor's scope with their frequency, last test and next due date.
 * Runs on the owner connection with the scope applied here, because a person's samples may have
 * been taken (and be held) outside the caller's subtree and still count as their tests.
 */
export async function listSchedule(
  ctx: AppContext,
  actor: Actor,
  filter: ScheduleFilter,
  page: number,
  pageSize: number,
): Promise<{ items: ScheduleItem[]; total: number; today: string }> {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const input = await inputFor(ctx, tx, actor.scopes);
    const params: unknown[] = [];
    const cte = scheduleCte(input, params);
    params.push(filter.jurisdiction ?? '', filter.keyGroup ?? null, filter.state ?? null, input.today);
    params.push(pageSize, (page - 1) * pageSize);
    const n = params.length;
    const rows = await tx.query<ScheduleItem & { total: number; deptZh: string; deptEn: string }>(
      `${cte}
       SELECT id AS "personId", name, jurisdiction_code AS "jurisdictionCode", key_group AS "keyGroup", times,
         per_days AS "perDays", CASE WHEN slots > 0 THEN 'working_day_share' END AS allocation, slot,
         CASE WHEN slots > 0 THEN slots END AS slots,
         dept_zh AS "deptZh", dept_en AS "deptEn", to_char(last_test, 'YYYY-MM-DD') AS "lastTest",
         to_char(next_due, 'YYYY-MM-DD') AS "nextDue", state, count(*) OVER ()::int AS total
       FROM (SELECT due.*, CASE WHEN next_due < $${n - 2}::date THEN 'overdue' WHEN next_due = $${n - 2}::date
               THEN 'due' ELSE 'ok' END AS state FROM due) s
       WHERE jurisdiction_code ^@ $${n - 5} AND ($${n - 4}::text IS NULL OR key_group = $${n - 4})
         AND ($${n - 3}::text IS NULL OR state = $${n - 3})
       ORDER BY next_due, name, id LIMIT $${n - 1} OFFSET $${n}`,
      params,
    );
    const items = rows.map(({ total: _t, deptZh, deptEn, ...item }) => ({
      ...item,
      department: { zh: deptZh, en: deptEn },
    }));
    return { items, total: rows[0]?.total ?? 0, today: input.today };
  });
}

/**
 * TST-5: opens a same-day item on the supervising department's list for everyone whose due date
 * passed without a sample (owner 'department_liaison' at the person's county). Idempotent: a
 * missed date already pushed (open or done) is not pushed again; an older open one is cancelled
 * as superseded, since only the latest miss is worked. Set-based: one statement for the subtree.
 */
export async function sweepRoutine(
  ctx: AppContext,
  actor: Actor | undefined,
  scopes: readonly string[],
): Promise<{ opened: number; superseded: number; today: string }> {
  return ctx.db.transaction(async (tx) => {
    const input = await inputFor(ctx, tx, scopes);
    if (input.rules.length === 0) return { opened: 0, superseded: 0, today: input.today };
    const params: unknown[] = [];
    const cte = scheduleCte(input, params);
    params.push(
      PERSON_SUBJECT,
      ctx.now().toISOString(),
      endOfLocalDay(input.today, input.timeZone).toISOString(),
    );
    const n = params.length;
    const [result] = await tx.query<{ opened: number; superseded: number }>(
      `${cte}, candidates AS (
         SELECT due.*, 'routine:' || to_char(latest_missed, 'YYYY-MM-DD') AS kind FROM due
         WHERE latest_missed IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM deadlines d WHERE d.subject_type = $${n - 2} AND d.subject_id = due.id
             AND d.kind = 'routine:' || to_char(due.latest_missed, 'YYYY-MM-DD'))
       ), opened AS (
         INSERT INTO deadlines (rule_id, subject_type, subject_id, kind, person_id, jurisdiction_code, owner_role,
           title_zh, title_en, opened_at, due_at)
         SELECT 'TST-5', $${n - 2}, c.id, c.kind, c.id,
           CASE WHEN length(c.jurisdiction_code) >= 6 THEN left(c.jurisdiction_code, 6) ELSE c.jurisdiction_code END,
           'department_liaison',
           left(c.dept_zh || '：' || c.group_zh || '漏检核酸（应检日 ' || to_char(c.latest_missed, 'YYYY-MM-DD') || '），当日组织检测', 200),
           left(c.dept_en || ': missed routine NAT of ' || c.group_en || ' (due ' || to_char(c.latest_missed, 'YYYY-MM-DD') || '), test today', 200),
           $${n - 1}::timestamptz, $${n}::timestamptz
         FROM candidates c
         ON CONFLICT (subject_type, subject_id, kind) WHERE done_at IS NULL AND cancelled_at IS NULL DO NOTHING
         RETURNING subject_id, kind
       ), superseded AS (
         UPDATE deadlines d SET cancelled_at = $${n - 1}::timestamptz, cancel_reason = 'superseded by a later missed test',
           updated_at = now()
         FROM opened o
         WHERE d.subject_type = $${n - 2} AND d.subject_id = o.subject_id AND d.kind ^@ 'routine:' AND d.kind < o.kind
           AND d.done_at IS NULL AND d.cancelled_at IS NULL
         RETURNING d.id
       )
       SELECT (SELECT count(*) FROM opened)::int AS opened, (SELECT count(*) FROM superseded)::int AS superseded`,
      params,
    );
    const outcome = { opened: result?.opened ?? 0, superseded: result?.superseded ?? 0, today: input.today };
    if (outcome.opened > 0 || actor) {
      await recordAudit(tx, actor, {
        action: 'routine_sweep',
        entity: 'routine_testing',
        jurisdictionCode: scopes[0] ?? '',
        detail: outcome,
      });
    }
    return outcome;
  });
}

/** The system's sweep (at start and hourly): each outermost pack assignment's subtree in turn. */
export async function sweepAll(ctx: AppContext): Promise<number> {
  const roots = await ctx.db.query<{ code: string }>(
    `SELECT a.jurisdiction_code AS code FROM policy_assignments a
     WHERE NOT EXISTS (SELECT 1 FROM policy_assignments b
       WHERE a.jurisdiction_code ^@ b.jurisdiction_code AND b.jurisdiction_code <> a.jurisdiction_code)
     ORDER BY 1`,
  );
  let opened = 0;
  for (const root of roots) opened += (await sweepRoutine(ctx, undefined, [root.code])).opened;
  return opened;
}
