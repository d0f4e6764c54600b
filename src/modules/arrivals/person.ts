import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { type FieldError, fieldError } from '../../platform/errors.js';
import { localDate } from '../../rules/time.js';
import { findOrRegister, validatePerson } from '../persons/index.js';

export type PersonRef =
  | { personId: string }
  | { name: string; idNumber: string; idType?: string; phone?: string | null };

/**
 * The person an arrival belongs to: a record in the caller's subtree with that ID number, or a new
 * one registered in the destination. When another subtree holds the number the answer is the same
 * (registering there never tells whether a number is known elsewhere), and the holder is asked to
 * hand the person over. Field errors come back under `person.`.
 */
export async function resolvePerson(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  ref: PersonRef,
  jurisdictionCode: string,
): Promise<{ personId: string; errors: FieldError[] }> {
  if ('personId' in ref) {
    const [row] = await tx.query<{ id: string }>('SELECT id FROM persons WHERE id = $1', [ref.personId]);
    return row
      ? { personId: row.id, errors: [] }
      : { personId: '', errors: [fieldError('person.personId', 'person_unknown')] };
  }
  const today = localDate(ctx.now(), ctx.config.defaultTimeZone);
  const { fields, errors } = validatePerson({ ...ref, jurisdictionCode }, today);
  if (!fields) return { personId: '', errors: errors.map((e) => fieldError(`person.${e.field}`, e.code)) };
  // Found in the caller's subtree, or registered there; a number held by another subtree is never
  // revealed (the holder gets a hand-over request, see the persons module).
  const personId = await findOrRegister(ctx, tx, actor, fields, 'arrival');
  return { personId, errors: [] };
}
