import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, invalid } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { originName } from '../landing/index.js';
import { applicantScopeFor } from './approver.js';
import type { ApplyInput, LeaveView } from './schemas.js';
import { leaveSnapshot, readLeave } from './view.js';

/** The person the leave is for: one the applicant may see, else 404 (another subtree's people do not exist). */
async function personOf(tx: Queryable, actor: Actor, personId: string) {
  const [row] = await tx.query<{ jurisdictionCode: string }>(
    'SELECT jurisdiction_code AS "jurisdictionCode" FROM persons WHERE id = $1',
    [personId],
  );
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) {
    throw new AppError('not_found', [fieldError('personId', 'person_unknown')]);
  }
  return row;
}

/**
 * Files an application to leave the city (ARR-14: "确须离开的…严格审批管理"). Any signed-in user may
 * apply for a person in their scope; the leave belongs to the person's jurisdiction.
 */
export async function applyForLeave(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  input: ApplyInput,
): Promise<{ leave: LeaveView; created: boolean }> {
  const person = await personOf(tx, actor, input.personId);
  const timeZone = await effectiveTimeZone(tx, person.jurisdictionCode, ctx.config.defaultTimeZone);
  const today = localDate(ctx.now(), timeZone);
  const errors: FieldError[] = [];
  if (!input.destinationName.trim()) errors.push(fieldError('destinationName', 'required'));
  if (!input.reason.trim()) errors.push(fieldError('reason', 'required'));
  if (!originName(input.destinationDivisionCode))
    errors.push(fieldError('destinationDivisionCode', 'origin_unknown'));
  if (input.leaveDate < today) errors.push(fieldError('leaveDate', 'date_in_past'));
  if (input.plannedReturnDate < input.leaveDate) errors.push(fieldError('plannedReturnDate', 'before_leave'));
  if (errors.length > 0) throw invalid(errors);

  // The caller's id makes a retried submission idempotent; without one the leave gets a fresh id.
  const id = input.id ?? randomUUID();
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO cadre_leaves (id, jurisdiction_code, person_id, destination_name, destination_division_code, reason,
       leave_date, planned_return_date, applied_by, applied_by_name, applicant_scope, applied_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      id,
      person.jurisdictionCode,
      input.personId,
      input.destinationName.trim(),
      input.destinationDivisionCode,
      input.reason.trim(),
      input.leaveDate,
      input.plannedReturnDate,
      actor.userId,
      `${actor.displayName} (${actor.username})`,
      applicantScopeFor(actor, person.jurisdictionCode),
      ctx.now(),
    ],
  );
  if (!row) {
    const [visible] = await tx.query('SELECT 1 FROM cadre_leaves WHERE id = $1', [id]);
    if (!visible) throw new AppError('id_taken', [fieldError('id', 'id_duplicate')]);
    return { leave: await readLeave(tx, actor.scopes, id, ctx.now()), created: false };
  }
  const leave = await readLeave(tx, actor.scopes, row.id, ctx.now());
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'cadre_leave',
    entityId: leave.id,
    jurisdictionCode: leave.jurisdictionCode,
    after: leaveSnapshot(leave),
  });
  return { leave, created: true };
}
