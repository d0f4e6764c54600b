import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import {
  arrivalNeed,
  contactNeed,
  type IsolationNeed,
  purposeOf,
  type SitePurpose,
  type StoredContactStep,
  type StoredPhase,
} from '../../rules/isolationAllocation.js';
import { maskName } from '../../rules/landing.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { mayUnmask } from '../persons/index.js';

/**
 * Who is owed isolation, read from the plans that put them there: a contact's stored plan (EPI-4,
 * contacts.plan) or an arrival's active plan (ARR-*, arrival_plans.plan). Reads of the contacts and
 * arrivals tables by SQL; nothing here writes them.
 */
export type SourceType = 'contact' | 'arrival';

export interface StaySource extends IsolationNeed {
  sourceType: SourceType;
  sourceId: string;
  personId: string;
  personName: string;
  personIdMasked: string | null;
  householdCode: string | null;
  /** The person's jurisdiction: where a home stay is supervised. */
  jurisdictionCode: string;
  contactClass: string | null;
  purpose: SitePurpose;
  /** Identification (a contact) or arrival here (an arrival): no transfer arrives before it. */
  identifiedAt: Date;
  timeZone: string;
}

interface ContactRow {
  id: string;
  personId: string;
  jurisdictionCode: string;
  class: string;
  status: string;
  identifiedAt: Date;
  plan: { steps: StoredContactStep[]; timeZone: string } | null;
  name: string | null;
  idMasked: string | null;
  householdCode: string | null;
}

interface ArrivalRow {
  id: string;
  personId: string;
  jurisdictionCode: string;
  origin: 'overseas' | 'domestic';
  arrivedAt: Date;
  plan: { phases: StoredPhase[]; timeZone: string } | null;
  name: string | null;
  idMasked: string | null;
  householdCode: string | null;
}

const CONTACT_COLUMNS = `c.id, c.person_id AS "personId", c.jurisdiction_code AS "jurisdictionCode", c.class, c.status,
  c.identified_at AS "identifiedAt", c.plan, p.name, p.id_masked AS "idMasked", p.household_code AS "householdCode"`;
const ARRIVAL_COLUMNS = `a.id, a.person_id AS "personId", a.jurisdiction_code AS "jurisdictionCode", a.origin,
  a.arrived_at AS "arrivedAt", ap.plan, p.name, p.id_masked AS "idMasked", p.household_code AS "householdCode"`;

const maskedName = (name: string | null) => name ?? '***';

/** A name as lists show it (DESIGN "Safe by default"): masked unless the caller may unmask. */
export function shownName(actor: Actor, name: string | null): string {
  if (!name || name === '***') return '***';
  return mayUnmask(actor) ? name : maskName(name);
}

export function contactSource(row: ContactRow, kind: 'centralised' | 'home', now: Date): StaySource | null {
  if (!row.plan || (row.status !== 'identified' && row.status !== 'under_control')) return null;
  const timeZone = row.plan.timeZone;
  const need = contactNeed(row.plan.steps ?? [], kind, localDate(now, timeZone));
  if (!need) return null;
  return {
    ...need,
    sourceType: 'contact',
    sourceId: row.id,
    personId: row.personId,
    personName: maskedName(row.name),
    personIdMasked: row.idMasked,
    householdCode: row.householdCode,
    jurisdictionCode: row.jurisdictionCode,
    contactClass: row.class,
    purpose: purposeOf({ sourceType: 'contact' }),
    identifiedAt: new Date(row.identifiedAt),
    timeZone,
  };
}

export function arrivalSource(row: ArrivalRow, kind: 'centralised' | 'home', now: Date): StaySource | null {
  if (!row.plan) return null;
  const timeZone = row.plan.timeZone;
  const need = arrivalNeed(row.plan.phases ?? [], kind, localDate(now, timeZone));
  if (!need) return null;
  return {
    ...need,
    sourceType: 'arrival',
    sourceId: row.id,
    personId: row.personId,
    personName: maskedName(row.name),
    personIdMasked: row.idMasked,
    householdCode: row.householdCode,
    jurisdictionCode: row.jurisdictionCode,
    contactClass: null,
    purpose: purposeOf({ sourceType: 'arrival', origin: row.origin }),
    identifiedAt: new Date(row.arrivedAt),
    timeZone,
  };
}

