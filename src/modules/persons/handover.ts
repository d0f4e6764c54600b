import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import type { SealedPerson } from './seal.js';

/**
 * Where an ID number stands for the caller (DESIGN "Safe by default"; CMD-1): registered in their
 * own subtree (which they may be told), unknown, or held by another subtree, which they must not
 * learn. A number held elsewhere is registered all the same, answering exactly as a new one does,
 * and the holding jurisdiction gets a hand-over request (migration 0031).
 */
export type Placement =
  | { kind: 'mine'; id: string }
  | { kind: 'new' }
  | { kind: 'elsewhere'; heldId: string };

export async function placeIdNumber(tx: Queryable, hash: Buffer, exceptId?: string): Promise<Placement> {
  // Row-level security limits this to the caller's subtree; a record registered there while the
  // number was held elsewhere answers through handover_hash.
  const mine = await tx.query<{ id: string }>(
    'SELECT id FROM persons WHERE (id_hash = $1 OR handover_hash = $1) AND id IS DISTINCT FROM $2::uuid LIMIT 1',
    [hash, exceptId ?? null],
  );
  if (mine[0]) return { kind: 'mine', id: mine[0].id };
  const [held] = await tx.query<{ id: string | null }>('SELECT fangkong_person_id_by_hash($1) AS id', [hash]);
  if (held?.id && held.id !== exceptId) return { kind: 'elsewhere', heldId: held.id };
  return { kind: 'new' };
}

/**
 * The sealed person as stored when its number is held elsewhere: the number's hash moves to
 * handover_hash (the unique id_hash keeps the holder's record the one exact answer everywhere else)
 * and id_hash gets a random placeholder that matches no number.
 */
export function asHandover(ctx: AppContext, sealed: SealedPerson): SealedPerson {
  return { ...sealed, id_hash: ctx.cipher.lookupHash('handover', randomUUID()) };
}

/** Files the hand-over request for `requestedId`, registered while `heldId` holds its number. */
export async function requestHandover(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  heldId: string,
  requestedId: string,
  handoverHash: Buffer,
): Promise<void> {
  await tx.query('UPDATE persons SET handover_hash = $2 WHERE id = $1', [requestedId, handoverHash]);
  await tx.query('SELECT fangkong_request_handover($1, $2, $3, $4)', [
    heldId,
    requestedId,
    actor ? `${actor.displayName} (${actor.username})` : 'system',
    ctx.now(),
  ]);
}

/**
 * Records a decision on a hand-over request of the caller's subtree. Accepting moves the held
 * record into the requester's jurisdiction (see fangkong_accept_handover) and declines the person's
 * other pending requests; declining keeps it. The requester's own record stays theirs either way.
 */
export async function decideHandover(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  accept: boolean,
  note: string,
): Promise<'decided' | 'unknown' | 'closed'> {
  const rows = await tx.query<{ personId: string; ownerCode: string; requestedCode: string }>(
    `UPDATE person_handovers SET state = $2, decided_by_name = $3, decided_at = $4, note = $5
     WHERE id = $1 AND state = 'pending'
     RETURNING person_id AS "personId", owner_code AS "ownerCode", requested_code AS "requestedCode"`,
    [id, accept ? 'accepted' : 'declined', `${actor.displayName} (${actor.username})`, ctx.now(), note],
  );
  const decided = rows[0];
  if (!decided) {
    const [known] = await tx.query('SELECT 1 FROM person_handovers WHERE id = $1', [id]);
    return known ? 'closed' : 'unknown';
  }
  if (accept) {
    const [moved] = await tx.query<{ ok: boolean }>('SELECT fangkong_accept_handover($1) AS ok', [id]);
    // The person has left the jurisdiction the request was filed with: no longer the holder's to give.
    if (!moved?.ok) throw new AppError('handover_person_moved');
  }
  await recordAudit(tx, actor, {
    action: accept ? 'handover_accept' : 'handover_decline',
    entity: 'person',
    entityId: decided.personId,
    jurisdictionCode: decided.ownerCode,
    detail: { handover: id, to: decided.requestedCode, note },
  });
  return 'decided';
}
