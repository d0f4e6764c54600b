import type { Static } from 'typebox';
import type { BatchBody, CreateBody, ExposureBody } from '../../api/contacts.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, invalid } from '../../platform/errors.js';
import { FIELD_MESSAGES } from '../../platform/messages.js';
import type { ContactClass } from '../../rules/policy/outbreakTypes.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { findOrRegister, sealPerson, validatePerson } from '../persons/index.js';
import { checkInIdentity } from '../venues/index.js';
import { handoverDeadline, openContactDeadlines, planContact, planDeadlines } from './plan.js';

type Exposure = Static<typeof ExposureBody>;
type PersonInput = Parameters<typeof validatePerson>[0];

/** Who the contact is: a person the caller can see, or one placed by the hash of their ID number. */
interface Placed {
  personId: string;
  /** Where the contact is managed: their residence (the person's jurisdiction). */
  home: string;
  name: string;
  addressUnverified: boolean;
}

interface CaseRow {
  id: string;
  jurisdictionCode: string;
  personId: string;
  status: string;
}

export const byName = (actor: Actor) => `${actor.displayName} (${actor.username})`;

async function readCase(tx: Queryable, caseId: string): Promise<CaseRow> {
  const [row] = await tx.query<CaseRow>(
    `SELECT id, jurisdiction_code AS "jurisdictionCode", person_id AS "personId", status FROM cases WHERE id = $1`,
    [caseId],
  );
  if (!row) throw new AppError('not_found', [fieldError('caseId', 'person_unknown')]);
  if (row.status === 'discarded') throw new AppError('case_discarded');
  return row;
}

/** A registered person, wherever they live: the id and jurisdiction only (migration 0155). */
async function homeByHash(
  tx: Queryable,
  hash: Buffer,
): Promise<{ personId: string; home: string } | undefined> {
  const [row] = await tx.query<{ person_id: string; jurisdiction_code: string }>(
    'SELECT person_id, jurisdiction_code FROM fangkong_contact_home($1)',
    [hash],
  );
  return row ? { personId: row.person_id, home: row.jurisdiction_code } : undefined;
}

async function visibleName(tx: Queryable, personId: string): Promise<string | undefined> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM persons WHERE id = $1', [personId]);
  return row?.name;
}

