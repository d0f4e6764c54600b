import { TZDate } from '@date-fns/tz';
import type { Actor } from '../../platform/access/actor.js';
import { firstScope, scopeCondition } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { SAMPLE_CATEGORIES, type SampleCategory, TURNAROUND } from '../../rules/turnaround.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { findLab } from './lab.js';

/**
 * TST-2 due-soon windows as SQL: a pending tube is due soon once it is past the category's target
 * (or in the last quarter of its window), i.e. `due_at - lead` with lead = dueHours − that point.
 * Mirrors turnaroundState in src/rules/turnaround.ts, computed from the same table.
 */
const LEAD_SQL = `(CASE t.category ${SAMPLE_CATEGORIES.map((category) => {
  const { dueHours, targetHours } = TURNAROUND[category];
  const lead = dueHours - Math.min(targetHours, dueHours * 0.75);
  return `WHEN '${category}' THEN interval '${lead * 60} minutes'`;
}).join(' ')} END)`;

export interface LabTurnaround {
  labId: string;
  name: string;
  jurisdictionCode: string;
  received: number;
  pending: number;
  dueSoon: number;
  overdue: number;
  resultedToday: number;
  onTimeToday: number;
  lateToday: number;
  positivesToday: number;
}

/** The lab turnaround board (TST-2): per lab in the caller's subtree, and the sealed tubes no lab has taken in. */
export async function turnaroundBoard(tx: Queryable, ctx: AppContext, actor: Actor, jurisdiction?: string) {
  const scopes = jurisdiction ? [jurisdiction] : actor.scopes;
  const now = ctx.now();
  const empty = {
    asOf: now.toISOString(),
    today: '',
    labs: [],
    unreceived: { count: 0, dueSoon: 0, overdue: 0 },
  };
  if (jurisdiction && !inScope(jurisdiction, actor.scopes)) return empty;
  const timeZone = await effectiveTimeZone(tx, firstScope(scopes), ctx.config.defaultTimeZone);
  const today = localDate(now, timeZone);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const dayStart = new Date(new TZDate(y, m - 1, d, timeZone).getTime());
  const params: unknown[] = [now.toISOString(), dayStart.toISOString()];
  const labScope = scopeCondition('l.jurisdiction_code', scopes, params);
  const labs = await tx.query<LabTurnaround>(
    `SELECT l.id AS "labId", l.name, l.jurisdiction_code AS "jurisdictionCode",
       count(t.id) FILTER (WHERE t.result IS NULL)::int AS received,
       count(t.id) FILTER (WHERE t.result IS NULL AND $1::timestamptz < t.due_at - ${LEAD_SQL})::int AS pending,
       count(t.id) FILTER (WHERE t.result IS NULL AND $1::timestamptz >= t.due_at - ${LEAD_SQL}
         AND $1::timestamptz <= t.due_at)::int AS "dueSoon",
       count(t.id) FILTER (WHERE t.result IS NULL AND $1::timestamptz > t.due_at)::int AS overdue,
       count(t.id) FILTER (WHERE t.resulted_at >= $2)::int AS "resultedToday",
       count(t.id) FILTER (WHERE t.resulted_at >= $2 AND t.resulted_at <= t.due_at)::int AS "onTimeToday",
       count(t.id) FILTER (WHERE t.resulted_at >= $2 AND t.resulted_at > t.due_at)::int AS "lateToday",
       count(t.id) FILTER (WHERE t.resulted_at >= $2 AND t.result = 'positive')::int AS "positivesToday"
     FROM labs l LEFT JOIN tubes t ON t.lab_id = l.id AND (t.result IS NULL OR t.resulted_at >= $2)
     WHERE ${labScope} GROUP BY l.id ORDER BY l.jurisdiction_code, l.name`,
    params,
  );
  const tubeParams: unknown[] = [now.toISOString()];
  const tubeScope = scopeCondition('t.jurisdiction_code', scopes, tubeParams);
  const tallies = await tx.query<{ count: number; dueSoon: number; overdue: number }>(
    `SELECT count(*)::int AS count,
       count(*) FILTER (WHERE $1::timestamptz >= t.due_at - ${LEAD_SQL} AND $1::timestamptz <= t.due_at)::int AS "dueSoon",
       count(*) FILTER (WHERE $1::timestamptz > t.due_at)::int AS overdue
     FROM tubes t WHERE ${tubeScope} AND t.lab_id IS NULL AND t.result IS NULL AND t.sealed_at IS NOT NULL`,
    tubeParams,
  );
  const unreceived = firstRow(tallies, 'SELECT count of unreceived tubes');
  return { asOf: now.toISOString(), today, labs, unreceived };
}

interface OverdueTube {
  barcode: string;
  category: SampleCategory;
  memberCount: number;
  openedAt: string;
  dueAt: string;
  receivedAt: string | null;
  jurisdictionCode: string;
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const OVERDUE_LIMIT = 500;

/** Overdue tubes (no result after due_at) matching `condition`, the longest overdue first, and their number. */
async function overdueWhere(tx: Queryable, condition: string, params: unknown[]) {
  const where = `${condition} AND result IS NULL AND due_at < $1::timestamptz`;
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tubes WHERE ${where}`,
    params,
  );
  const items = await tx.query<OverdueTube>(
    `SELECT barcode, category, member_count AS "memberCount", ${iso('opened_at')} AS "openedAt",
       ${iso('due_at')} AS "dueAt", ${iso('received_at')} AS "receivedAt", jurisdiction_code AS "jurisdictionCode"
     FROM tubes WHERE ${where} ORDER BY due_at, barcode LIMIT ${OVERDUE_LIMIT}`,
    params,
  );
  return { total: count?.n ?? 0, items };
}

/** A lab's overdue tubes, the longest overdue first (TST-2). */
export async function overdueTubes(tx: Queryable, ctx: AppContext, actor: Actor, labId: string) {
  const lab = await findLab(tx, actor, labId);
  const found = await overdueWhere(tx, 'lab_id = $2', [ctx.now().toISOString(), lab.id]);
  return { labId: lab.id, name: lab.name, ...found };
}

/**
 * The overdue tubes sampled in a subtree of the caller's (by default all of it), received by a lab or
 * sealed for one, whichever lab has them (TST-2): the dashboard's overdue-tube figure lists these.
 */
export async function overdueTubesIn(tx: Queryable, ctx: AppContext, actor: Actor, jurisdiction?: string) {
  const empty = { labId: null, name: null, total: 0, items: [] };
  if (jurisdiction && !inScope(jurisdiction, actor.scopes)) return empty;
  const params: unknown[] = [ctx.now().toISOString()];
  const scope = scopeCondition('jurisdiction_code', jurisdiction ? [jurisdiction] : actor.scopes, params);
  const found = await overdueWhere(tx, `${scope} AND (lab_id IS NOT NULL OR sealed_at IS NOT NULL)`, params);
  return { labId: null, name: null, ...found };
}
