import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlines } from '../../platform/deadlines/service.js';
import { PLAN_SUBJECT } from './planWork.js';

/**
 * The person has left the place whose plan it was (a truck's crew driving off after a stay-over,
 * ARR-12 "离开即结束"): the plan ends there and then, as a release does, and nothing of it stays
 * owed (item 19). Tests still to come are cancelled as no longer owed; one already missed is
 * cancelled too, since nobody can take it any more, with a reason that says so: its lateness stays
 * on record (due before cancelled), not on a list. Returns whether an active plan was ended.
 */
export async function endPlanOnLeaving(
  tx: Queryable,
  actor: Actor,
  arrivalId: string,
  reason: string,
  at: Date,
): Promise<boolean> {
  const [active] = await tx.query<{ id: string; jurisdictionCode: string }>(
    `SELECT p.id, a.jurisdiction_code AS "jurisdictionCode" FROM arrival_plans p
     JOIN arrivals a ON a.id = p.arrival_id WHERE p.arrival_id = $1 AND p.status = 'active'`,
    [arrivalId],
  );
  if (!active) return false;
  await tx.query("UPDATE arrival_plans SET status = 'completed' WHERE id = $1", [active.id]);
  await tx.query("UPDATE arrivals SET status = 'released' WHERE id = $1", [arrivalId]);
  const subject = { subjectType: PLAN_SUBJECT, subjectId: arrivalId };
  const notYetDue = await cancelDeadlines(tx, subject, reason, at, { onlyDueAfter: at });
  const missed = await cancelDeadlines(tx, subject, `${reason}; missed before then`, at);
  await recordAudit(tx, actor, {
    action: 'plan_ended',
    entity: 'arrival',
    entityId: arrivalId,
    jurisdictionCode: active.jurisdictionCode,
    detail: { reason, at: at.toISOString(), cancelled: notYetDue, missed },
  });
  return true;
}