/** Masks a name for a caller who cannot see the person (a contact living in another county). */
const maskName = (name: string) =>
  name.length <= 1 ? '*' : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`;

/**
 * A co-exposure candidate by the keyed hash of their ID number (contract 3): the registered person
 * with that hash, wherever they live; else the sealed identity behind the check-in (venues'
 * checkInIdentity), registered as a new person. EPI-4, never understating risk: a person whose
 * residence is not known is filed under the jurisdiction of the venue where the check-in was made
 * (its community, where they were last seen), flagged 待核实住址 until verified, so the community there
 * acts at once rather than nobody.
 */
async function placeByHash(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  hash: Buffer,
): Promise<Placed | FieldError> {
  const held = await homeByHash(tx, hash);
  if (held) {
    const name = await visibleName(tx, held.personId);
    const identity = name ? undefined : await checkInIdentity(tx, hash, ctx.cipher);
    return {
      ...held,
      name: name ?? (identity ? maskName(identity.name) : '***'),
      addressUnverified: false,
    };
  }
  const identity = await checkInIdentity(tx, hash, ctx.cipher);
  if (!identity) return fieldError('idHash', 'person_unknown');
  const input: PersonInput = {
    name: identity.name,
    idNumber: identity.idNumber,
    phone: identity.phone,
    jurisdictionCode: identity.jurisdictionCode,
  };
  const { fields } = validatePerson(input, localDate(ctx.now(), ctx.config.defaultTimeZone));
  if (!fields) return fieldError('idHash', 'person_unknown');
  const personId = await findOrRegister(ctx, tx, actor, fields, 'contact');
  return { personId, home: identity.jurisdictionCode, name: identity.name, addressUnverified: true };
}

/** One contact typed by hand: a person the caller can see, or name + ID number + phone + residence. */
async function placeByHand(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  body: Static<typeof CreateBody>,
): Promise<Placed> {
  if (body.personId) {
    const [row] = await tx.query<{ name: string; jurisdictionCode: string }>(
      'SELECT name, jurisdiction_code AS "jurisdictionCode" FROM persons WHERE id = $1',
      [body.personId],
    );
    if (!row) throw new AppError('not_found', [fieldError('personId', 'person_unknown')]);
    return { personId: body.personId, home: row.jurisdictionCode, name: row.name, addressUnverified: false };
  }
  const errors: FieldError[] = [];
  if (!body.name) errors.push(fieldError('name', 'required'));
  if (!body.idNumber) errors.push(fieldError('idNumber', 'required'));
  if (!body.jurisdictionCode) errors.push(fieldError('jurisdictionCode', 'required'));
  if (errors.length > 0) throw invalid(errors);
  const input: PersonInput = {
    name: body.name,
    idNumber: body.idNumber,
    phone: body.phone ?? null,
    jurisdictionCode: body.jurisdictionCode,
  };
  const { fields, errors: personErrors } = validatePerson(
    input,
    localDate(ctx.now(), ctx.config.defaultTimeZone),
  );
  if (!fields) throw invalid(personErrors);
  const held = await homeByHash(tx, sealPerson(ctx.cipher, fields).id_hash);
  if (held) {
    const name = await visibleName(tx, held.personId);
    return { ...held, name: name ?? maskName(fields.name), addressUnverified: false };
  }
  // A person registered nowhere can be registered only in the caller's scope (row-level security);
  // a residence elsewhere is then the receiving county's to register (partial: not done here).
  if (!inScope(fields.jurisdictionCode, actor.scopes)) {
    throw invalid([fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  }
  const personId = await findOrRegister(ctx, tx, actor, fields, 'contact');
  return { personId, home: fields.jurisdictionCode, name: fields.name, addressUnverified: false };
}

interface NewContact {
  caseRow: CaseRow;
  cls: ContactClass;
  reason: string;
  sourceContactId?: string | undefined;
  exposure: Exposure;
  placed: Placed;
}

function checkExposure(exposure: Exposure, now: Date): FieldError | undefined {
  const at = new Date(exposure.at);
  if (Number.isNaN(at.getTime())) return fieldError('exposure.at', 'format');
  if (at.getTime() > now.getTime() + 5 * 60_000) return fieldError('exposure.at', 'range');
  // EPI-2: exposures of interest lie within the weeks before the report; a year back is a typing slip.
  if (at.getTime() < now.getTime() - 366 * 86_400_000) return fieldError('exposure.at', 'range');
  if (exposure.kind === 'venue' && !exposure.venueId) return fieldError('exposure.venueId', 'required');
  return undefined;
}

/** A source contact given for a secondary close contact must be a close contact of the same case. */
async function checkSourceContact(tx: Queryable, caseId: string, cls: ContactClass, id: string | undefined) {
  if (!id) return;
  if (cls !== 'secondary_close') throw invalid([fieldError('sourceContactId', 'enum')]);
  const [row] = await tx.query<{ class: string; caseId: string }>(
    `SELECT class, case_id AS "caseId" FROM contacts WHERE id = $1 AND status <> 'discarded'`,
    [id],
  );
  if (!row || row.caseId !== caseId || row.class !== 'close') {
    throw invalid([fieldError('sourceContactId', 'person_unknown')]);
  }
}

/**
 * EPI-4: lists one contact and pushes them to control. Idempotent on (case, person): a person already
 * listed for the case is returned as existing. A contact living outside the caller's scope is handed
 * to their jurisdiction (regional collaboration): the row and its deadlines are theirs.
 */
async function insertContact(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  c: NewContact,
): Promise<{ contactId: string; existing: boolean }> {
  const [existing] = await tx.query<{ id: string }>(
    `SELECT id FROM contacts WHERE case_id = $1 AND person_id = $2 AND status <> 'discarded'`,
    [c.caseRow.id, c.placed.personId],
  );
  if (existing) return { contactId: existing.id, existing: true };
  const now = ctx.now();
  const home = c.placed.home;
  const mine = inScope(home, actor.scopes);
  const plan = await planContact(ctx, tx, home, c.cls, now, new Date(c.exposure.at));
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO contacts (jurisdiction_code, source_code, case_id, source_contact_id, person_id, class, reason,
       exposure_kind, exposure_venue_id, exposure_checkpoint_id, exposure_place, exposure_at, overlap_minutes,
       identified_at, identified_by, identified_by_name, status, address_unverified, plan, pack_id, pack_version,
       handover_state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     ON CONFLICT (case_id, person_id) WHERE status <> 'discarded' DO NOTHING
     RETURNING id`,
    [
      home,
      c.caseRow.jurisdictionCode,
      c.caseRow.id,
      c.sourceContactId ?? null,
      c.placed.personId,
      c.cls,
      c.reason,
      c.exposure.kind,
      c.exposure.venueId ?? null,
      c.exposure.checkpointId ?? null,
      c.exposure.place ?? null,
      c.exposure.at,
      c.exposure.overlapMinutes ?? null,
      now,
      actor.userId,
      byName(actor),
      mine ? 'under_control' : 'identified',
      c.placed.addressUnverified,
      JSON.stringify(plan),
      plan.packId,
      plan.packVersion,
      mine ? null : 'pending',
    ],
  );
  if (!row) {
    // Listed by someone else a moment ago (the unique index): theirs is the one.
    const [raced] = await tx.query<{ id: string }>(
      `SELECT id FROM contacts WHERE case_id = $1 AND person_id = $2 AND status <> 'discarded'`,
      [c.caseRow.id, c.placed.personId],
    );
    if (!raced) throw new AppError('conflict');
    return { contactId: raced.id, existing: true };
  }
  const contact = { id: row.id, personId: c.placed.personId, jurisdictionCode: home };
  const deadlines = planDeadlines(plan, contact, now);
  if (!mine) deadlines.push(handoverDeadline(contact, c.caseRow.jurisdictionCode, now));
  await openContactDeadlines(tx, row.id, deadlines, mine, now);
  await addEvent(
    tx,
    row.id,
    home,
    c.caseRow.jurisdictionCode,
    now,
    byName(actor),
    mine ? 'identified' : 'handed_over',
    {
      class: c.cls,
      packId: plan.packId,
      packVersion: plan.packVersion,
      ...(mine ? {} : { to: home }),
    },
  );
  await recordAudit(tx, actor, {
    action: 'contact.identify',
    entity: 'contact',
    entityId: row.id,
    jurisdictionCode: c.caseRow.jurisdictionCode,
    after: { caseId: c.caseRow.id, class: c.cls, jurisdictionCode: home, handover: !mine },
  });
  return { contactId: row.id, existing: false };
}

