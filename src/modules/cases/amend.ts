import type { CaseDetail, CaseView, ReclassifyInput } from '../../api/cases.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, invalid } from '../../platform/errors.js';
import { checkCardTimes, reviewDueAt } from '../../rules/caseReporting.js';
import { insertChange } from './changes.js';
import { caseSnapshot, readCase, readCaseDetail } from './view.js';
import { openReviewDeadline } from './work.js';

/** The case, locked, unless discarded (409): a discarded case is closed for good. */
async function lockOpenCase(tx: Queryable, actor: Actor, id: string): Promise<CaseView> {
  await readCase(tx, actor.scopes, id); // 404 before anything is locked
  await tx.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [id]);
  const view = await readCase(tx, actor.scopes, id);
  if (view.status === 'discarded') throw new AppError('case_discarded');
  return view;
}

/**
 * Reclassifies a case (订正: 疑似转确诊, 无症状转确诊 …) with its reason (CAS-1). Applied at once, as
 * in direct reporting, kept in the history, and reviewed by the CDC within 2 hours (CAS-2): the
 * case waits for review again.
 */
export async function reclassifyCase(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  input: ReclassifyInput,
): Promise<CaseDetail> {
  const now = ctx.now();
  const before = await lockOpenCase(tx, actor, id);
  const severity = input.severity ?? null;
  const errors: FieldError[] = [];
  if (severity && input.classification !== 'confirmed')
    errors.push(fieldError('severity', 'case_severity_confirmed_only'));
  if (input.classification === before.classification && severity === before.severity)
    errors.push(fieldError('classification', 'case_unchanged'));
  const confirmedAt = input.confirmedAt ? new Date(input.confirmedAt) : null;
  const times = checkCardTimes({
    sampledAt: before.sampledAt ? new Date(before.sampledAt) : null,
    foundAt: new Date(before.foundAt),
    reportedAt: now,
    confirmedAt,
  });
  for (const problem of times)
    if (problem.field === 'confirmedAt') errors.push(fieldError('confirmedAt', problem.code));
  if (errors.length > 0) throw invalid(errors);
  const becomesConfirmed = input.classification === 'confirmed' && before.classification !== 'confirmed';
  await tx.query(
    `UPDATE cases SET classification = $2, severity = $3,
       confirmed_at = CASE WHEN $2 = 'confirmed' THEN coalesce($4::timestamptz, confirmed_at, $5::timestamptz) ELSE confirmed_at END,
       status = 'reported', version = version + 1 WHERE id = $1`,
    [id, input.classification, severity, confirmedAt, becomesConfirmed ? now : null],
  );
  const after = await readCase(tx, actor.scopes, id);
  const dueAt = reviewDueAt(now);
  const changeId = await insertChange(tx, actor, after, {
    kind: 'reclassify',
    from: { classification: before.classification, severity: before.severity },
    to: { classification: after.classification, severity: after.severity },
    reason: input.reason.trim(),
    at: now,
    reviewDueAt: dueAt,
  });
  await openReviewDeadline(tx, after, { id: changeId, kind: 'reclassify', dueAt }, now);
  await recordAudit(tx, actor, {
    action: 'case.reclassify',
    entity: 'case',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: caseSnapshot(before),
    after: caseSnapshot(after),
    detail: { reason: input.reason.trim() },
  });
  return readCaseDetail(tx, actor.scopes, id, now);
}

/**
 * Discards a case (排除) with its reason: it no longer counts and frees the person for a later
 * report. Reviewed by the CDC like any change (CAS-2).
 */
export async function discardCase(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  reason: string,
): Promise<CaseDetail> {
  const now = ctx.now();
  const before = await lockOpenCase(tx, actor, id);
  await tx.query(
    `UPDATE cases SET status = 'discarded', discarded_at = $2, discard_reason = $3, version = version + 1
     WHERE id = $1`,
    [id, now, reason.trim()],
  );
  const after = await readCase(tx, actor.scopes, id);
  const dueAt = reviewDueAt(now);
  const state = { classification: before.classification, severity: before.severity };
  const changeId = await insertChange(tx, actor, after, {
    kind: 'discard',
    from: state,
    to: state,
    reason: reason.trim(),
    at: now,
    reviewDueAt: dueAt,
  });
  await openReviewDeadline(tx, after, { id: changeId, kind: 'discard', dueAt }, now);
  await recordAudit(tx, actor, {
    action: 'case.discard',
    entity: 'case',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: caseSnapshot(before),
    after: caseSnapshot(after),
    detail: { reason: reason.trim() },
  });
  return readCaseDetail(tx, actor.scopes, id, now);
}
