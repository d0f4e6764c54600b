import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline } from '../../platform/deadlines/service.js';
import { CONTACT_SUBJECT } from './plan.js';
import { addEvent, byName } from './service.js';

/**
 * EPI-4 (002 §25 "做到隔离人员 12 小时内转运到集中隔离点"): the contact has arrived, point to point, in a
 * room of a centralised isolation site. Their 'transfer' deadline closes done at the arrival, with the
 * place as its outcome, and the contact's history says so. Called by the isolation module inside the
 * arrival's transaction. Returns whether a transfer deadline was open.
 */
export async function recordContactTransferred(
  tx: Queryable,
  actor: Actor,
  contactId: string,
  arrivedAt: Date,
  place: string,
): Promise<boolean> {
  const [row] = await tx.query<{ jurisdictionCode: string; sourceCode: string }>(
    'SELECT jurisdiction_code AS "jurisdictionCode", source_code AS "sourceCode" FROM contacts WHERE id = $1',
    [contactId],
  );
  if (!row) return false;
  const closed = await closeDeadline(
    tx,
    { subjectType: CONTACT_SUBJECT, subjectId: contactId, kind: 'transfer' },
    { at: arrivedAt, by: actor.userId, outcome: place.slice(0, 500) },
  );
  await addEvent(
    tx,
    contactId,
    row.jurisdictionCode,
    row.sourceCode,
    arrivedAt,
    byName(actor),
    'transferred',
    {
      place,
    },
  );
  return closed;
}
