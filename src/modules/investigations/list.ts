import type { InvestigationSummary } from '../../api/investigations.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { SUMMARY_FROM, SUMMARY_SQL, type SummaryRow, toSummary } from './view.js';

export interface InvestigationFilter {
  jurisdiction?: string | undefined;
  status?: string | undefined;
  overdue?: 'first' | 'complete' | 'any' | undefined;
  investigatorId?: string | undefined;
  caseId?: string | undefined;
}

/** EPI-1 overdue tests on the investigation's own times ($1 is now). */
export const FIRST_OVERDUE = `(i.first_done_at IS NULL AND i.closed_at IS NULL AND i.first_due_at < $1)`;
export const COMPLETE_OVERDUE = `(i.complete_done_at IS NULL AND i.closed_at IS NULL AND i.complete_due_at < $1)`;

/**
 * Investigations of the caller's scope (or a subtree of it): those with work outstanding first,
 * the earliest due first, then the rest newest first.
 */
export async function listInvestigations(
  tx: Queryable,
  actor: Actor,
  filter: InvestigationFilter,
  page: number,
  pageSize: number,
  now: Date,
): Promise<{ items: InvestigationSummary[]; total: number }> {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes)) throw notFound();
  const params: unknown[] = [now];
  // $1 (now) is typed here, as the overdue filters that read it may be absent.
  const where = [
    '$1::timestamptz IS NOT NULL',
    scopeCondition('i.jurisdiction_code', filter.jurisdiction ? [filter.jurisdiction] : actor.scopes, params),
  ];
  if (filter.status === 'under_way') where.push(`i.status IN ('open', 'first_done', 'returned')`);
  else if (filter.status) {
    params.push(filter.status);
    where.push(`i.status = $${params.length}`);
  }
  if (filter.overdue === 'first') where.push(FIRST_OVERDUE);
  if (filter.overdue === 'complete') where.push(COMPLETE_OVERDUE);
  if (filter.overdue === 'any') where.push(`(${FIRST_OVERDUE} OR ${COMPLETE_OVERDUE})`);
  if (filter.investigatorId) {
    params.push(filter.investigatorId);
    where.push(`i.investigator_id = $${params.length}`);
  }
  if (filter.caseId) {
    params.push(filter.caseId);
    where.push(`i.id = $${params.length}`);
  }
  const clause = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM investigations i WHERE ${clause}`,
    params,
  );
  params.push(pageSize, (page - 1) * pageSize);
  const rows = await tx.query<SummaryRow>(
    `SELECT ${SUMMARY_SQL} FROM ${SUMMARY_FROM} WHERE ${clause}
     ORDER BY (i.status IN ('released', 'closed')), CASE WHEN i.status IN ('released', 'closed') THEN NULL
       WHEN i.first_done_at IS NULL THEN i.first_due_at ELSE i.complete_due_at END NULLS LAST,
       i.opened_at DESC, i.id
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: rows.map((row) => toSummary(row, now)), total: count?.n ?? 0 };
}