export async function addEvent(
  tx: Queryable,
  contactId: string,
  code: string,
  source: string,
  at: Date,
  actorName: string,
  kind: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.query(
    `INSERT INTO contact_events (contact_id, jurisdiction_code, source_code, at, actor_name, kind, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [contactId, code, source, at, actorName, kind, JSON.stringify(detail)],
  );
}

type Rejected = { index: number; code: string; message: { zh: string; en: string } };
const rejectedOf = (index: number, e: FieldError): Rejected => ({
  index,
  code: e.code,
  message: { zh: `${e.field}${FIELD_MESSAGES[e.code].zh}`, en: `${e.field} ${FIELD_MESSAGES[e.code].en}` },
});

/** Contract 3: POST /api/contacts/batch. */
export async function createBatch(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  body: Static<typeof BatchBody>,
): Promise<{
  created: Array<{ contactId: string; name: string }>;
  existing: Array<{ contactId: string; name: string }>;
  rejected: Rejected[];
}> {
  const caseRow = await readCase(tx, body.caseId);
  await checkSourceContact(tx, caseRow.id, body.class, body.sourceContactId);
  const out = {
    created: [] as Array<{ contactId: string; name: string }>,
    existing: [] as Array<{ contactId: string; name: string }>,
    rejected: [] as Rejected[],
  };
  const now = ctx.now();
  for (const [index, candidate] of body.candidates.entries()) {
    const bad = checkExposure(candidate.exposure, now);
    if (bad) {
      out.rejected.push(rejectedOf(index, bad));
      continue;
    }
    let placed: Placed | FieldError;
    if (candidate.idHash) {
      placed = await placeByHash(ctx, tx, actor, Buffer.from(candidate.idHash, 'hex'));
    } else if (candidate.personId) {
      const [row] = await tx.query<{ name: string; jurisdictionCode: string }>(
        'SELECT name, jurisdiction_code AS "jurisdictionCode" FROM persons WHERE id = $1',
        [candidate.personId],
      );
      placed = row
        ? {
            personId: candidate.personId,
            home: row.jurisdictionCode,
            name: row.name,
            addressUnverified: false,
          }
        : fieldError('personId', 'person_unknown');
    } else {
      placed = fieldError('idHash', 'required');
    }
    if ('code' in placed) {
      out.rejected.push(rejectedOf(index, placed));
      continue;
    }
    if (placed.personId === caseRow.personId) {
      out.rejected.push(rejectedOf(index, fieldError('idHash', 'id_duplicate')));
      continue;
    }
    const result = await insertContact(ctx, tx, actor, {
      caseRow,
      cls: body.class,
      reason: body.reason,
      sourceContactId: body.sourceContactId,
      exposure: candidate.exposure,
      placed,
    });
    (result.existing ? out.existing : out.created).push({ contactId: result.contactId, name: placed.name });
  }
  return out;
}

/** POST /api/contacts: one contact typed by hand. */
export async function createOne(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  body: Static<typeof CreateBody>,
): Promise<{ contactId: string; existing: boolean }> {
  const caseRow = await readCase(tx, body.caseId);
  const bad = checkExposure(body.exposure, ctx.now());
  if (bad) throw invalid([bad]);
  await checkSourceContact(tx, caseRow.id, body.class, body.sourceContactId);
  const placed = await placeByHand(ctx, tx, actor, body);
  if (placed.personId === caseRow.personId) throw invalid([fieldError('personId', 'id_duplicate')]);
  return insertContact(ctx, tx, actor, {
    caseRow,
    cls: body.class,
    reason: body.reason,
    sourceContactId: body.sourceContactId,
    exposure: body.exposure,
    placed,
  });
}
