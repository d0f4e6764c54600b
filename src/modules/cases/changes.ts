import type { CaseView } from '../../api/cases.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import type { ChangeKind } from './work.js';

interface ClassState {
  classification: string;
  severity: string | null;
}

/** One entry of a case's classification history (CAS-1), awaiting the CDC's review (CAS-2). */
export async function insertChange(
  tx: Queryable,
  actor: Actor,
  view: CaseView,
  change: {
    kind: ChangeKind;
    from: ClassState | null;
    to: ClassState;
    reason: string | null;
    at: Date;
    reviewDueAt: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO case_changes (case_id, jurisdiction_code, kind, from_classification, to_classification,
       from_severity, to_severity, reason, changed_by, changed_by_name, changed_at, review_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      view.id,
      view.jurisdictionCode,
      change.kind,
      change.from?.classification ?? null,
      change.to.classification,
      change.from?.severity ?? null,
      change.to.severity,
      change.reason,
      actor.userId,
      `${actor.displayName} (${actor.username})`,
      change.at,
      change.reviewDueAt,
    ],
  );
  if (!row) throw new Error('insertChange: no row');
  return row.id;
}
