import { scopeCondition } from '../access/scope.js';
import type { Queryable } from '../db/types.js';
import { nowParam, stateCondition } from './sql.js';

export interface OwnerCounts {
  /** The owner jurisdiction's code. */
  code: string;
  overdue: number;
  dueSoon: number;
  /** Overdue items owned below the subtree's root that have climbed to its level or higher. */
  escalated: number;
}

type Column = keyof Omit<OwnerCounts, 'code'>;

/**
 * Open items of the subtree `root` that are overdue, due soon, or have climbed to `root`'s level as
 * of `now`, per owner jurisdiction: each count the rows of the deadlines list
 * `?jurisdiction=…&state=overdue|due_soon` or `&escalatedTo=root` shows. Overdue and escalated
 * items are summed from the counters of migration 0086 (the instants items fall due and reach each
 * level, kept by triggers); due-soon items, due within the hour, are few and read by the list's own
 * condition (sql.ts).
 */
export async function urgentByOwner(tx: Queryable, root: string, now: Date): Promise<OwnerCounts[]> {
  const range = [root, `${root}:`, now.toISOString()];
  const overdue = await tx.query<{ code: string; n: number }>(
    `SELECT jurisdiction_code AS code, sum(items)::int AS n FROM deadline_due_counts
     WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2 AND due_at < $3::timestamptz GROUP BY 1`,
    range,
  );
  const escalated = await tx.query<{ code: string; n: number }>(
    `SELECT jurisdiction_code AS code, sum(items)::int AS n FROM deadline_climb_counts
     WHERE level = $4 AND jurisdiction_code >= $1 AND jurisdiction_code < $2
       AND (reached_at < $3::timestamptz OR (reached_at = $3::timestamptz AND NOT strict))
     GROUP BY 1`,
    [...range, root.length],
  );
  const params: unknown[] = [];
  const dueSoonCondition = stateCondition('due_soon', nowParam(now, params));
  const dueSoon = await tx.query<{ code: string; n: number }>(
    `SELECT d.jurisdiction_code AS code, count(*)::int AS n FROM deadlines d
     WHERE ${scopeCondition('d.jurisdiction_code', [root], params)} AND ${dueSoonCondition} GROUP BY 1`,
    params,
  );
  const byCode = new Map<string, OwnerCounts>();
  const add = (rows: ReadonlyArray<{ code: string; n: number }>, column: Column) => {
    for (const { code, n } of rows) {
      const counts = byCode.get(code) ?? { code, overdue: 0, dueSoon: 0, escalated: 0 };
      counts[column] += n;
      byCode.set(code, counts);
    }
  };
  add(overdue, 'overdue');
  add(dueSoon, 'dueSoon');
  add(escalated, 'escalated');
  return [...byCode.values()];
}
