import { REVIEW_REASONS, type ReviewReason, type SettleReviewBody } from '../../api/arrivals.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { Role } from '../../rules/roles.js';
import { closeReviews } from './reviewWork.js';
import { getArrival } from './service.js';

/** The review is the CDC's (its obligation's owner); an administrator may act for them. */
const SETTLERS: readonly Role[] = ['cdc_epidemiologist', 'admin'];

const awaiting = (status: string): status is ReviewReason => REVIEW_REASONS.includes(status as ReviewReason);

/**
 * Issue 12 Deliver 5: the CDC settles an arrival that nothing planned without reclassifying it,
 * deciding that no measures are needed or that they were arranged by hand, with the reason. The
 * arrival leaves the review list (status reviewed), its review obligations close, and the decision
 * is audited and kept with the arrival.
 */
export async function settleReview(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  arrivalId: string,
  body: SettleReviewBody,
) {
  if (!actor.roles.some((role) => SETTLERS.includes(role))) {
    throw new AppError('forbidden', [fieldError('decision', 'review_cdc_only')]);
  }
  const now = ctx.now();
  const before = await getArrival(tx, actor, arrivalId, now);
  if (!awaiting(before.status))
    throw new AppError('review_settled', [fieldError('decision', 'review_not_pending')]);
  const decision = { decision: body.decision, reason: body.reason, by: actor.userId, at: now.toISOString() };
  // Guarded on the status, so that two people settling at once get one success and one refusal.
  const updated = await tx.query(
    `UPDATE arrivals SET status = 'reviewed', review_decision = $2
     WHERE id = $1 AND status IN ('origin_review', 'no_protocol', 'no_pack') RETURNING id`,
    [arrivalId, JSON.stringify(decision)],
  );
  if (updated.length === 0)
    throw new AppError('review_settled', [fieldError('decision', 'review_not_pending')]);
  await closeReviews(tx, arrivalId, {
    at: now,
    by: actor.userId,
    outcome: `${body.decision}: ${body.reason}`,
  });
  await recordAudit(tx, actor, {
    action: 'review_settle',
    entity: 'arrival',
    entityId: arrivalId,
    jurisdictionCode: before.jurisdictionCode,
    before: { status: before.status },
    after: { status: 'reviewed' },
    detail: { decision: body.decision, reason: body.reason },
  });
  return getArrival(tx, actor, arrivalId, now);
}
