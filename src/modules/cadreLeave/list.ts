import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import type { LeaveStatus, LeaveView } from './schemas.js';
import { leaveViewSql } from './view.js';

export interface LeaveFilter {
  jurisdiction?: string | undefined;
  status?: LeaveStatus | undefined;
  personId?: string | undefined;
}

/** Leaves in the caller's subtrees: pending ones first (they wait for a decision), then newest. */
export async function listLeaves(
  tx: Queryable,
  actor: Actor,
  filter: LeaveFilter,
  page: number,
  pageSize: number,
  now: Date,
): Promise<{ items: LeaveView[]; total: number }> {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes)) {
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  }
  const params: unknown[] = [];
  const where = [
    scopeCondition('l.jurisdiction_code', filter.jurisdiction ? [filter.jurisdiction] : actor.scopes, params),
  ];
  if (filter.status) {
    params.push(filter.status);
    where.push(`l.status = $${params.length}`);
  }
  if (filter.personId) {
    params.push(filter.personId);
    where.push(`l.person_id = $${params.length}`);
  }
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cadre_leaves l WHERE ${condition}`,
    params,
  );
  const items = await tx.query<LeaveView>(
    `SELECT ${leaveViewSql(params.length + 1)} FROM cadre_leaves l WHERE ${condition}
     ORDER BY (l.status = 'pending') DESC, l.applied_at DESC, l.id
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    [...params, now],
  );
  return { items, total: count?.n ?? 0 };
}
