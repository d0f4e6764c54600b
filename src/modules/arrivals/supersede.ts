import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline } from '../../platform/deadlines/service.js';
import { AppError } from '../../platform/errors.js';
import { type CarryOver, carryOver, type RecordedResult } from '../../rules/policy/carryOver.js';
import type { Plan } from '../../rules/policy/types.js';
import { localDate } from '../../rules/time.js';
import type { ArrivalRow } from './facts.js';
import { storePlan } from './plans.js';
import { cancelReplacedWork, PLAN_SUBJECT } from './planWork.js';
import { openReview, type ReviewDetail } from './reviewWork.js';

/** The results recorded on each of these plans, as the carry-over rule reads them. */
export async function recordedResultsOf(
  tx: Queryable,
  planIds: readonly string[],
): Promise<Map<string, RecordedResult[]>> {
  const rows = await tx.query<RecordedResult & { planId: string }>(
    `SELECT plan_id AS "planId", item, result, at, satisfied_by AS "satisfiedBy"
     FROM arrival_plan_events WHERE plan_id = ANY ($1::uuid[]) ORDER BY at, item`,
    [planIds],
  );
  const byPlan = new Map<string, RecordedResult[]>();
  for (const { planId, ...row } of rows) {
    byPlan.set(planId, [...(byPlan.get(planId) ?? []), { ...row, at: new Date(row.at) }]);
  }
  return byPlan;
}

export interface Superseded {
  /** The new plan's id; null when no protocol matches any more. */
  planId: string | null;
  /** What the person's recorded results meant for the new plan; null without one. */
  carried: CarryOver | null;
}

/**
 * Replaces an active plan by one from a new pack version (or by none, and then the arrival goes to
 * the CDC's review list with `review`'s reason). Its open work is cancelled
 * and the new plan's opened (a test it adds in the past gets a catch-up due time, planWork.ts).
 * Issue 12 Deliver 4: results already recorded carry over (src/rules/policy/carryOver.ts): a test
 * the new plan keeps keeps its result, a moved test that a done test satisfies is recorded as done
 * with the item that satisfied it and its deadline closed, so nobody is asked to repeat a test they
 * took; a result the new plan has no place for stays on the replaced plan's history.
 */
export async function supersedePlan(
  tx: Queryable,
  arrival: Pick<ArrivalRow, 'id' | 'jurisdictionCode' | 'personId'>,
  oldPlanId: string,
  next: Plan | null,
  at: Date,
  review?: ReviewDetail,
): Promise<Superseded> {
  // Issue 12: locked first, so two changes at once cannot both replace it; the later one finds it
  // replaced and is refused on its own, rather than breaking the one-active-plan index (500).
  const [old] = await tx.query<{ plan: Plan; status: string }>(
    'SELECT plan, status FROM arrival_plans WHERE id = $1 FOR UPDATE',
    [oldPlanId],
  );
  if (old?.status !== 'active') throw new AppError('plan_replaced');
  const recorded = (await recordedResultsOf(tx, [oldPlanId])).get(oldPlanId) ?? [];
  await cancelReplacedWork(tx, arrival.id, at);
  await tx.query("UPDATE arrival_plans SET status = 'superseded' WHERE id = $1", [oldPlanId]);
  if (!next) {
    // Issue 12 Deliver 5: planned by nothing, the arrival goes to the CDC's list, with the reason
    // when the caller gives it (a reclassification records its own).
    await tx.query(
      'UPDATE arrivals SET status = $2, review_detail = coalesce($3, review_detail) WHERE id = $1',
      [arrival.id, review?.reason ?? 'no_protocol', review ? JSON.stringify(review) : null],
    );
    if (review) await openReview(tx, arrival, review, at);
    return { planId: null, carried: null };
  }
  const newPlanId = await storePlan(tx, arrival, next, at);
  await tx.query('UPDATE arrival_plans SET superseded_by = $2 WHERE id = $1', [oldPlanId, newPlanId]);
  if (!old) return { planId: newPlanId, carried: null };
  const carried = carryOver(old.plan, next, recorded, localDate(at, next.timeZone));
  for (const result of carried.carried) {
    await tx.query(
      `INSERT INTO arrival_plan_events (plan_id, jurisdiction_code, item, result, at, recorded_by, satisfied_by)
       SELECT $2, jurisdiction_code, $3, result, at, recorded_by, $4 FROM arrival_plan_events
       WHERE plan_id = $1 AND item = $5`,
      [oldPlanId, newPlanId, result.item, result.satisfiedBy, result.from.item],
    );
    await closeDeadline(
      tx,
      { subjectType: PLAN_SUBJECT, subjectId: arrival.id, kind: result.item },
      { at: result.from.at, outcome: result.from.result },
    );
  }
  return { planId: newPlanId, carried };
}
