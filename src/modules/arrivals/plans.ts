import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { needsOriginReview, planArrival } from '../../rules/policy/engine.js';
import type { ArrivalFacts, Plan, PlanRisk } from '../../rules/policy/types.js';
import { getPack, governingAssignment } from '../policy/index.js';
import type { ArrivalRow } from './facts.js';
import { openPlanWork } from './planWork.js';

/** The plan the pack governing `jurisdictionCode` prescribes for these facts, if any protocol matches. */
export async function planFor(
  ctx: AppContext,
  tx: Queryable,
  jurisdictionCode: string,
  facts: ArrivalFacts,
): Promise<Plan | undefined> {
  const assignment = await governingAssignment(tx, jurisdictionCode);
  if (!assignment) return undefined;
  const pack = await getPack(ctx.db, tx, assignment.packId, assignment.packVersion);
  return pack && planArrival(facts, pack);
}

/**
 * B7: the governing pack sends these facts to the CDC (an origin known only to a level holding a
 * published area, and a pack whose `coarseOrigin` reads `review`); undefined otherwise.
 */
export async function originReviewFor(
  ctx: AppContext,
  tx: Queryable,
  jurisdictionCode: string,
  facts: ArrivalFacts,
): Promise<PlanRisk['coarse'] | undefined> {
  const assignment = await governingAssignment(tx, jurisdictionCode);
  if (!assignment) return undefined;
  const pack = await getPack(ctx.db, tx, assignment.packId, assignment.packVersion);
  return pack && needsOriginReview(facts, pack);
}

/** Stores a plan as the arrival's active one and opens its work; returns the plan's id. */
export async function storePlan(
  tx: Queryable,
  arrival: Pick<ArrivalRow, 'id' | 'jurisdictionCode' | 'personId'>,
  plan: Plan,
  now: Date,
) {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO arrival_plans (arrival_id, jurisdiction_code, pack_id, pack_version, protocol_id, rule_id, day0, release_date, plan)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      arrival.id,
      arrival.jurisdictionCode,
      plan.packId,
      plan.packVersion,
      plan.protocolId,
      plan.rule,
      plan.day0,
      plan.releaseDate,
      JSON.stringify(plan),
    ],
  );
  const row = firstRow(rows, 'INSERT INTO arrival_plans');
  await openPlanWork(tx, plan, arrival, now);
  return row.id;
}
