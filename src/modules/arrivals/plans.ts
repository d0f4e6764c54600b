import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import type { ArrivalFacts, Plan } from '../../rules/policy/types.js';
import { localDate } from '../../rules/time.js';
import { getPack, packInForceFor } from '../policy/index.js';
import type { ArrivalRow } from './facts.js';
import { type Planning, planningWith, reviewPack } from './planningWith.js';
import { openPlanWork } from './planWork.js';
import { openShortfallWork } from './shortfallWork.js';

/**
 * ARR-1 … ARR-10: plans the arrival with the pack version in force on its local date in the
 * destination's zone (issue 12 Deliver 1). Where none was in force, no protocol matches, or the pack
 * sends a coarse origin to the CDC (B7), the answer says why, and the arrival goes to the CDC's
 * review list (Deliver 5) instead of being planned as nothing.
 */
export async function planningFor(
  ctx: AppContext,
  tx: Queryable,
  jurisdictionCode: string,
  facts: ArrivalFacts,
): Promise<Planning> {
  const { timeZone } = facts;
  const arrivalDate = localDate(facts.arrivedAt, timeZone);
  const found = await packInForceFor(ctx.db, tx, jurisdictionCode, arrivalDate);
  if (!found.pack) {
    const { assigned } = found;
    const pack = assigned && (await getPack(ctx.db, tx, assigned.packId, assigned.packVersion));
    return { review: { reason: 'no_pack', arrivalDate, timeZone, pack: pack ? reviewPack(pack) : null } };
  }
  return planningWith(facts, found.pack);
}

/** The unique index that keeps one active plan per arrival (0012_arrivals.sql) refused a second. */
const isActivePlanTaken = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === '23505' &&
  (error as { constraint?: unknown }).constraint === 'arrival_plans_active';

/**
 * Stores a plan as the arrival's active one and opens its work: its tests and phases, and a task for
 * each requirement the arrival did not meet (ARR-8, ARR-9, ARR-10). Returns the plan's id.
 */
export async function storePlan(
  tx: Queryable,
  arrival: Pick<ArrivalRow, 'id' | 'jurisdictionCode' | 'personId'>,
  plan: Plan,
  now: Date,
) {
  const rows = await tx
    .query<{ id: string }>(
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
    )
    .catch((error: unknown) => {
      // Another change planned the arrival at the same time (one active plan each): its own 409.
      throw isActivePlanTaken(error) ? new AppError('plan_replaced') : error;
    });
  const row = firstRow(rows, 'INSERT INTO arrival_plans');
  await openPlanWork(tx, plan, arrival, now);
  await openShortfallWork(tx, plan, arrival, now);
  return row.id;
}
