import type { CaseQuery, CaseView } from '../../api/cases.js';
import type { Actor } from '../../platform/access/actor.js';
import { firstScope, scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { inScope } from '../../rules/roles.js';
import { endOfLocalDay, startOfLocalDay } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { CASE_FROM_SQL, CASE_VIEW_SQL } from './view.js';

/**
 * Cases in the caller's subtree, newest report first; the CDC's queue (awaiting review) oldest due
 * first, so the most pressing review is on top (CAS-2).
 */
export async function listCases(
  tx: Queryable,
  actor: Actor,
  filter: CaseQuery,
  page: number,
  pageSize: number,
  defaultTimeZone: string,
) {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes)) return { items: [], total: 0 };
  const params: unknown[] = [];
  const scopes = filter.jurisdiction ? [filter.jurisdiction] : actor.scopes;
  const where = [scopeCondition('c.jurisdiction_code', scopes, params)];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('$?', `$${params.length}`));
  };
  if (filter.classification) add('c.classification = $?', filter.classification);
  if (filter.status) add('c.status = $?', filter.status);
  if (filter.open !== undefined)
    where.push(filter.open ? "c.status <> 'discarded'" : "c.status = 'discarded'");
  if (filter.personId) add('c.person_id = $?', filter.personId);
  if (filter.awaitingReview !== undefined)
    where.push(filter.awaitingReview ? 'pending.due IS NOT NULL' : 'pending.due IS NULL');
  if (filter.from || filter.to) {
    const timeZone = await effectiveTimeZone(tx, firstScope(scopes), defaultTimeZone);
    if (filter.from) add('c.reported_at >= $?::timestamptz', startOfLocalDay(filter.from, timeZone));
    if (filter.to) add('c.reported_at < $?::timestamptz', endOfLocalDay(filter.to, timeZone));
  }
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${CASE_FROM_SQL} WHERE ${condition}`,
    params,
  );
  const order = filter.awaitingReview ? 'pending.due, c.reported_at' : 'c.reported_at DESC, c.id';
  const items = await tx.query<CaseView>(
    `SELECT ${CASE_VIEW_SQL} FROM ${CASE_FROM_SQL} WHERE ${condition} ORDER BY ${order}
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items, total: count?.n ?? 0 };
}
