import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline } from '../../platform/deadlines/service.js';
import type { Plan } from '../../rules/policy/types.js';
import type { ArrivalRow } from './facts.js';
import { storePlan } from './plans.js';
import { cancelPlanWork, PLAN_SUBJECT } from './planWork.js';

/**
 * Replaces an active plan by one from a new pack version (or by none). Its open work is cancelled
 * and the new plan's opened; results already recorded carry over to items the new plan shares, so
 * nobody is asked to repeat a test they took.
 */
export async function supersedePlan(
  tx: Queryable,
  arrival: Pick<ArrivalRow, 'id' | 'jurisdictionCode' | 'personId'>,
  oldPlanId: string,
  next: Plan | null,
  at: Date,
): Promise<string | null> {
  await cancelPlanWork(tx, arrival.id, 'superseded', at);
  await tx.query("UPDATE arrival_plans SET status = 'superseded' WHERE id = $1", [oldPlanId]);
  if (!next) {
    await tx.query("UPDATE arrivals SET status = 'no_protocol' WHERE id = $1", [arrival.id]);
    return null;
  }
  const newPlanId = await storePlan(tx, arrival, next, at);
  await tx.query('UPDATE arrival_plans SET superseded_by = $2 WHERE id = $1', [oldPlanId, newPlanId]);
  const carried = await tx.query<{ item: string; result: string; at: Date }>(
    `INSERT INTO arrival_plan_events (plan_id, jurisdiction_code, item, result, at, recorded_by)
     SELECT $2, jurisdiction_code, item, result, at, recorded_by FROM arrival_plan_events WHERE plan_id = $1
     RETURNING item, result, at`,
    [oldPlanId, newPlanId],
  );
  for (const event of carried) {
    await closeDeadline(
      tx,
      { subjectType: PLAN_SUBJECT, subjectId: arrival.id, kind: event.item },
      { at: new Date(event.at), outcome: event.result },
    );
  }
  return newPlanId;
}
