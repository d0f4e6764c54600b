import type { DeadlineSummary } from '../../api/deadlines.js';
import type { DeadlineState } from '../../rules/deadlines.js';
import type { Actor } from '../access/actor.js';
import { scopeCondition } from '../access/scope.js';
import type { Queryable } from '../db/types.js';
import { CLOSED_AT, escalatedToAnyCondition, nowParam, OPEN, openStateCase } from './sql.js';

/** Closed items count for this long back: the summary is about today's work, not all history. */
const CLOSED_LOOKBACK_MS = 24 * 60 * 60_000;

type Counts = Record<DeadlineState, number>;

const zero = (): Counts => ({ open: 0, due_soon: 0, overdue: 0, done: 0, cancelled: 0 });

/** Counts by rule ID and state in the caller's scope (or a subtree of it), as of `now`. */
export async function summarizeDeadlines(
  tx: Queryable,
  actor: Actor,
  jurisdiction: string | undefined,
  now: Date,
): Promise<DeadlineSummary> {
  const since = new Date(now.getTime() - CLOSED_LOOKBACK_MS);
  /** The caller's scope and the chosen subtree. */
  const scoped = (params: unknown[]) => {
    const parts = [scopeCondition('d.jurisdiction_code', actor.scopes, params)];
    if (jurisdiction) parts.push(scopeCondition('d.jurisdiction_code', [jurisdiction], params));
    return parts.join(' AND ');
  };
  const params: unknown[] = [since.toISOString()];
  const nowOf = nowParam(now, params);
  const where = scoped(params);
  const rows = await tx.query<{ ruleId: string; state: DeadlineState; n: number }>(
    `SELECT d.rule_id AS "ruleId", ${openStateCase(nowOf)} AS state, count(*)::int AS n
     FROM deadlines d WHERE ${where} AND ${OPEN} GROUP BY 1, 2
     UNION ALL
     SELECT d.rule_id, CASE WHEN d.done_at IS NULL THEN 'cancelled' ELSE 'done' END, count(*)::int
     FROM deadlines d WHERE ${where} AND (d.done_at IS NOT NULL OR d.cancelled_at IS NOT NULL)
       AND ${CLOSED_AT} >= $1::timestamptz AND ${CLOSED_AT} <= ${nowOf()}
     GROUP BY 1, 2`,
    params,
  );
  const escalatedParams: unknown[] = [];
  const escalatedWhere = scoped(escalatedParams);
  const escalatedTo = escalatedToAnyCondition(actor.scopes, nowParam(now, escalatedParams), escalatedParams);
  const [escalated] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deadlines d WHERE ${escalatedWhere} AND ${escalatedTo}`,
    escalatedParams,
  );
  const counts = zero();
  const perRule = new Map<string, Counts>();
  for (const { ruleId, state, n } of rows) {
    const ruleCounts = perRule.get(ruleId) ?? zero();
    ruleCounts[state] += n;
    counts[state] += n;
    perRule.set(ruleId, ruleCounts);
  }
  const byRule = [...perRule]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([ruleId, ruleCounts]) => ({ ruleId, counts: ruleCounts }));
  return { counts, escalatedToMe: escalated?.n ?? 0, byRule, closedSince: since.toISOString() };
}
