import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { COMPLETE_OVERDUE, FIRST_OVERDUE } from './list.js';

const DAY = 86_400_000;

/**
 * EPI-6 workload per investigator (contract 4 of issue 15) over the jurisdiction: investigations
 * assigned and under way (open, first done, returned for changes), those of them with an EPI-1
 * deadline overdue, and those completed (submitted) in the last 7 days. Most open first.
 */
export async function workload(tx: Queryable, actor: Actor, jurisdiction: string | undefined, now: Date) {
  if (jurisdiction && !inScope(jurisdiction, actor.scopes)) throw notFound();
  const params: unknown[] = [now, new Date(now.getTime() - 7 * DAY)];
  const where = scopeCondition('i.jurisdiction_code', jurisdiction ? [jurisdiction] : actor.scopes, params);
  const items = await tx.query<{
    userId: string;
    displayName: string;
    open: number;
    overdue: number;
    completedLast7Days: number;
  }>(
    `SELECT i.investigator_id AS "userId", max(i.investigator_name) AS "displayName",
       count(*) FILTER (WHERE i.status IN ('open', 'first_done', 'returned'))::int AS open,
       count(*) FILTER (WHERE i.status IN ('open', 'first_done', 'returned')
         AND (${FIRST_OVERDUE} OR ${COMPLETE_OVERDUE}))::int AS overdue,
       count(*) FILTER (WHERE i.complete_done_at >= $2)::int AS "completedLast7Days"
     FROM investigations i
     WHERE i.investigator_id IS NOT NULL AND ${where}
     GROUP BY i.investigator_id
     HAVING count(*) FILTER (WHERE i.status IN ('open', 'first_done', 'returned') OR i.complete_done_at >= $2) > 0
     ORDER BY 3 DESC, 4 DESC, 2`,
    params,
  );
  return { items: items.map((item) => ({ ...item, displayName: item.displayName ?? '' })) };
}
