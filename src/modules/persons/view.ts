import type { Person as PersonView } from '../../api/persons.js';
import type { Actor } from '../../platform/access/actor.js';
import { ageBand } from '../../rules/birthBand.js';
import { localDate } from '../../rules/time.js';

/** What a person looks like outside the database; its schema is the API contract in src/api/persons.ts. */
export type { PersonView };

/** A person as PERSON_VIEW_SQL reads it, before `presentPerson` decides what the caller may see. */
export type PersonRow = Omit<PersonView, 'ageBand'>;

/** True when the caller may read full identifiers, and so the birth date too. */
export const mayUnmask = (actor: Actor) => actor.permissions.has('person.unmask');

/**
 * The person as the caller may read it (DESIGN "Safe by default"): a role without the unmask
 * permission gets an age band instead of the birth date, since the birth date is exactly what the
 * masked ID number hides (see src/rules/birthBand.ts). The server never sends it to them.
 */
export function presentPerson(row: PersonRow, actor: Actor, now: Date, timeZone: string): PersonView {
  const band = ageBand(row.birthDate, localDate(new Date(row.createdAt), timeZone), localDate(now, timeZone));
  return { ...row, birthDate: mayUnmask(actor) ? row.birthDate : null, ageBand: band };
}

export const PERSON_VIEW_SQL = `p.id, p.name, p.id_type AS "idType", p.id_masked AS "idNumberMasked",
  p.phone_masked AS "phoneMasked", p.sex, p.birth_date AS "birthDate", p.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = p.jurisdiction_code) AS "jurisdictionName", p.address, p.employer, p.household_code AS "householdCode",
  p.key_groups AS "keyGroups", p.version,
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"`;
/**
 * Persons alone: the jurisdiction name is looked up per row of the page (a subquery above) rather
 * than joined, so a page is read straight off the persons index and stops at its last row; a join
 * with the row-level-secured jurisdictions table made the planner read whole communities first.
 */
export const PERSON_FROM_SQL = 'persons p';

/** The audit snapshot of a person: the masked view without bookkeeping fields. */
export function auditSnapshot(view: PersonRow): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, jurisdictionName: _j, ...rest } = view;
  return rest;
}
