import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid } from '../../platform/errors.js';
import { createPerson } from '../persons/index.js';
import type { RegistrationContext } from './context.js';
import type { Registration } from './registerInput.js';
import type { MaskedPerson } from './view.js';

/**
 * The person being sampled: found by ID number or id within the caller's scope, or — for an ID
 * number nobody has registered yet — created in the site's jurisdiction through the persons module
 * (validated, encrypted and audited there). A person registered in another subtree is refused: their
 * record is not the caller's to attach samples to.
 */
export async function resolvePerson(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  input: Registration,
  found: RegistrationContext,
): Promise<MaskedPerson> {
  const field = input.personId ? 'personId' : 'idNumber';
  if (found.foundPersonId && found.personCode && found.personName && found.idNumberMasked) {
    return {
      id: found.foundPersonId,
      name: found.personName,
      idNumberMasked: found.idNumberMasked,
      jurisdictionCode: found.personCode,
    };
  }
  if (input.personId) throw invalid([fieldError('personId', 'person_unknown')]);
  if (found.foundPersonId) throw new AppError('forbidden', [fieldError(field, 'jurisdiction_out_of_scope')]);
  if (!actor.permissions.has('person.write'))
    throw new AppError('forbidden', [fieldError('idNumber', 'person_unknown')]);
  if (!input.name) throw invalid([fieldError('name', 'person_new_name_required')]);
  const person = await createPerson(ctx, tx, actor, {
    name: input.name,
    idNumber: input.idNumber ?? '',
    jurisdictionCode: found.siteCode,
  });
  return {
    id: person.id,
    name: person.name,
    idNumberMasked: person.idNumberMasked,
    jurisdictionCode: person.jurisdictionCode,
  };
}
