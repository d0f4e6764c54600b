import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { endOfLocalDay } from '../../rules/time.js';
import { addLocalDays } from '../../rules/truckReport.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { mayDecide } from './approver.js';
import type { LeaveStatus, LeaveView } from './schemas.js';
import { leaveSnapshot, readLeave } from './view.js';
import { openReturnDeadline } from './work.js';

/** The leave, locked, when it is in `status`; 409 otherwise. */
export async function lockLeave(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  status: LeaveStatus,
): Promise<LeaveView> {
  await readLeave(tx, actor.scopes, id, ctx.now()); // 404 before anything is locked
  await tx.query('SELECT 1 FROM cadre_leaves WHERE id = $1 FOR UPDATE', [id]);
  const leave = await readLeave(tx, actor.scopes, id, ctx.now());
  if (leave.status !== status) throw new AppError('wrong_state', [fieldError('status', 'wrong_state')]);
  return leave;
}

/**
 * Assumption (the seed sets no time): the return report is due 24 h after the planned return day
 * ends. The plan gives a date, not a time, so the latest return on that day is its end; 24 h is
 * the span the seeds give for reports elsewhere (ARR-12's 24 h ahead, ARR-11's same-day feedback).
 */
function returnDueAt(plannedReturnDate: string, timeZone: string): Date {
  return endOfLocalDay(addLocalDays(plannedReturnDate, 1), timeZone);
}

/**
 * Approves or rejects a pending leave (ARR-14, "谁审批、谁负责"): the approver is named on the record;
 * an approval puts the return report on the person's community list as a deadline.
 */
export async function decideLeave(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  decision: 'approved' | 'rejected',
  note: string | undefined,
): Promise<LeaveView> {
  const before = await lockLeave(ctx, tx, actor, id, 'pending');
  if (!mayDecide(actor, before)) throw new AppError('forbidden', [fieldError('approver', 'not_approver')]);
  const timeZone = await effectiveTimeZone(tx, before.jurisdictionCode, ctx.config.defaultTimeZone);
  const due = decision === 'approved' ? returnDueAt(before.plannedReturnDate, timeZone) : null;
  await tx.query(
    `UPDATE cadre_leaves SET status = $2, decided_by = $3, decided_by_name = $4, decided_at = $5,
       decision_note = $6, return_due_at = $7 WHERE id = $1`,
    [
      id,
      decision,
      actor.userId,
      `${actor.displayName} (${actor.username})`,
      ctx.now(),
      note?.trim() || null,
      due,
    ],
  );
  const after = await readLeave(tx, actor.scopes, id, ctx.now());
  if (due) await openReturnDeadline(tx, after, due, ctx.now());
  await recordAudit(tx, actor, {
    action: decision === 'approved' ? 'cadre_leave.approve' : 'cadre_leave.reject',
    entity: 'cadre_leave',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: leaveSnapshot(before),
    after: leaveSnapshot(after),
  });
  return after;
}
