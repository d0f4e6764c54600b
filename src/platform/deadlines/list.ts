import type { Role } from '../../rules/roles.js';
import type { Actor } from '../access/actor.js';
import { scopeCondition } from '../access/scope.js';
import type { Queryable } from '../db/types.js';
import { escalatedToAnyCondition, nowParam, type StateFilter, stateCondition, stateOrder } from './sql.js';
import { DEADLINE_COLUMNS, type DeadlineRow, type DeadlineView, toViews } from './view.js';

export interface DeadlineFilter {
  /** Default 'pending': every open item, whatever its state. */
  state?: StateFilter | undefined;
  ruleId?: string | undefined;
  ownerRole?: Role | undefined;
  /** A subtree within the caller's scope (of the owner jurisdiction). */
  jurisdiction?: string | undefined;
  personId?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Only overdue items owned below one of the caller's scopes that have climbed to its level or higher. */
  escalatedToMe?: boolean | undefined;
  /** Only overdue items owned below this jurisdiction that have climbed to its level or higher. */
  escalatedTo?: string | undefined;
  /** Only items owned at `jurisdiction` itself, not below it (the dashboard's own-level row). */
  ownLevel?: boolean | undefined;
}

/** Counting stops here: beyond it a list is paged, not read, and an exact count costs a full scan. */
const COUNT_CAP = 10_000;

function deadlineWhere(actor: Actor, filter: DeadlineFilter, now: Date, params: unknown[]): string {
  const nowOf = nowParam(now, params);
  const conditions = [
    scopeCondition('d.jurisdiction_code', actor.scopes, params),
    stateCondition(filter.state ?? 'pending', nowOf),
  ];
  if (filter.jurisdiction)
    conditions.push(scopeCondition('d.jurisdiction_code', [filter.jurisdiction], params));
  if (filter.jurisdiction && filter.ownLevel) {
    params.push(filter.jurisdiction);
    conditions.push(`d.jurisdiction_code = $${params.length}`);
  }
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  };
  equal('d.rule_id', filter.ruleId);
  equal('d.owner_role', filter.ownerRole);
  equal('d.person_id', filter.personId);
  equal('d.subject_type', filter.subjectType);
  equal('d.subject_id', filter.subjectId);
  if (filter.escalatedToMe) conditions.push(escalatedToAnyCondition(actor.scopes, nowOf, params));
  if (filter.escalatedTo) conditions.push(escalatedToAnyCondition([filter.escalatedTo], nowOf, params));
  return conditions.join(' AND ');
}

/** One page of the caller's obligations, with states and escalation as of `now`. */
export async function listDeadlines(
  tx: Queryable,
  actor: Actor,
  filter: DeadlineFilter,
  page: number,
  pageSize: number,
  now: Date,
): Promise<{ items: DeadlineView[]; total: number; totalCapped: boolean }> {
  const params: unknown[] = [];
  const where = deadlineWhere(actor, filter, now, params);
  const rows = await tx.query<DeadlineRow>(
    `SELECT ${DEADLINE_COLUMNS} FROM deadlines d WHERE ${where}
     ORDER BY ${stateOrder(filter.state ?? 'pending')} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM deadlines d WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`,
    params,
  );
  const total = count?.n ?? 0;
  return {
    items: await toViews(tx, rows, now),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
  };
}

/** One obligation in the caller's scope, or undefined. */
export async function findDeadline(
  tx: Queryable,
  actor: Actor,
  id: string,
  now: Date,
): Promise<DeadlineView | undefined> {
  const params: unknown[] = [id];
  const rows = await tx.query<DeadlineRow>(
    `SELECT ${DEADLINE_COLUMNS} FROM deadlines d
     WHERE d.id = $1 AND ${scopeCondition('d.jurisdiction_code', actor.scopes, params)}`,
    params,
  );
  const [view] = await toViews(tx, rows, now);
  return view;
}
