import type { Static } from 'typebox';
import type { PositiveTube } from '../../api/labResults.js';
import type { Actor } from '../../platform/access/actor.js';
import { firstScope, scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { inScope } from '../../rules/roles.js';
import { endOfLocalDay, startOfLocalDay } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';

export interface PositiveFilter {
  jurisdiction?: string | undefined;
  labId?: string | undefined;
  /** Resulted on these local days of the jurisdiction, both included. */
  from?: string | undefined;
  to?: string | undefined;
  /** A pool (more than one place) or a single-person tube. */
  kind?: 'pool' | 'single' | undefined;
}

/** Positive tubes in the caller's subtree, newest first, with how many of their members are still under control (TST-1, TST-3). */
export async function positiveTubes(
  tx: Queryable,
  actor: Actor,
  filter: PositiveFilter,
  page: number,
  pageSize: number,
  defaultTimeZone: string,
) {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes))
    return { items: [], total: 0, page, pageSize };
  const params: unknown[] = [];
  const scopes = filter.jurisdiction ? [filter.jurisdiction] : actor.scopes;
  const where = ["t.result = 'positive'", scopeCondition('t.jurisdiction_code', scopes, params)];
  if (filter.labId) {
    params.push(filter.labId);
    where.push(`t.lab_id = $${params.length}`);
  }
  if (filter.kind) where.push(filter.kind === 'pool' ? 't.capacity > 1' : 't.capacity = 1');
  const timeZone =
    filter.from || filter.to ? await effectiveTimeZone(tx, firstScope(scopes), defaultTimeZone) : '';
  if (filter.from) {
    params.push(startOfLocalDay(filter.from, timeZone).toISOString());
    where.push(`t.resulted_at >= $${params.length}::timestamptz`);
  }
  if (filter.to) {
    params.push(endOfLocalDay(filter.to, timeZone).toISOString());
    where.push(`t.resulted_at < $${params.length}::timestamptz`);
  }
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tubes t WHERE ${condition}`,
    params,
  );
  const items = await tx.query<Static<typeof PositiveTube>>(
    `SELECT t.barcode, t.jurisdiction_code AS "jurisdictionCode", t.lab_id AS "labId", t.member_count AS "memberCount",
       to_char(t.resulted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "resultedAt",
       (SELECT count(*)::int FROM person_controls pc WHERE pc.tube_id = t.id AND pc.cleared_at IS NULL) AS "openControls"
     FROM tubes t WHERE ${condition} ORDER BY t.resulted_at DESC, t.barcode
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items, total: count?.n ?? 0, page, pageSize };
}
