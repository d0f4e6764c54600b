import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { asHandover, placeIdNumber, requestHandover } from './handover.js';
import { SEALED_COLUMNS, type SealedPerson, sealPerson } from './seal.js';
import { type PersonFields, type PersonInput, validatePerson } from './validate.js';
import {
  auditSnapshot,
  mayUnmask,
  PERSON_FROM_SQL,
  PERSON_VIEW_SQL,
  type PersonRow,
  type PersonView,
  presentPerson,
} from './view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One person in the caller's scope as stored (birth date included): for this module's own use. */
async function readPerson(tx: Queryable, actor: Actor, id: string): Promise<PersonRow> {
  if (!UUID.test(id)) throw notFound();
  const [person] = await tx.query<PersonRow>(
    `SELECT ${PERSON_VIEW_SQL} FROM ${PERSON_FROM_SQL} WHERE p.id = $1`,
    [id],
  );
  if (!person || !inScope(person.jurisdictionCode, actor.scopes)) throw notFound();
  return person;
}

/** One person as the caller may read it. */
export async function getPerson(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
): Promise<PersonView> {
  return presentPerson(await readPerson(tx, actor, id), actor, ctx.now(), ctx.config.defaultTimeZone);
}

/** Scope and existence of the target jurisdiction: the first wall, before RLS would refuse. */
async function checkJurisdiction(tx: Queryable, actor: Actor, code: string) {
  if (!inScope(code, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  const [row] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [code]);
  if (!row) throw invalid([fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
}

/**
 * A second person with the same ID number in the caller's own subtree is refused, with a link to
 * the one already there (the caller may see it). A number held by another subtree is never
 * revealed: the caller's record is stored as a hand-over (see handover.ts).
 */
async function placeOrRefuse(tx: Queryable, hash: Buffer, exceptId?: string) {
  const placement = await placeIdNumber(tx, hash, exceptId);
  if (placement.kind === 'mine') {
    throw new AppError('person_exists', [fieldError('idNumber', 'id_duplicate')], {
      existingId: placement.id,
      existing: `/api/persons/${placement.id}`,
    });
  }
  return placement;
}

function today(ctx: AppContext) {
  return localDate(ctx.now(), ctx.config.defaultTimeZone);
}

/** Stores one sealed person; the caller has validated the fields, checked scope and refused duplicates. */
async function insertPerson(tx: Queryable, sealed: SealedPerson): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO persons (${SEALED_COLUMNS.join(', ')})
     VALUES (${SEALED_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    SEALED_COLUMNS.map((column) => sealed[column]),
  );
  return firstRow(rows, 'INSERT INTO persons').id;
}

export async function createPerson(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  input: PersonInput,
): Promise<PersonView> {
  const { fields, errors } = validatePerson(input, today(ctx));
  if (!fields) throw invalid(errors);
  await checkJurisdiction(tx, actor, fields.jurisdictionCode);
  const sealed = sealPerson(ctx.cipher, fields);
  const placement = await placeOrRefuse(tx, sealed.id_hash);
  const elsewhere = placement.kind === 'elsewhere';
  const id = await insertPerson(tx, elsewhere ? asHandover(ctx, sealed) : sealed);
  if (elsewhere) await requestHandover(ctx, tx, actor, placement.heldId, id, sealed.id_hash);
  const person = await readPerson(tx, actor, id);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'person',
    entityId: person.id,
    jurisdictionCode: person.jurisdictionCode,
    after: auditSnapshot(person),
  });
  return presentPerson(person, actor, ctx.now(), ctx.config.defaultTimeZone);
}

/**
 * The person with this (validated) number in the caller's subtree, or a new record there: a
 * hand-over when another subtree holds the number, answered the same way (arrival registration and
 * other registrations by ID number). Returns the person's id.
 */
export async function findOrRegister(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  fields: PersonFields,
  via: string,
): Promise<string> {
  const sealed = sealPerson(ctx.cipher, fields);
  const placement = await placeIdNumber(tx, sealed.id_hash);
  if (placement.kind === 'mine') return placement.id;
  const elsewhere = placement.kind === 'elsewhere';
  const id = await insertPerson(tx, elsewhere ? asHandover(ctx, sealed) : sealed);
  if (elsewhere) await requestHandover(ctx, tx, actor, placement.heldId, id, sealed.id_hash);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'person',
    entityId: id,
    jurisdictionCode: fields.jurisdictionCode,
    after: { name: fields.name, idNumberMasked: sealed.id_masked, jurisdictionCode: fields.jurisdictionCode },
    detail: { via },
  });
  return id;
}

/**
 * Replaces a person's fields. `version` must match the stored one, so two people editing the same
 * record cannot silently overwrite each other.
 */
