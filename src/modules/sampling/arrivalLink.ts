import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { fieldError, invalid } from '../../platform/errors.js';
import type { Plan } from '../../rules/policy/types.js';
import { inScope } from '../../rules/roles.js';
import { testKey } from '../arrivals/index.js';

/**
 * A sample taken for an arrival's plan (ARR-*): the arrival must be the caller's, of this person,
 * and the item one of the tests of its active plan, so the lab's result can be recorded there.
 * One statement instead of getArrival's three: registration is on the hot path.
 */
export async function checkArrivalLink(
  tx: Queryable,
  actor: Actor,
  link: { arrivalId: string; planItem: string; personId: string },
): Promise<void> {
  const [row] = await tx.query<{ personId: string; jurisdictionCode: string; plan: Plan | null }>(
    `SELECT a.person_id AS "personId", a.jurisdiction_code AS "jurisdictionCode", pl.plan
     FROM arrivals a LEFT JOIN arrival_plans pl ON pl.arrival_id = a.id AND pl.status = 'active'
     WHERE a.id = $1`,
    [link.arrivalId],
  );
  if (!row || !inScope(row.jurisdictionCode, actor.scopes))
    throw invalid([fieldError('arrivalId', 'arrival_unknown')]);
  if (row.personId !== link.personId) throw invalid([fieldError('arrivalId', 'arrival_person_mismatch')]);
  if (!row.plan) throw invalid([fieldError('planItem', 'plan_missing')]);
  if (!row.plan.tests.some((test) => testKey(test) === link.planItem))
    throw invalid([fieldError('planItem', 'plan_item_unknown')]);
}
