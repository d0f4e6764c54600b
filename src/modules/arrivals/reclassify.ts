import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import type { OriginRisk, RiskLevel } from '../../rules/policy/types.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { type ArrivalRow, arrivalColumns, factsOf } from './facts.js';
import { closeOriginReview } from './originReview.js';
import { planFor, storePlan } from './plans.js';
import { getArrival } from './service.js';
import { supersedePlan } from './supersede.js';

export interface Reclassification {
  originRisk: OriginRisk;
  originDistrictRisk?: RiskLevel | null;
  reason: string;
}

/**
 * ARR-7 "第一时间启动相关地区入（返）人员排查追踪，同时追溯倒查 14 天": an area published after a
 * person left it still concerns them. Staff acting on the look-back list set the origin's risk as
 * now known; the governing pack plans again, and the old plan's open work is replaced.
 */
export async function reclassifyArrival(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  arrivalId: string,
  change: Reclassification,
) {
  const before = await getArrival(tx, actor, arrivalId, ctx.now());
  const updated = await tx.query<ArrivalRow>(
    // B7: the level set here is established, so a coarse origin's finer areas no longer stand in for it.
    `UPDATE arrivals SET origin_risk = $2, origin_district_risk = coalesce($3, origin_district_risk),
       origin_finer_risk = NULL
     WHERE id = $1 RETURNING ${arrivalColumns()}`,
    [arrivalId, change.originRisk, change.originDistrictRisk ?? null],
  );
  const arrival = firstRow(updated, 'UPDATE arrivals');
  const timeZone = await effectiveTimeZone(tx, arrival.jurisdictionCode, ctx.config.defaultTimeZone);
  const next = await planFor(ctx, tx, arrival.jurisdictionCode, factsOf(arrival, timeZone));
  const [active] = await tx.query<{ id: string }>(
    "SELECT id FROM arrival_plans WHERE arrival_id = $1 AND status = 'active'",
    [arrivalId],
  );
  if (active) await supersedePlan(tx, arrival, active.id, next ?? null, ctx.now());
  else if (next) await storePlan(tx, arrival, next, ctx.now());
  await tx.query(
    `UPDATE arrivals SET status = CASE WHEN $2 THEN 'planned' ELSE 'no_protocol' END WHERE id = $1`,
    [arrivalId, next !== undefined],
  );
  // B7: the CDC set the origin's level as established; an origin review, if any, is settled.
  await closeOriginReview(tx, arrivalId, ctx.now(), actor.userId);
  await recordAudit(tx, actor, {
    action: 'reclassify',
    entity: 'arrival',
    entityId: arrivalId,
    jurisdictionCode: arrival.jurisdictionCode,
    before: {
      originRisk: before.originRisk,
      originDistrictRisk: before.originDistrictRisk,
      rule: before.ruleId,
    },
    after: {
      originRisk: arrival.originRisk,
      originDistrictRisk: arrival.originDistrictRisk,
      rule: next?.rule ?? null,
    },
    detail: { reason: change.reason },
  });
  return getArrival(tx, actor, arrivalId, ctx.now());
}
