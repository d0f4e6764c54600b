import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { Plan } from '../../rules/policy/types.js';
import { type ArrivalRow, arrivalColumns } from '../arrivals/index.js';

/**
 * Issue 12 Deliver 3: the plans an assignment governs follow the rule new arrivals follow, the
 * nearest ancestor's assignment. Assigning a version to `code` reaches the arrivals of its subtree
 * except those under a deeper jurisdiction with an assignment of its own: that boundary is theirs.
 */

/** An active plan and its arrival, with the person as the preview shows them (masked). */
export interface GovernedPlan extends ArrivalRow {
  planId: string;
  plan: Plan;
  personName: string;
  idNumberMasked: string;
}

/** A deeper assignment inside the subtree, and how many active plans it keeps out of reach. */
export interface Boundary {
  jurisdictionCode: string;
  jurisdictionName: string | null;
  packId: string;
  packVersion: string;
  plans: number;
}

/** A county holds thousands of plans at most; a preview or an apply lists every one or none. */
const MAX_PLANS = 10_000;

/** SQL: the assignment nearest to arrival `a` that lies strictly inside the subtree `$n`. */
const deeperAssignment = (subtree: string) => `(SELECT pa.jurisdiction_code FROM policy_assignments pa
   WHERE a.jurisdiction_code ^@ pa.jurisdiction_code AND pa.jurisdiction_code ^@ ${subtree}
     AND pa.jurisdiction_code <> ${subtree}
   ORDER BY length(pa.jurisdiction_code) DESC LIMIT 1)`;

/**
 * The active plans of the subtree `code` that its assignment governs, whatever pack made them, but
 * for those already made by `packId` `version`. Refused when there are more than a county's worth.
 */
export async function governedPlans(
  tx: Queryable,
  code: string,
  pack: { id: string; version: string },
): Promise<GovernedPlan[]> {
  const params: unknown[] = [code, pack.id, pack.version];
  const scope = scopeCondition('a.jurisdiction_code', [code], params);
  const rows = await tx.query<GovernedPlan>(
    `SELECT ${arrivalColumns('a')}, pl.id AS "planId", pl.plan, p.name AS "personName", p.id_masked AS "idNumberMasked"
     FROM arrival_plans pl JOIN arrivals a ON a.id = pl.arrival_id JOIN persons p ON p.id = a.person_id
     WHERE pl.status = 'active' AND ${scope} AND ${deeperAssignment('$1')} IS NULL
       AND NOT (pl.pack_id = $2 AND pl.pack_version = $3)
     ORDER BY a.arrived_at, a.id LIMIT ${MAX_PLANS + 1}`,
    params,
  );
  if (rows.length > MAX_PLANS) {
    throw new AppError('validation', [fieldError('jurisdictionCode', 'impact_too_large')]);
  }
  return rows;
}

/**
 * Locks the active plans of the subtree `code` that its assignment governs until the transaction
 * ends, in one order (so two applies never deadlock). An apply takes it before it reads them: a
 * concurrent apply or reclassification waits, then finds them replaced (supersede.ts refuses a plan
 * no longer active with 409 plan_replaced, and a second apply reads the first one's plans), and a
 * result whose recording is under way is waited for and carried over with the others.
 */
export async function lockGovernedPlans(tx: Queryable, code: string): Promise<void> {
  const params: unknown[] = [code];
  const scope = scopeCondition('a.jurisdiction_code', [code], params);
  await tx.query(
    `SELECT count(*) FROM (SELECT pl.id FROM arrival_plans pl JOIN arrivals a ON a.id = pl.arrival_id
       WHERE pl.status = 'active' AND ${scope} AND ${deeperAssignment('$1')} IS NULL
       ORDER BY pl.id FOR UPDATE OF pl) locked`,
    params,
  );
}

/** The deeper assignments inside the subtree `code` that govern active plans, with their counts. */
export async function boundaryOf(tx: Queryable, code: string): Promise<Boundary[]> {
  const params: unknown[] = [code];
  const scope = scopeCondition('a.jurisdiction_code', [code], params);
  return tx.query<Boundary>(
    `SELECT g.code AS "jurisdictionCode", j.name AS "jurisdictionName", pa.pack_id AS "packId",
       pa.pack_version AS "packVersion", g.plans
     FROM (SELECT ${deeperAssignment('$1')} AS code, count(*)::int AS plans
           FROM arrival_plans pl JOIN arrivals a ON a.id = pl.arrival_id
           WHERE pl.status = 'active' AND ${scope} GROUP BY 1) g
     JOIN policy_assignments pa ON pa.jurisdiction_code = g.code
     LEFT JOIN jurisdictions j ON j.code = g.code
     ORDER BY g.code`,
    params,
  );
}
