import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid } from '../../platform/errors.js';
import { FUTURE_TOLERANCE_MS } from '../../rules/clockSkew.js';
import { localDate } from '../../rules/time.js';
import { registerArrival } from '../arrivals/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { originName } from '../landing/index.js';
import { lockLeave } from './decide.js';
import type { LeaveView, ReturnInput } from './schemas.js';
import { leaveSnapshot, readLeave } from './view.js';
import { closeReturnDeadline } from './work.js';

/**
 * The return report of an approved leave ("返赤后主动报备", ARR-14): registers the return as an
 * arrival (channel 'cadre_return') from where the person was, so the governing pack plans the
 * control measures for that origin, and closes the return-report deadline. Filed by the applicant
 * or by anyone who registers arrivals in the person's jurisdiction.
 */
export async function reportReturn(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  input: ReturnInput,
): Promise<LeaveView> {
  const before = await lockLeave(ctx, tx, actor, id, 'approved');
  const [applicant] = await tx.query<{ appliedBy: string }>(
    'SELECT applied_by AS "appliedBy" FROM cadre_leaves WHERE id = $1',
    [id],
  );
  if (applicant?.appliedBy !== actor.userId && !actor.permissions.has('arrival.write'))
    throw new AppError('forbidden');
  const returnedAt = new Date(input.returnedAt);
  const timeZone = await effectiveTimeZone(tx, before.jurisdictionCode, ctx.config.defaultTimeZone);
  if (returnedAt.getTime() > ctx.now().getTime() + FUTURE_TOLERANCE_MS) {
    throw invalid([fieldError('returnedAt', 'in_future')]);
  }
  if (localDate(returnedAt, timeZone) < before.leaveDate)
    throw invalid([fieldError('returnedAt', 'before_leave')]);
  const originCode = input.originDivisionCode ?? before.destinationDivisionCode;
  const origin = originCode ? originName(originCode) : undefined;
  if (!originCode || !origin) throw invalid([fieldError('originDivisionCode', 'origin_unknown')]);

  const registered = await registerArrival(ctx, tx, actor, {
    person: { personId: before.personId },
    jurisdictionCode: before.jurisdictionCode,
    channel: 'cadre_return',
    sourceRef: id,
    origin: 'domestic',
    originDivisionCode: originCode,
    originName: origin,
    arrivedAt: returnedAt,
    negativeNatAt: input.negativeNatAt ? new Date(input.negativeNatAt) : null,
    homeIsolationConditions: input.homeIsolationConditions ?? null,
  });
  await tx.query(
    `UPDATE cadre_leaves SET status = 'returned', returned_at = $2, return_origin_name = $3,
       return_origin_division_code = $4, return_reported_by = $5, return_reported_at = $6, arrival_id = $7
     WHERE id = $1`,
    [id, returnedAt, origin, originCode, actor.userId, ctx.now(), registered.arrivalId],
  );
  await closeReturnDeadline(tx, id, ctx.now(), actor.userId);
  const after = await readLeave(tx, actor.scopes, id, ctx.now());
  await recordAudit(tx, actor, {
    action: 'cadre_leave.return',
    entity: 'cadre_leave',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: leaveSnapshot(before),
    after: leaveSnapshot(after),
  });
  return after;
}
