import type { ImpactRequest, ImpactResult } from '../../api/policy.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { testKey } from '../../rules/policy/itemKeys.js';
import type { Plan } from '../../rules/policy/types.js';
import { supersedePlan } from '../arrivals/index.js';
import { assignableVersion } from './assignable.js';
import { assessImpact, type Replanning } from './impact.js';
import { lockGovernedPlans } from './impactScope.js';
import { assignPack } from './store.js';

const planRef = (id: string, plan: Plan) => ({
  planId: id,
  packId: plan.packId,
  version: plan.packVersion,
  protocol: plan.protocolId,
  rule: plan.rule,
});

/**
 * Applies a previewed change (issue 12 Deliver 3, 4, 7): assigns the version, then supersedes every
 * governed plan: changed ones with the new version's plan (results carried over, catch-ups for
 * tests added in the past), unchanged ones with the identical plan of the new version, so that a
 * plan always names the version that governs it. Each arrival's history gets a 'replan' entry,
 * and the apply one entry listing every plan it replaced, old and new.
 */
export async function applyImpact(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  request: ImpactRequest,
): Promise<ImpactResult> {
  await assignableVersion(ctx.db, tx, actor, request);
  // Issue 12 Deliver 3, 4: the plans are read, carried over and replaced as they stand once locked.
  await lockGovernedPlans(tx, request.jurisdictionCode);
  const { view, replannings } = await assessImpact(ctx, tx, actor, request);
  await assignPack(
    tx,
    { jurisdictionCode: request.jurisdictionCode, packId: request.packId, packVersion: request.version },
    actor.userId,
  );
  const plans = [];
  let satisfied = 0;
  let catchUp = 0;
  for (const replanning of replannings) {
    const entry = await replan(ctx, tx, actor, request, replanning);
    plans.push(entry);
    satisfied += replanning.carried?.satisfied.length ?? 0;
    catchUp += replanning.carried?.addedInPast.length ?? 0;
  }
  const result: ImpactResult = {
    replaced: view.changes.length,
    unchanged: view.unchanged,
    examined: view.examined,
    outsideWindow: view.outsideWindow,
    governedElsewhere: view.governedElsewhere,
    satisfied,
    catchUp,
  };
  await recordAudit(tx, actor, {
    action: 'apply_pack',
    entity: 'policy_pack',
    entityId: undefined,
    jurisdictionCode: request.jurisdictionCode,
    detail: {
      packId: request.packId,
      version: request.version,
      ...result,
      boundary: view.boundary.map(({ jurisdictionCode, packId, packVersion, plans }) => ({
        jurisdictionCode,
        packId,
        packVersion,
        plans,
      })),
      plans,
    },
  });
  return result;
}

/** Supersedes one plan and records it in the arrival's history; returns its line of the apply's audit. */
async function replan(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  request: ImpactRequest,
  { row, next, review, changed }: Replanning,
) {
  const outcome = await supersedePlan(tx, row, row.planId, next, ctx.now(), review);
  const from = planRef(row.planId, row.plan);
  const to = outcome.planId && next ? planRef(outcome.planId, next) : null;
  const carried = outcome.carried;
  await recordAudit(tx, actor, {
    action: 'replan',
    entity: 'arrival',
    entityId: row.id,
    jurisdictionCode: row.jurisdictionCode,
    before: from,
    after: to ?? undefined,
    detail: {
      reason: 'apply_pack',
      assignedTo: request.jurisdictionCode,
      changed,
      satisfied: (carried?.satisfied ?? []).map(({ test, by }) => ({
        item: testKey(test),
        by: by.original,
      })),
      dropped: (carried?.dropped ?? []).map((done) => ({ item: done.item, result: done.result })),
      catchUp: (carried?.addedInPast ?? []).map(testKey),
      madeUp: (carried?.madeUp ?? []).map(({ test, by }) => ({ item: testKey(test), by: testKey(by) })),
      positive: (carried?.positive ?? []).map(({ test, by }) => ({ item: testKey(test), by: by.original })),
    },
  });
  return { arrivalId: row.id, personId: row.personId, changed, from, to };
}
