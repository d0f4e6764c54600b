import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlinesByKindPrefix } from '../../platform/deadlines/service.js';
import { NOT_TREATABLE_REASON, TRANSFER_KIND, TRANSFER_SUBJECT } from './work.js';

/** Why the sweep ended a transfer, a stay or a transfer deadline (kept in the audit and the deadline). */
const REASON = NOT_TREATABLE_REASON;
/** A case a designated hospital no longer treats: discarded (排除), or reclassified suspected. */
const UNTREATABLE = `(c.status = 'discarded' OR c.classification = 'suspected')`;

/**
 * CAS-3, CAS-4: a transfer is owed, and a bed is held, only for a confirmed case or an asymptomatic
 * infection that is not discarded. For the cases of the subtree that no longer are: the transfer
 * deadline is cancelled, a transfer asked for or under way is cancelled, and the stay of a discarded
 * case in hospital is ended (discharged now), so that it no longer counts toward the 10 confirmed
 * of the 48-hour rule nor holds a bed. A case reclassified suspected in hospital stays admitted (it
 * is still being treated and may be confirmed again). Each change is audited. Returns how many
 * stays were ended.
 */
export async function endUntreatable(
  tx: Queryable,
  actor: Actor,
  jurisdiction: string | undefined,
  now: Date,
): Promise<number> {
  const scopes = jurisdiction ? [jurisdiction] : actor.scopes;
  const deadlineParams: unknown[] = [];
  const owed = await tx.query<{ id: string }>(
    `SELECT d.subject_id AS id FROM deadlines d JOIN cases c ON c.id = d.subject_id
     WHERE d.subject_type = '${TRANSFER_SUBJECT}' AND d.kind = '${TRANSFER_KIND}'
       AND d.done_at IS NULL AND d.cancelled_at IS NULL AND ${UNTREATABLE}
       AND ${scopeCondition('d.jurisdiction_code', scopes, deadlineParams)}`,
    deadlineParams,
  );
  await cancelDeadlinesByKindPrefix(
    tx,
    TRANSFER_SUBJECT,
    owed.map((d) => d.id),
    TRANSFER_KIND,
    REASON,
    now,
  );

  const params: unknown[] = [now];
  const ended = await tx.query<{ id: string; jurisdictionCode: string; from: string; to: string }>(
    `WITH ending AS (
       SELECT s.id, s.status AS from_status,
         CASE WHEN s.status = 'admitted' THEN 'discharged' ELSE 'cancelled' END AS to_status
       FROM hospital_stays s JOIN cases c ON c.id = s.case_id
       WHERE ((s.status IN ('requested', 'departed') AND ${UNTREATABLE})
           OR (s.status = 'admitted' AND c.status = 'discarded'))
         AND ${scopeCondition('s.jurisdiction_code', scopes, params)}
       FOR UPDATE OF s)
     UPDATE hospital_stays s SET status = e.to_status,
       discharged_at = CASE WHEN e.to_status = 'discharged' THEN greatest($1::timestamptz, s.admitted_at) END,
       version = s.version + 1
     FROM ending e WHERE s.id = e.id
     RETURNING s.id, s.jurisdiction_code AS "jurisdictionCode", e.from_status AS from, e.to_status AS to`,
    params,
  );
  for (const stay of ended)
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'hospital_stay',
      entityId: stay.id,
      jurisdictionCode: stay.jurisdictionCode,
      before: { status: stay.from },
      after: { status: stay.to },
      detail: { rule: 'CAS-3', reason: REASON },
    });
  return ended.length;
}
