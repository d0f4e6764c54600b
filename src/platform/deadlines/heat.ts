import { scopeCondition } from '../access/scope.js';
import type { Queryable } from '../db/types.js';
import { escalatedToAnyCondition, nowParam, stateCondition } from './sql.js';

export interface OwnerCounts {
  /** The owner jurisdiction's code. */
  code: string;
  overdue: number;
  dueSoon: number;
  /** Overdue items owned below the subtree's root that have climbed to its level or higher. */
  escalated: number;
}

/**
 * Open items of the subtree `root` that are overdue or due soon as of `now`, per owner
 * jurisdiction, by the very conditions the deadlines list filters with (sql.ts), so that each
 * count is the rows of the list `?jurisdiction=…&state=…` (or `escalatedTo=root`) shows.
 */
export async function urgentByOwner(tx: Queryable, root: string, now: Date): Promise<OwnerCounts[]> {
  const params: unknown[] = [];
  const nowOf = nowParam(now, params);
  const overdue = stateCondition('overdue', nowOf);
  const dueSoon = stateCondition('due_soon', nowOf);
  const escalated = escalatedToAnyCondition([root], nowOf, params);
  return tx.query<OwnerCounts>(
    `SELECT d.jurisdiction_code AS code,
       (count(*) FILTER (WHERE ${overdue}))::int AS overdue,
       (count(*) FILTER (WHERE ${dueSoon}))::int AS "dueSoon",
       (count(*) FILTER (WHERE ${escalated}))::int AS escalated
     FROM deadlines d
     WHERE ${scopeCondition('d.jurisdiction_code', [root], params)} AND ((${overdue}) OR (${dueSoon}))
     GROUP BY d.jurisdiction_code`,
    params,
  );
}
