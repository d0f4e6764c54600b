import { inScope } from '../../rules/roles.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { Queryable } from '../db/types.js';
import { AppError, notFound } from '../errors.js';
import { findDeadline } from './list.js';
import type { DeadlineView } from './view.js';

/**
 * Marks an obligation done by hand (the work happened outside the system, or the module that
 * would close it has none yet), with an audit entry. Only items in the caller's scope; a closed
 * one is refused, never reopened or re-stamped.
 */
export async function completeDeadline(
  tx: Queryable,
  actor: Actor,
  id: string,
  outcome: string | undefined,
  now: Date,
): Promise<DeadlineView> {
  // Lock the row first, so two people marking it at once get one success and one refusal.
  const locked = await tx.query<{ jurisdictionCode: string }>(
    'SELECT jurisdiction_code AS "jurisdictionCode" FROM deadlines WHERE id = $1 FOR UPDATE',
    [id],
  );
  const before =
    locked[0] && inScope(locked[0].jurisdictionCode, actor.scopes)
      ? await findDeadline(tx, actor, id, now)
      : undefined;
  if (!before) throw notFound();
  if (before.state === 'done' || before.state === 'cancelled') {
    throw new AppError('deadline_closed', [], { state: before.state });
  }
  await tx.query(
    'UPDATE deadlines SET done_at = $2, done_by = $3, outcome = $4, updated_at = now() WHERE id = $1',
    [id, now.toISOString(), actor.userId, outcome ?? null],
  );
  const after = await findDeadline(tx, actor, id, now);
  if (!after) throw notFound();
  await recordAudit(tx, actor, {
    action: 'deadline.done',
    entity: 'deadline',
    entityId: id,
    jurisdictionCode: before.jurisdictionCode,
    before: { state: before.state, dueAt: before.dueAt, overdueMinutes: before.overdueMinutes },
    after: { state: after.state, doneAt: after.doneAt, outcome: after.outcome },
    detail: {
      ruleId: before.ruleId,
      kind: before.kind,
      subjectType: before.subjectType,
      subjectId: before.subjectId,
      escalationLevel: before.escalationLevel,
      manual: true,
    },
  });
  return after;
}
