import type { HospitalView } from '../../api/hospitals.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import {
  admitsCases,
  EMPTYING_HOURS,
  type HospitalKind,
  type HospitalStatus,
  readinessShortfalls,
} from '../../rules/hospitalReadiness.js';
import { inScope } from '../../rules/roles.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOUR = 3_600_000;

interface HospitalRow {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  name: string;
  kind: HospitalKind;
  isCountyHospital: boolean;
  status: HospitalStatus;
  beds: number;
  icuBeds: number;
  negativePressureBeds: number;
  supplyDays: number;
  address: string | null;
  emptyingOwedAt: Date | null;
  emptiedAt: Date | null;
  updatedAt: Date;
  version: number;
}

/** The registry's columns, hospitals aliased `h`. */
const HOSPITAL_SQL = `h.id, h.jurisdiction_code AS "jurisdictionCode",
  coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = h.jurisdiction_code), '') AS "jurisdictionName",
  h.name, h.kind, h.is_county_hospital AS "isCountyHospital", h.status, h.beds, h.icu_beds AS "icuBeds",
  h.negative_pressure_beds AS "negativePressureBeds", h.supply_days AS "supplyDays", h.address,
  h.emptying_owed_at AS "emptyingOwedAt", h.emptied_at AS "emptiedAt", h.updated_at AS "updatedAt", h.version`;

interface Occupancy {
  inHospital: number;
  confirmed: number;
  onTheWay: number;
}

/**
 * CAS-4: occupancy of each hospital across every jurisdiction it takes patients from (a definer
 * function that returns counts only; migration 0105).
 */
async function occupancyOf(tx: Queryable, ids: readonly string[]): Promise<Map<string, Occupancy>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<Occupancy & { hospitalId: string }>(
    `SELECT hospital_id AS "hospitalId", in_hospital AS "inHospital", confirmed, on_the_way AS "onTheWay"
     FROM fangkong_hospital_occupancy($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map(({ hospitalId, ...o }) => [hospitalId, o]));
}

const NONE: Occupancy = { inHospital: 0, confirmed: 0, onTheWay: 0 };

function toView(row: HospitalRow, occupancy: Occupancy, actor: Actor, now: Date): HospitalView {
  const dueAt = row.emptyingOwedAt ? new Date(row.emptyingOwedAt.getTime() + EMPTYING_HOURS * HOUR) : null;
  return {
    id: row.id,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    name: row.name,
    kind: row.kind,
    isCountyHospital: row.isCountyHospital,
    status: row.status,
    beds: row.beds,
    icuBeds: row.icuBeds,
    negativePressureBeds: row.negativePressureBeds,
    supplyDays: row.supplyDays,
    address: row.address,
    ...occupancy,
    freeBeds: Math.max(0, row.beds - occupancy.inHospital),
    icuSharePct: row.beds === 0 ? 0 : Math.floor((row.icuBeds * 100) / row.beds),
    shortfalls: readinessShortfalls(row),
    admitsCases: admitsCases(row),
    emptyingOwedAt: row.emptyingOwedAt?.toISOString() ?? null,
    emptyingDueAt: dueAt?.toISOString() ?? null,
    emptiedAt: row.emptiedAt?.toISOString() ?? null,
    emptyingOverdue: dueAt !== null && row.emptiedAt === null && dueAt < now,
    editable: actor.permissions.has('hospital.write') && inScope(row.jurisdictionCode, actor.scopes),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Hospitals as views, with their occupancy. */
async function hospitalViews(
  tx: Queryable,
  rows: readonly HospitalRow[],
  actor: Actor,
  now: Date,
): Promise<HospitalView[]> {
  const occupancy = await occupancyOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toView(row, occupancy.get(row.id) ?? NONE, actor, now));
}

/**
 * One hospital the caller may read (in their subtree or above it: the registry is read from below),
 * else 404.
 */
export async function readHospital(
  tx: Queryable,
  actor: Actor,
  id: string,
  now: Date,
): Promise<HospitalView> {
  if (!UUID.test(id)) throw notFound();
  const rows = await tx.query<HospitalRow>(`SELECT ${HOSPITAL_SQL} FROM hospitals h WHERE h.id = $1`, [id]);
  const [view] = await hospitalViews(tx, rows, actor, now);
  if (!view) throw notFound();
  return view;
}

export interface HospitalFilter {
  jurisdiction?: string | undefined;
  kind?: HospitalKind | undefined;
  admitting?: boolean | undefined;
  shortfall?: boolean | undefined;
  emptying?: 'owed' | undefined;
}

/**
 * The hospitals over a subtree: its own and those above it that serve it (a city's designated
 * hospital serves its counties). Row-level security bounds them to the caller's reach.
 */
export async function listHospitals(
  tx: Queryable,
  actor: Actor,
  filter: HospitalFilter,
  now: Date,
): Promise<HospitalView[]> {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.jurisdiction) {
    params.push(filter.jurisdiction);
    where.push(`(h.jurisdiction_code ^@ $1 OR $1 ^@ h.jurisdiction_code)`);
  }
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`h.kind = $${params.length}`);
  }
  if (filter.admitting) where.push(`h.kind IN ('designated', 'mobile_cabin') AND h.status = 'in_use'`);
  if (filter.emptying === 'owed') where.push('h.emptying_owed_at IS NOT NULL AND h.emptied_at IS NULL');
  const rows = await tx.query<HospitalRow>(
    `SELECT ${HOSPITAL_SQL} FROM hospitals h ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY h.is_county_hospital DESC, array_position(ARRAY['designated', 'fever_clinic', 'mobile_cabin'], h.kind),
       h.jurisdiction_code, h.name, h.id
     LIMIT 500`,
    params,
  );
  const views = await hospitalViews(tx, rows, actor, now);
  return filter.shortfall ? views.filter((h) => h.shortfalls.length > 0) : views;
}

export function hospitalSnapshot(view: HospitalView): Record<string, unknown> {
  const { jurisdictionName: _j, shortfalls: _s, editable: _e, emptyingOverdue: _o, ...rest } = view;
  return rest;
}
