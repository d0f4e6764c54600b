import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline } from '../../platform/deadlines/service.js';
import { AppError } from '../../platform/errors.js';
import { type CarryOver, carryOver, type RecordedResult } from '../../rules/policy/carryOver.js';
import type { Plan } from '../../rules/policy/types.js';
import { localDate } from '../../rules/time.js';
import type { ArrivalRow } from './facts.js';
import { storePlan } from './plans.js';
import { cancelReplacedWork, owedLateOf, PLAN_SUBJECT } from './planWork.js';
import { openReview, type ReviewDetail } from './reviewWork.js';

/**
 * The results the carry-over reads for each of these (active) plans: those recorded on it, then
 * those on the arrival's earlier plans, latest first, each with the plan it is on. A test one
 * version dropped keeps its result on that version's plan; a later version that asks for it again
 * finds it there (issue 12 Deliver 4). The carry-over counts each test taken once.
 */
export async function recordedResultsOf(
  tx: Queryable,
  planIds: readonly string[],
): Promise<Map<string, RecordedResult[]>> {
  const rows = await tx.query<Omit<RecordedResult, 'plan'> & { planId: string; plan: Plan | null }>(
    `SELECT p.id AS "planId", e.id, e.item, e.result, e.at, e.satisfied_by AS "satisfiedBy",
       CASE WHEN o.id = p.id THEN NULL ELSE o.plan END AS plan
     FROM arrival_plans p
     JOIN arrival_plans o ON o.arrival_id = p.arrival_id
     JOIN arrival_plan_events e ON e.plan_id = o.id
     WHERE p.id = ANY ($1::uuid[]) AND (o.id = p.id OR e.item LIKE 'test:%')
     ORDER BY p.id, o.id = p.id DESC, o.created_at DESC, e.at, e.item`,
    [planIds],
  );
  const byPlan = new Map<string, RecordedResult[]>();
  for (const { planId, plan, ...row } of rows) {
    const result = { ...row, at: new Date(row.at), ...(plan ? { plan } : {}) };
    byPlan.set(planId, [...(byPlan.get(planId) ?? []), result]);
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
 * took (one an earlier version dropped included); a positive goes with its moved test; a result the
 * new plan has no place for stays on the replaced plan's history.
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
  const owedLate = (await owedLateOf(tx, [arrival.id], at)).get(arrival.id);
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
  const carried = carryOver(old.plan, next, recorded, localDate(at, next.timeZone), owedLate);
  for (const result of carried.carried) {
    // Copied from the record itself: on the replaced plan, or on an earlier one (a restored test).
    await tx.query(
      `INSERT INTO arrival_plan_events (plan_id, jurisdiction_code, item, result, at, recorded_by, satisfied_by)
       SELECT $2, jurisdiction_code, $3, result, at, recorded_by, $4 FROM arrival_plan_events WHERE id = $1`,
      [result.from.id, newPlanId, result.item, result.satisfiedBy],
    );
    await closeDeadline(
      tx,
      { subjectType: PLAN_SUBJECT, subjectId: arrival.id, kind: result.item },
      { at: result.from.at, outcome: result.from.result },
    );
  }
  return { planId: newPlanId, carried };
}
