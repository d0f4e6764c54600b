import type { CaseDetail } from '../../api/cases.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { caseSnapshot, readCase, readCaseDetail } from './view.js';
import { closeReviewDeadlines } from './work.js';

/**
 * The CDC reviews a case (CAS-2 "疾控机构在2小时内完成审核"): every change still awaiting review — the
 * report, a reclassification, a discard — is reviewed at once, the reviewer named, and its review
 * items closed. Lateness stays visible on the board. Nothing to review answers 409.
 */
export async function reviewCase(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  note: string | undefined,
): Promise<CaseDetail> {
  const now = ctx.now();
  await readCase(tx, actor.scopes, id);
  await tx.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [id]);
  const before = await readCase(tx, actor.scopes, id);
  const name = `${actor.displayName} (${actor.username})`;
  const reviewed = await tx.query<{ id: string; kind: string }>(
    `UPDATE case_changes SET reviewed_by = $2, reviewed_by_name = $3, reviewed_at = $4, review_note = $5
     WHERE case_id = $1 AND reviewed_at IS NULL RETURNING id, kind`,
    [id, actor.userId, name, now, note?.trim() || null],
  );
  if (reviewed.length === 0) throw new AppError('case_nothing_to_review');
  await tx.query(
    `UPDATE cases SET reviewed_by = $2, reviewed_by_name = $3, reviewed_at = $4, review_note = $5,
       status = CASE WHEN status = 'discarded' THEN status ELSE 'reviewed' END, version = version + 1
     WHERE id = $1`,
    [id, actor.userId, name, now, note?.trim() || null],
  );
  await closeReviewDeadlines(
    tx,
    id,
    reviewed.map((r) => r.id),
    now,
    actor.userId,
  );
  const after = await readCase(tx, actor.scopes, id);
  await recordAudit(tx, actor, {
    action: 'case.review',
    entity: 'case',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: caseSnapshot(before),
    after: caseSnapshot(after),
    detail: { changes: reviewed.map((r) => r.kind), note: note?.trim() || null },
  });
  return readCaseDetail(tx, actor.scopes, id, now);
}
