import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid } from '../../platform/errors.js';
import { FUTURE_TOLERANCE_MS } from '../../rules/clockSkew.js';
import {
  nextTruckStatus,
  type TruckAction,
  type TruckRejectReason,
  type TruckStatus,
} from '../../rules/truckReport.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { endCrewPlans } from './crewLeft.js';
import type { TruckReportView } from './schemas.js';
import { readTruckReport, truckSnapshot } from './view.js';
import { closeEscortDeadline, endTruckDeadlines, openEscortDeadline } from './work.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The report, locked for this step, and the status the step leads to (409 when it cannot be taken). */
export async function beginStep(
  tx: Queryable,
  actor: Actor,
  id: string,
  action: TruckAction,
): Promise<{ report: TruckReportView; next: TruckStatus }> {
  if (!UUID.test(id)) throw new AppError('not_found');
  await tx.query('SELECT 1 FROM truck_reports WHERE id = $1 FOR UPDATE', [id]);
  const report = await readTruckReport(tx, actor.scopes, id);
  const next = nextTruckStatus(report.status, action);
  if (!next) throw new AppError('wrong_state', [fieldError('status', 'wrong_state')]);
  return { report, next };
}

/** A reported time: a real instant, not in the future, not before the step it follows. */
function checkStepTime(ctx: AppContext, at: Date, notBefore: string | null, field = 'at') {
  if (Number.isNaN(at.getTime())) throw invalid([fieldError(field, 'format')]);
  if (at.getTime() > ctx.now().getTime() + FUTURE_TOLERANCE_MS)
    throw invalid([fieldError(field, 'in_future')]);
  if (notBefore && at < new Date(notBefore)) throw invalid([fieldError(field, 'before_previous_step')]);
}

export async function finishStep(
  tx: Queryable,
  actor: Actor,
  before: TruckReportView,
  action: TruckAction,
): Promise<TruckReportView> {
  const after = await readTruckReport(tx, actor.scopes, before.id);
  await recordAudit(tx, actor, {
    action: `truck.${action}`,
    entity: 'truck_report',
    entityId: before.id,
    jurisdictionCode: before.jurisdictionCode,
    before: truckSnapshot(before),
    after: truckSnapshot(after),
  });
  return after;
}

/** "由收发货单位或属地社区派人持相关证明引导": the escort is named (and may be changed until departure). */
export async function assignEscort(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  escortName: string,
) {
  const { report, next } = await beginStep(tx, actor, id, 'escort');
  const name = escortName.trim();
  if (!name) throw invalid([fieldError('escortName', 'required')]);
  await tx.query(
    `UPDATE truck_reports SET status = $2, escort_name = $3, escort_assigned_at = $4, updated_at = now() WHERE id = $1`,
    [id, next, name, ctx.now()],
  );
  return finishStep(tx, actor, report, 'escort');
}

/** The truck reached the checkpoint and was met by its escort: the escort deadline is met. */
export async function recordArrival(ctx: AppContext, tx: Queryable, actor: Actor, id: string, at: Date) {
  const { report, next } = await beginStep(tx, actor, id, 'arrive');
  checkStepTime(ctx, at, null);
  await tx.query('UPDATE truck_reports SET status = $2, arrived_at = $3, updated_at = now() WHERE id = $1', [
    id,
    next,
    at,
  ]);
  await closeEscortDeadline(tx, id, at, actor.userId);
  return finishStep(tx, actor, report, 'arrive');
}

/**
 * "装卸货后立即返回": unloaded and gone; a stay-over's remaining daily NATs are no longer due, and the
 * crew's plans end with their stay.
 */
export async function recordDeparture(ctx: AppContext, tx: Queryable, actor: Actor, id: string, at: Date) {
  const { report, next } = await beginStep(tx, actor, id, 'depart');
  checkStepTime(ctx, at, report.arrivedAt);
  await tx.query('UPDATE truck_reports SET status = $2, left_at = $3, updated_at = now() WHERE id = $1', [
    id,
    next,
    at,
  ]);
  await endTruckDeadlines(tx, id, 'truck left', at);
  await endCrewPlans(tx, actor, id, at);
  return finishStep(tx, actor, report, 'depart');
}

/**
 * Staff confirmed a public report with the consignee (DESIGN "Safe by default": the public form is a
 * claim): only now is the escort owed, due when the truck is planned to arrive (ARR-12).
 */
export async function verifyTruck(ctx: AppContext, tx: Queryable, actor: Actor, id: string) {
  const { report, next } = await beginStep(tx, actor, id, 'verify');
  const now = ctx.now();
  await tx.query(
    'UPDATE truck_reports SET status = $2, verified_at = $3, verified_by = $4, updated_at = now() WHERE id = $1',
    [id, next, now, actor.userId],
  );
  const timeZone = await effectiveTimeZone(tx, report.jurisdictionCode, ctx.config.defaultTimeZone);
  await openEscortDeadline(tx, await readTruckReport(tx, actor.scopes, id), timeZone, now);
  return finishStep(tx, actor, report, 'verify');
}

async function end(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  action: 'reject' | 'cancel',
  reason: TruckRejectReason | 'called_off',
  note: string | null | undefined,
) {
  const { report, next } = await beginStep(tx, actor, id, action);
  const now = ctx.now();
  await tx.query(
    `UPDATE truck_reports SET status = $2, end_reason = $3, end_note = $4, ended_at = $5, ended_by = $6,
       updated_at = now() WHERE id = $1`,
    [id, next, reason, note?.trim() || null, now, actor.userId],
  );
  await endTruckDeadlines(tx, id, action === 'reject' ? `rejected: ${reason}` : 'trip called off', now);
  return finishStep(tx, actor, report, action);
}

/** An unverified public report set aside (a duplicate, not genuine, a test): it ends, touching no one. */
export function rejectTruck(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  reason: TruckRejectReason,
  note: string | null | undefined,
) {
  return end(ctx, tx, actor, id, 'reject', reason, note);
}

/** A verified trip called off before the truck reached the checkpoint: the escort is no longer owed. */
export function cancelTruck(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  note: string | null | undefined,
) {
  return end(ctx, tx, actor, id, 'cancel', 'called_off', note);
}
