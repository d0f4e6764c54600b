import type { AlertViewT } from '../../api/alerts.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AuditAction } from '../../platform/audit/actionLabels.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { alertSnapshot, readAlert } from './view.js';
import { ACKNOWLEDGE_KIND, ASSESS_KIND, cancelAlertDeadlines, closeAlertDeadline } from './work.js';

type State = AlertViewT['state'];

const nameOf = (actor: Actor) => `${actor.displayName} (${actor.username})`;

/** The alert, locked, when its state is one of `states`; 404 outside the caller's scope, 409 otherwise. */
async function lockAlert(
  tx: Queryable,
  actor: Actor,
  id: string,
  states: readonly State[],
): Promise<AlertViewT> {
  await readAlert(tx, actor, id); // 404 before anything is locked
  await tx.query('SELECT 1 FROM alerts WHERE id = $1 FOR UPDATE', [id]);
  const alert = await readAlert(tx, actor, id);
  if (!states.includes(alert.state)) throw new AppError('wrong_state', [fieldError('state', 'wrong_state')]);
  return alert;
}

async function audited(
  tx: Queryable,
  actor: Actor,
  action: AuditAction,
  before: AlertViewT,
  detail?: Record<string, unknown>,
): Promise<AlertViewT> {
  const after = await readAlert(tx, actor, before.id);
  await recordAudit(tx, actor, {
    action,
    entity: 'alert',
    entityId: before.id,
    jurisdictionCode: before.jurisdictionCode,
    before: alertSnapshot(before),
    after: alertSnapshot(after),
    detail,
  });
  return after;
}

/** MON-4: someone at the CDC (or the HQ) has seen the alert; closes its "acknowledge" item. */
export async function acknowledgeAlert(ctx: AppContext, tx: Queryable, actor: Actor, id: string) {
  const before = await lockAlert(tx, actor, id, ['raised']);
  const now = ctx.now();
  await tx.query(
    `UPDATE alerts SET state = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3,
       acknowledged_by_name = $4, updated_at = now() WHERE id = $1`,
    [id, now, actor.userId, nameOf(actor)],
  );
  await closeAlertDeadline(tx, id, ACKNOWLEDGE_KIND, now, actor.userId);
  return audited(tx, actor, 'alert.acknowledge', before);
}

/**
 * MON-4 risk assessment (快速风险评估, 003 §3.2): level, findings and measures; closes the "assess"
 * item. An assessment may be revised while the alert is open (the audit log keeps each).
 */
export async function assessAlert(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  input: { riskLevel: string; summary: string; measuresRecommended: string },
) {
  const before = await lockAlert(tx, actor, id, ['acknowledged', 'assessed']);
  const errors = [];
  if (!input.summary.trim()) errors.push(fieldError('summary', 'required'));
  if (!input.measuresRecommended.trim()) errors.push(fieldError('measuresRecommended', 'required'));
  if (errors.length > 0) throw new AppError('validation', errors);
  const now = ctx.now();
  await tx.query(
    `UPDATE alerts SET state = 'assessed', assessed_at = $2, assessed_by = $3, assessed_by_name = $4,
       risk_level = $5, assessment_summary = $6, measures_recommended = $7, updated_at = now() WHERE id = $1`,
    [
      id,
      now,
      actor.userId,
      nameOf(actor),
      input.riskLevel,
      input.summary.trim(),
      input.measuresRecommended.trim(),
    ],
  );
  // An alert acknowledged late still owes its acknowledgement item nothing more once assessed.
  await closeAlertDeadline(tx, id, ACKNOWLEDGE_KIND, now, actor.userId);
  await closeAlertDeadline(tx, id, ASSESS_KIND, now, actor.userId);
  return audited(tx, actor, 'alert.assess', before);
}

/**
 * MON-4 published warning (预警发布, 003 §3.2 "及时开展快速风险评估和预警发布"): after the assessment,
 * in the alert's jurisdiction or a wider one the caller governs. Published once; a changed warning
 * is a new alert's.
 */
export async function publishWarning(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  input: { text: string; level: string; audience: string; jurisdictionCode: string },
) {
  const before = await lockAlert(tx, actor, id, ['assessed']);
  if (before.warningPublishedAt) throw new AppError('wrong_state', [fieldError('state', 'wrong_state')]);
  const errors = [];
  if (!input.text.trim()) errors.push(fieldError('text', 'required'));
  if (!input.audience.trim()) errors.push(fieldError('audience', 'required'));
  if (!inScope(input.jurisdictionCode, actor.scopes))
    errors.push(fieldError('jurisdictionCode', 'jurisdiction_out_of_scope'));
  else if (!before.jurisdictionCode.startsWith(input.jurisdictionCode))
    errors.push(fieldError('jurisdictionCode', 'warning_outside_alert'));
  else {
    const [known] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [input.jurisdictionCode]);
    if (!known) errors.push(fieldError('jurisdictionCode', 'jurisdiction_unknown'));
  }
  if (errors.length > 0) throw new AppError('validation', errors);
  await tx.query(
    `UPDATE alerts SET warning_text = $2, warning_level = $3, warning_audience = $4, warning_jurisdiction_code = $5,
       warning_published_at = $6, warning_published_by_name = $7, updated_at = now() WHERE id = $1`,
    [
      id,
      input.text.trim(),
      input.level,
      input.audience.trim(),
      input.jurisdictionCode,
      ctx.now(),
      nameOf(actor),
    ],
  );
  return audited(tx, actor, 'alert.publish_warning', before, { level: input.level });
}

/**
 * MON-4: closes an acknowledged or assessed alert with a reason: 排除 (excluded: not a signal) or
 * 已处置 (handled). Whatever of its items is still open is cancelled (a workflow that ends leaves no
 * deadline open).
 */
export async function closeAlert(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  input: { reason: string; note: string },
) {
  const before = await lockAlert(tx, actor, id, ['acknowledged', 'assessed']);
  if (input.reason === 'handled' && before.state !== 'assessed')
    throw new AppError('wrong_state', [fieldError('reason', 'assessment_first')]);
  if (!input.note.trim()) throw new AppError('validation', [fieldError('note', 'required')]);
  const now = ctx.now();
  await tx.query(
    `UPDATE alerts SET state = 'closed', closed_at = $2, closed_by = $3, closed_by_name = $4, close_reason = $5,
       close_note = $6, updated_at = now() WHERE id = $1`,
    [id, now, actor.userId, nameOf(actor), input.reason, input.note.trim()],
  );
  await cancelAlertDeadlines(tx, id, now);
  return audited(tx, actor, 'alert.close', before, { reason: input.reason });
}
