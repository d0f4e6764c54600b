import type { QueueFilter } from '../../api/landing.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { REPORT_FROM_SQL, REPORT_VIEW_SQL, type ReportView, withState } from './view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getReport(tx: Queryable, actor: Actor, id: string): Promise<ReportView> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<Omit<ReportView, 'state'>>(
    `SELECT ${REPORT_VIEW_SQL} FROM ${REPORT_FROM_SQL} WHERE r.id = $1`,
    [id],
  );
  if (!row || !inScope(row.destinationCode, actor.scopes)) throw notFound();
  return withState(row);
}

const FILTER_SQL: Record<QueueFilter, string> = {
  new: 'r.looked_at IS NULL',
  looked: 'r.looked_at IS NOT NULL AND r.pushed_at IS NULL AND r.discarded_at IS NULL',
  pushed: 'r.pushed_at IS NOT NULL AND NOT r.cleared',
  cleared: 'r.cleared AND r.discarded_at IS NULL',
  discarded: 'r.discarded_at IS NOT NULL',
  open: 'NOT r.cleared',
  all: 'true',
};

export interface QueueQuery {
  jurisdiction?: string | undefined;
  state?: QueueFilter | undefined;
  /** Reports submitted from this instant on (the local day of a board, say). */
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Oldest first: the report closest to its deadline is at the top. */
export async function listReports(
  tx: Queryable,
  actor: Actor,
  query: QueueQuery,
  page: number,
  pageSize: number,
) {
  if (query.jurisdiction && !inScope(query.jurisdiction, actor.scopes)) throw notFound();
  const params: unknown[] = [];
  const where = [
    scopeCondition('r.jurisdiction_code', query.jurisdiction ? [query.jurisdiction] : actor.scopes, params),
    FILTER_SQL[query.state ?? 'open'],
  ];
  if (query.from) {
    params.push(query.from);
    where.push(`r.submitted_at >= $${params.length}`);
  }
  if (query.to) {
    params.push(query.to);
    where.push(`r.submitted_at < $${params.length}`);
  }
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM landing_reports r WHERE ${condition}`,
    params,
  );
  params.push(pageSize, (page - 1) * pageSize);
  const rows = await tx.query<Omit<ReportView, 'state'>>(
    `SELECT ${REPORT_VIEW_SQL} FROM ${REPORT_FROM_SQL} WHERE ${condition}
     ORDER BY r.submitted_at, r.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: rows.map(withState), total: count?.n ?? 0 };
}
