import { scopeCondition } from '../access/scope.js';
import type { Queryable } from '../db/types.js';
import { nowParam, OPEN, stateCondition } from './sql.js';

/**
 * Open items of one rule in the subtree `root` as of `now`, and how many of them are overdue, by
 * the conditions the deadlines list filters with (`?jurisdiction=…&ruleId=…` and `&state=overdue`).
 */
export async function openOfRule(
  tx: Queryable,
  root: string,
  ruleId: string,
  now: Date,
): Promise<{ open: number; overdue: number }> {
  const params: unknown[] = [ruleId];
  const overdue = stateCondition('overdue', nowParam(now, params));
  const [row] = await tx.query<{ open: number; overdue: number }>(
    `SELECT count(*)::int AS open, (count(*) FILTER (WHERE ${overdue}))::int AS overdue
     FROM deadlines d
     WHERE d.rule_id = $1 AND ${scopeCondition('d.jurisdiction_code', [root], params)} AND ${OPEN}`,
    params,
  );
  return row ?? { open: 0, overdue: 0 };
}