/** Contacts managed in the caller's scope whose plan may owe isolation (the queue filters by plan). */
export function contactCandidates(tx: Queryable, where: string, params: unknown[]): Promise<ContactRow[]> {
  return tx.query<ContactRow>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts c LEFT JOIN persons p ON p.id = c.person_id
     WHERE c.status IN ('identified', 'under_control') AND c.plan IS NOT NULL AND ${where}`,
    params,
  );
}

/** Arrivals with an active plan (the queue filters by phase). */
export function arrivalCandidates(tx: Queryable, where: string, params: unknown[]): Promise<ArrivalRow[]> {
  return tx.query<ArrivalRow>(
    `SELECT ${ARRIVAL_COLUMNS} FROM arrivals a
       JOIN arrival_plans ap ON ap.arrival_id = a.id AND ap.status = 'active'
       LEFT JOIN persons p ON p.id = a.person_id
     WHERE a.status <> 'released' AND ${where}`,
    params,
  );
}

/**
 * The source of each person named, as owed `kind` isolation now, or why not: 'unknown' (not visible,
 * or not managed within the caller's scope — a sender sees a handed-over contact but never acts on
 * it) or 'not_owed' (nothing of that kind owed by the plan).
 */
export async function readSource(
  tx: Queryable,
  actor: Actor,
  person: { sourceType: SourceType; sourceId: string },
  kind: 'centralised' | 'home',
  now: Date,
): Promise<StaySource | 'unknown' | 'not_owed'> {
  if (person.sourceType === 'contact') {
    const [row] = await tx.query<ContactRow>(
      `SELECT ${CONTACT_COLUMNS} FROM contacts c LEFT JOIN persons p ON p.id = c.person_id WHERE c.id = $1`,
      [person.sourceId],
    );
    if (!row || !inScope(row.jurisdictionCode, actor.scopes)) return 'unknown';
    return contactSource(row, kind, now) ?? 'not_owed';
  }
  const [row] = await tx.query<ArrivalRow>(
    `SELECT ${ARRIVAL_COLUMNS} FROM arrivals a
       LEFT JOIN arrival_plans ap ON ap.arrival_id = a.id AND ap.status = 'active'
       LEFT JOIN persons p ON p.id = a.person_id
     WHERE a.id = $1`,
    [person.sourceId],
  );
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) return 'unknown';
  return arrivalSource(row, kind, now) ?? 'not_owed';
}

/** readSource for many people at once (two queries): one answer per person, in order. */
export async function readSources(
  tx: Queryable,
  actor: Actor,
  people: ReadonlyArray<{ sourceType: SourceType; sourceId: string }>,
  kind: 'centralised' | 'home',
  now: Date,
): Promise<Array<StaySource | 'unknown' | 'not_owed'>> {
  const ids = (type: SourceType) => people.filter((p) => p.sourceType === type).map((p) => p.sourceId);
  const contactIds = ids('contact');
  const arrivalIds = ids('arrival');
  const contacts =
    contactIds.length > 0
      ? await tx.query<ContactRow>(
          `SELECT ${CONTACT_COLUMNS} FROM contacts c LEFT JOIN persons p ON p.id = c.person_id WHERE c.id = ANY ($1::uuid[])`,
          [contactIds],
        )
      : [];
  const arrivals =
    arrivalIds.length > 0
      ? await tx.query<ArrivalRow>(
          `SELECT ${ARRIVAL_COLUMNS} FROM arrivals a
             LEFT JOIN arrival_plans ap ON ap.arrival_id = a.id AND ap.status = 'active'
             LEFT JOIN persons p ON p.id = a.person_id
           WHERE a.id = ANY ($1::uuid[])`,
          [arrivalIds],
        )
      : [];
  const contactOf = new Map(contacts.map((r) => [r.id, r]));
  const arrivalOf = new Map(arrivals.map((r) => [r.id, r]));
  return people.map((person) => {
    if (person.sourceType === 'contact') {
      const row = contactOf.get(person.sourceId);
      if (!row || !inScope(row.jurisdictionCode, actor.scopes)) return 'unknown';
      return contactSource(row, kind, now) ?? 'not_owed';
    }
    const row = arrivalOf.get(person.sourceId);
    if (!row || !inScope(row.jurisdictionCode, actor.scopes)) return 'unknown';
    return arrivalSource(row, kind, now) ?? 'not_owed';
  });
}