export async function updatePerson(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  version: number,
  input: PersonInput,
): Promise<PersonView> {
  const before = await readPerson(tx, actor, id);
  const { fields, errors } = validatePerson(
    await withStoredIdentifiers(ctx, tx, actor, before, input),
    today(ctx),
  );
  if (!fields) throw invalid(errors);
  await checkJurisdiction(tx, actor, fields.jurisdictionCode);
  const sealed = await placeForUpdate(ctx, tx, actor, id, sealPerson(ctx.cipher, fields));
  const assignments = SEALED_COLUMNS.map((column, i) => `${column} = $${i + 3}`).join(', ');
  const updated = await tx.query(
    `UPDATE persons SET ${assignments}, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, ...SEALED_COLUMNS.map((column) => sealed[column])],
  );
  if (updated.length === 0) throw new AppError('conflict');
  const after = await readPerson(tx, actor, id);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'person',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: auditSnapshot(before),
    after: auditSnapshot(after),
  });
  return presentPerson(after, actor, ctx.now(), ctx.config.defaultTimeZone);
}

/**
 * The sealed fields an edit stores: a number that stays where it was keeps its hashes; one held by
 * another subtree becomes a hand-over, answered like any other edit.
 */
async function placeForUpdate(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  sealed: SealedPerson,
): Promise<SealedPerson> {
  const current = firstRow(
    await tx.query<{ id_hash: Buffer; handover_hash: Buffer | null }>(
      'SELECT id_hash, handover_hash FROM persons WHERE id = $1',
      [id],
    ),
    'SELECT id_hash FROM persons',
  );
  if (current.handover_hash && Buffer.from(current.handover_hash).equals(sealed.id_hash))
    return { ...sealed, id_hash: Buffer.from(current.id_hash) };
  const placement = await placeOrRefuse(tx, sealed.id_hash, id);
  if (placement.kind !== 'elsewhere') {
    if (current.handover_hash) await tx.query('UPDATE persons SET handover_hash = NULL WHERE id = $1', [id]);
    return sealed;
  }
  await requestHandover(ctx, tx, actor, placement.heldId, id, sealed.id_hash);
  return asHandover(ctx, sealed);
}

/**
 * Editors who cannot unmask still edit: an omitted ID number or phone means "keep the stored one",
 * read here without ever leaving the server. Such an editor never saw the birth date, so with a kept
 * ID number the stored birth date is kept too; a birth date they send is refused the same way
 * whatever it is, since "does not match the ID number" would tell them the hidden digits.
 */
async function withStoredIdentifiers(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  before: PersonRow,
  input: PersonInput,
): Promise<PersonInput> {
  const keepsBirthDate = !mayUnmask(actor) && input.idNumber === undefined;
  if (keepsBirthDate && input.birthDate)
    throw invalid([fieldError('birthDate', 'birth_date_needs_id_number')]);
  const birthDate = keepsBirthDate ? before.birthDate : input.birthDate;
  if (input.idNumber !== undefined && input.phone !== undefined) return { ...input, birthDate };
  const row = await storedCiphers(tx, before.id);
  return {
    ...input,
    birthDate,
    idNumber: input.idNumber ?? ctx.cipher.decrypt(row.id_cipher),
    phone:
      input.phone !== undefined
        ? input.phone
        : row.phone_cipher
          ? ctx.cipher.decrypt(row.phone_cipher)
          : null,
  };
}

/** The encrypted identifiers of a person the caller has already found in scope. */
async function storedCiphers(tx: Queryable, id: string) {
  return firstRow(
    await tx.query<{ id_cipher: Uint8Array; phone_cipher: Uint8Array | null }>(
      'SELECT id_cipher, phone_cipher FROM persons WHERE id = $1',
      [id],
    ),
    'SELECT id_cipher FROM persons',
  );
}

/** Shows the clear ID number and phone to a permitted user, and records that it did. */
export async function unmaskPerson(ctx: AppContext, tx: Queryable, actor: Actor, id: string, reason: string) {
  const person = await readPerson(tx, actor, id);
  const row = await storedCiphers(tx, id);
  await recordAudit(tx, actor, {
    action: 'unmask',
    entity: 'person',
    entityId: id,
    jurisdictionCode: person.jurisdictionCode,
    detail: { reason, fields: ['idNumber', 'phone'] },
  });
  return {
    idNumber: ctx.cipher.decrypt(row.id_cipher),
    phone: row.phone_cipher ? ctx.cipher.decrypt(row.phone_cipher) : null,
  };
}

/**
 * Shows the clear phone alone, for a call the caller's work asks for (the caller checks that it is
 * theirs), audited as an unmask of the phone with the reason and what asked for it.
 */
export async function revealPhone(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  reason: string,
  context: Record<string, unknown>,
): Promise<string | null> {
  const person = await readPerson(tx, actor, id);
  const row = await storedCiphers(tx, id);
  await recordAudit(tx, actor, {
    action: 'unmask',
    entity: 'person',
    entityId: id,
    jurisdictionCode: person.jurisdictionCode,
    detail: { reason, fields: ['phone'], ...context },
  });
  return row.phone_cipher ? ctx.cipher.decrypt(row.phone_cipher) : null;
}
