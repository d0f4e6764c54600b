import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import type { OriginRisk, RiskLevel } from '../../rules/policy/types.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { type ArrivalRow, arrivalColumns, factsOf } from './facts.js';
import { planningFor, storePlan } from './plans.js';
import { closeReviews, openReview } from './reviewWork.js';
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
  const { plan: next, review } = await planningFor(
    ctx,
    tx,
    arrival.jurisdictionCode,
    factsOf(arrival, timeZone),
  );
  const [active] = await tx.query<{ id: string }>(
    "SELECT id FROM arrival_plans WHERE arrival_id = $1 AND status = 'active'",
    [arrivalId],
  );
  if (active) await supersedePlan(tx, arrival, active.id, next ?? null, ctx.now());
  else if (next) await storePlan(tx, arrival, next, ctx.now());
  await tx.query('UPDATE arrivals SET status = $2, review_detail = $3 WHERE id = $1', [
    arrivalId,
    review?.reason ?? 'planned',
    review ? JSON.stringify(review) : null,
  ]);
  // B7, issue 12 Deliver 5: the level set here is established, so the reviews it answers are
  // settled; one that still plans nothing stays on (or goes to) the CDC's list for its new reason.
  const settled = { at: ctx.now(), by: actor.userId, outcome: 'reclassified' };
  await closeReviews(tx, arrivalId, settled, review?.reason);
  if (review) await openReview(tx, arrival, review, ctx.now());
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
      review: review?.reason ?? null,
    },
    detail: { reason: change.reason },
  });
  return getArrival(tx, actor, arrivalId, ctx.now());
}
