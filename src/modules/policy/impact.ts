import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { diffPlans, planArrival } from '../../rules/policy/engine.js';
import type { Plan } from '../../rules/policy/types.js';
import { inScope } from '../../rules/roles.js';
import { type ArrivalRow, arrivalColumns, factsOf, supersedePlan } from '../arrivals/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { assignPack, getPack } from './store.js';

export interface ImpactRequest {
  packId: string;
  version: string;
  jurisdictionCode: string;
}

interface PlanChange {
  arrivalId: string;
  planId: string;
  personName: string;
  idNumberMasked: string;
  fromVersion: string;
  fromProtocol: string;
  toProtocol: string | null;
  removedTests: string[];
  addedTests: string[];
  endDateBefore: string;
  endDateAfter: string | null;
}

const testLabel = (test: { kind: string; date: string; reagents: number }) =>
  `${test.kind}@${test.date}${test.reagents > 1 ? `x${test.reagents}` : ''}`;

/**
 * Policy change impact (issue Deliver 8): for every active plan in the subtree made by another
 * version of the same pack, the plan the new version would make, and how it differs.
 */
export async function previewImpact(ctx: AppContext, tx: Queryable, actor: Actor, request: ImpactRequest) {
  if (!inScope(request.jurisdictionCode, actor.scopes)) {
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  }
  const pack = await getPack(ctx.db, tx, request.packId, request.version);
  if (!pack) throw new AppError('validation', [fieldError('version', 'pack_unknown')]);
  const params: unknown[] = [request.packId, request.version];
  const scope = scopeCondition('a.jurisdiction_code', [request.jurisdictionCode], params);
  const rows = await tx.query<
    ArrivalRow & { planId: string; plan: Plan; personName: string; idNumberMasked: string }
  >(
    `SELECT ${arrivalColumns('a')}, pl.id AS "planId", pl.plan, p.name AS "personName", p.id_masked AS "idNumberMasked"
     FROM arrival_plans pl JOIN arrivals a ON a.id = pl.arrival_id JOIN persons p ON p.id = a.person_id
     WHERE pl.status = 'active' AND pl.pack_id = $1 AND pl.pack_version <> $2 AND ${scope}
     ORDER BY a.arrived_at LIMIT 10000`,
    params,
  );
  const changes: Array<PlanChange & { next: Plan | undefined; row: ArrivalRow }> = [];
  let unchanged = 0;
  for (const row of rows) {
    const timeZone = await effectiveTimeZone(tx, row.jurisdictionCode, ctx.config.defaultTimeZone);
    const next = planArrival(factsOf(row, timeZone), pack);
    const before = row.plan;
    const diff = next ? diffPlans(before, next) : undefined;
    const same =
      next &&
      diff &&
      diff.addedTests.length === 0 &&
      diff.removedTests.length === 0 &&
      diff.endDateBefore === diff.endDateAfter;
    if (same && next.protocolId === before.protocolId) {
      unchanged += 1;
      continue;
    }
    changes.push({
      arrivalId: row.id,
      planId: row.planId,
      personName: row.personName,
      idNumberMasked: row.idNumberMasked,
      fromVersion: before.packVersion,
      fromProtocol: before.protocolId,
      toProtocol: next?.protocolId ?? null,
      removedTests: (diff?.removedTests ?? before.tests).map(testLabel),
      addedTests: (diff?.addedTests ?? []).map(testLabel),
      endDateBefore: before.releaseDate,
      endDateAfter: next?.releaseDate ?? null,
      next,
      row,
    });
  }
  return { changes, unchanged, examined: rows.length };
}

/** Applies a previewed change: assigns the new version and replaces every changed plan, audited. */
export async function applyImpact(ctx: AppContext, tx: Queryable, actor: Actor, request: ImpactRequest) {
  const { changes, unchanged, examined } = await previewImpact(ctx, tx, actor, request);
  await assignPack(
    tx,
    { jurisdictionCode: request.jurisdictionCode, packId: request.packId, packVersion: request.version },
    actor.userId,
  );
  for (const change of changes) {
    await supersedePlan(tx, change.row, change.planId, change.next ?? null, ctx.now());
  }
  await recordAudit(tx, actor, {
    action: 'apply_pack',
    entity: 'policy_pack',
    entityId: undefined,
    jurisdictionCode: request.jurisdictionCode,
    detail: {
      packId: request.packId,
      version: request.version,
      replaced: changes.length,
      unchanged,
      examined,
    },
  });
  return { replaced: changes.length, unchanged, examined };
}
