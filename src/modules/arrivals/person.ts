import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { type FieldError, fieldError } from '../../platform/errors.js';
import { idHash } from '../../platform/pii/seal.js';
import { localDate } from '../../rules/time.js';
import { insertPerson, sealPerson, validatePerson } from '../persons/index.js';

export type PersonRef =
  | { personId: string }
  | { name: string; idNumber: string; idType?: string; phone?: string | null };

/**
 * The person an arrival belongs to: an existing record (found by ID number anywhere, since an
 * arrival's destination is often not where the person was registered) or a new one registered in
 * the destination. Field errors come back under `person.`.
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
  const hash = idHash(ctx.cipher, fields.idNumber);
  const [existing] = await tx.query<{ id: string | null }>('SELECT fangkong_person_id_by_hash($1) AS id', [
    hash,
  ]);
  if (existing?.id) return { personId: existing.id, errors: [] };
  const sealed = sealPerson(ctx.cipher, fields);
  const personId = await insertPerson(tx, sealed);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'person',
    entityId: personId,
    jurisdictionCode,
    after: { name: fields.name, idNumberMasked: sealed.id_masked, jurisdictionCode },
    detail: { via: 'arrival' },
  });
  return { personId, errors: [] };
}
