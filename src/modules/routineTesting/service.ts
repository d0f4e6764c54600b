import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import {
  cancelDeadlinesByKindPrefix,
  cancelSupersededDeadlines,
  DEADLINE_TITLE_MAX,
  type DeadlineInput,
  openNewDeadlines,
} from '../../platform/deadlines/service.js';
import { forbidden } from '../../platform/errors.js';
import { KEY_GROUPS, type KeyGroup } from '../../rules/keyGroups.js';
import { inScope } from '../../rules/roles.js';
import { endOfLocalDay, localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { PERSON_SUBJECT, ROUTINE_MISSED_KIND_PREFIX, routineMissedKind } from '../testing/index.js';
import { routineRules } from './rules.js';
import { rankingScopes, readSchedule, type ScheduleRow, scheduleCte } from './scheduleSql.js';

type ScheduleState = 'due' | 'overdue' | 'ok';

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
  // Rules of whole counties: a school's weekday slots are ranked county-wide (scheduleCte).
  const { rules, assignments } = await routineRules(ctx.db, tx, rankingScopes(scopes));
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
    params.push(filter.jurisdiction ?? '', filter.keyGroup ?? null, filter.state ?? null);
    params.push(pageSize, (page - 1) * pageSize);
    const n = params.length;
    const where = `jurisdiction_code ^@ $${n - 4} AND ($${n - 3}::text IS NULL OR key_group = $${n - 3})
         AND ($${n - 2}::text IS NULL OR state = $${n - 2})`;
    const rows = await tx.query<ScheduleItem & { total: number; deptZh: string; deptEn: string }>(
      `${cte}
       SELECT id AS "personId", name, jurisdiction_code AS "jurisdictionCode", key_group AS "keyGroup", times,
         per_days AS "perDays", CASE WHEN slots > 0 THEN 'working_day_share' END AS allocation, slot,
         CASE WHEN slots > 0 THEN slots END AS slots,
         dept_zh AS "deptZh", dept_en AS "deptEn", to_char(last_test, 'YYYY-MM-DD') AS "lastTest",
         to_char(next_due, 'YYYY-MM-DD') AS "nextDue", state, count(*) OVER ()::int AS total
       FROM due WHERE ${where}
       ORDER BY next_due, name, id LIMIT $${n - 1} OFFSET $${n}`,
      params,
    );
    // A page past the end has no row to carry the count: count on its own (item 23).
    const [counted] =
      rows.length === 0 && page > 1
        ? await tx.query<{ n: number }>(
            `${cte} SELECT count(*)::int AS n FROM due WHERE ${where}`,
            params.slice(0, n - 2),
          )
        : [];
    const items = rows.map(({ total: _t, deptZh, deptEn, ...item }) => ({
      ...item,
      department: { zh: deptZh, en: deptEn },
    }));
    return { items, total: rows[0]?.total ?? counted?.n ?? 0, today: input.today };
  });
}

/** A title cut to what the deadlines service takes, never inside a character. */
function titleOf(text: string): string {
  let title = '';
  for (const character of text) {
    if (title.length + character.length > DEADLINE_TITLE_MAX) break;
    title += character;
  }
  return title;
}

/** The same-day item TST-5 opens for a missed test, on the department liaison's list at the county. */
function missedTestDeadline(row: ScheduleRow, missedOn: string, at: Date, dueAt: Date): DeadlineInput {
  const group = KEY_GROUPS[row.keyGroup as KeyGroup];
  const code = row.jurisdictionCode;
  return {
    ruleId: 'TST-5',
    subjectType: PERSON_SUBJECT,
    subjectId: row.personId,
    kind: routineMissedKind(missedOn),
    personId: row.personId,
    jurisdictionCode: code.length >= 6 ? code.slice(0, 6) : code,
    ownerRole: 'department_liaison',
    openedAt: at,
    dueAt,
    title: {
      zh: titleOf(`${row.deptZh}：${group.zh}漏检核酸（应检日 ${missedOn}），当日组织检测`),
      en: titleOf(`${row.deptEn}: missed routine NAT of ${group.en} (due ${missedOn}), test today`),
    },
  };
}

/**
 * TST-5: a missed test is owed only while the person is on the schedule. The open missed-test items
 * of people of `input.scopes` who are not (they left every key group, or no rule covers their groups
 * any more) are cancelled, so that they do not go overdue and escalate. Returns how many.
 */
async function cancelNoLongerOwed(
  tx: Queryable,
  input: Awaited<ReturnType<typeof inputFor>>,
  at: Date,
): Promise<number> {
  const params: unknown[] = [];
  const cte = scheduleCte(input, params);
  params.push(PERSON_SUBJECT, ROUTINE_MISSED_KIND_PREFIX, [...input.scopes]);
  const n = params.length;
  const stale = await tx.query<{ id: string }>(
    `${cte}
     SELECT DISTINCT d.subject_id AS id FROM deadlines d JOIN persons p ON p.id = d.subject_id
     WHERE d.subject_type = $${n - 2} AND d.kind ^@ $${n - 1} AND d.done_at IS NULL AND d.cancelled_at IS NULL
       AND p.jurisdiction_code ^@ ANY ($${n}::text[]) AND NOT EXISTS (SELECT 1 FROM due WHERE due.id = p.id)`,
    params,
  );
  const ids = stale.map((row) => row.id);
  return cancelDeadlinesByKindPrefix(
    tx,
    PERSON_SUBJECT,
    ids,
    ROUTINE_MISSED_KIND_PREFIX,
    'no longer owed',
    at,
  );
}

/**
 * TST-5: opens a same-day item on the supervising department's list for everyone whose due date
 * passed without a sample (owner 'department_liaison' at the person's county). Idempotent: a
 * missed date already pushed (open or done) is not pushed again; an older open one is cancelled
 * as superseded, since only the latest miss is worked. Set-based: one read of the subtree's
 * schedule, one insert and one cancel through the platform's deadline service. Items of people no
 * longer on the schedule are cancelled (cancelNoLongerOwed).
 */
export async function sweepRoutine(
  ctx: AppContext,
  actor: Actor | undefined,
  scopes: readonly string[],
): Promise<{ opened: number; superseded: number; noLongerOwed: number; today: string }> {
  return ctx.db.transaction(async (tx) => {
    const input = await inputFor(ctx, tx, scopes);
    const now = ctx.now();
    const noLongerOwed = await cancelNoLongerOwed(tx, input, now);
    if (input.rules.length === 0) return { opened: 0, superseded: 0, noLongerOwed, today: input.today };
    const dueAt = endOfLocalDay(input.today, input.timeZone);
    const missed = await readSchedule(tx, input, { missedOnly: true });
    const opened = await openNewDeadlines(
      tx,
      missed.flatMap((row) =>
        row.latestMissed ? [missedTestDeadline(row, row.latestMissed, now, dueAt)] : [],
      ),
    );
    const superseded = await cancelSupersededDeadlines(
      tx,
      opened,
      ROUTINE_MISSED_KIND_PREFIX,
      'superseded by a later missed test',
      now,
    );
    const outcome = { opened: opened.length, superseded, noLongerOwed, today: input.today };
    if (outcome.opened > 0 || noLongerOwed > 0 || actor) {
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
