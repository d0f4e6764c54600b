import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid } from '../../platform/errors.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { lockLeave } from './decide.js';
import type { LeaveView } from './schemas.js';
import { leaveSnapshot, readLeave } from './view.js';
import { cancelReturnDeadline } from './work.js';

/**
 * Withdraws a leave that will not be taken (ARR-14): by its applicant, or by anyone who registers
 * arrivals in the person's jurisdiction. A pending one at any time; an approved one until its leave
 * date has passed (after it the person is taken to have left, and only the return report ends it).
 * The return report it owed is cancelled, so no phantom goes overdue.
 */
export async function withdrawLeave(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  reason: string,
): Promise<LeaveView> {
  const current = await readLeave(tx, actor.scopes, id, ctx.now());
  if (current.status !== 'pending' && current.status !== 'approved')
    throw new AppError('wrong_state', [fieldError('status', 'wrong_state')]);
  const before = await lockLeave(ctx, tx, actor, id, current.status);
  const [applicant] = await tx.query<{ appliedBy: string }>(
    'SELECT applied_by AS "appliedBy" FROM cadre_leaves WHERE id = $1',
    [id],
  );
  if (applicant?.appliedBy !== actor.userId && !actor.permissions.has('arrival.write'))
    throw new AppError('forbidden');
  if (!reason.trim()) throw invalid([fieldError('reason', 'required')]);
  const timeZone = await effectiveTimeZone(tx, before.jurisdictionCode, ctx.config.defaultTimeZone);
  if (before.status === 'approved' && localDate(ctx.now(), timeZone) > before.leaveDate)
    throw new AppError('leave_taken', [fieldError('status', 'leave_taken')]);
  await tx.query(
    `UPDATE cadre_leaves SET status = 'withdrawn', withdrawn_at = $2, withdrawn_by_name = $3, withdrawal_reason = $4
     WHERE id = $1`,
    [id, ctx.now(), `${actor.displayName} (${actor.username})`, reason.trim()],
  );
  await cancelReturnDeadline(tx, id, ctx.now());
  const after = await readLeave(tx, actor.scopes, id, ctx.now());
  await recordAudit(tx, actor, {
    action: 'cadre_leave.withdraw',
    entity: 'cadre_leave',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: leaveSnapshot(before),
    after: leaveSnapshot(after),
  });
  return after;
}
