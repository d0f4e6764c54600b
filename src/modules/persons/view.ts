import { type Static, Type } from 'typebox';

/** What a person looks like outside the database: ID number and phone only ever masked. */
export const PersonView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idType: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  sex: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  employer: Type.Union([Type.String(), Type.Null()]),
  householdCode: Type.Union([Type.String(), Type.Null()]),
  keyGroups: Type.Array(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PersonView = Static<typeof PersonView>;

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
export function auditSnapshot(view: PersonView): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, jurisdictionName: _j, ...rest } = view;
  return rest;
}
