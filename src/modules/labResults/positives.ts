import type { Static } from 'typebox';
import type { PositiveTube } from '../../api/labResults.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { inScope } from '../../rules/roles.js';

/** Positive tubes in the caller's subtree, newest first, with how many of their members are still under control (TST-1, TST-3). */
export async function positiveTubes(
  tx: Queryable,
  actor: Actor,
  filter: { jurisdiction?: string | undefined; labId?: string | undefined },
  page: number,
  pageSize: number,
) {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes))
    return { items: [], total: 0, page, pageSize };
  const params: unknown[] = [];
  const where = [
    "t.result = 'positive'",
    scopeCondition('t.jurisdiction_code', filter.jurisdiction ? [filter.jurisdiction] : actor.scopes, params),
  ];
  if (filter.labId) {
    params.push(filter.labId);
    where.push(`t.lab_id = $${params.length}`);
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
