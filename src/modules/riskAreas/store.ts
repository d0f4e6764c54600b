import type { Queryable } from '../../platform/db/types.js';
import { type FieldError, fieldError } from '../../platform/errors.js';
import type { AreaFields } from './fields.js';
import { divisionNames, nameArea } from './names.js';
import { riskAreaId } from './naturalId.js';

export type Outcome = 'created' | 'lifted' | 'unchanged';
type AreaResult = { id: string; outcome: Outcome } | { errors: FieldError[] };

export interface Applied {
  /** One per candidate, in order. */
  results: AreaResult[];
  /** Earlier records lifted because a later publication for the same area arrived. */
  superseded: string[];
}

interface Stored {
  id: string;
  level: string;
  liftedAt: Date | null;
  /** Not in the database yet, or its lift changed: to be written. */
  dirty: 'insert' | 'update' | null;
  fields?: AreaFields;
}

/** A record this call creates (marked 'insert' together with the fields it is made of). */
type NewArea = Stored & { fields: AreaFields };
const isNew = (stored: Stored): stored is NewArea => stored.dirty === 'insert' && stored.fields !== undefined;

const keyOf = (f: { divisionCode: string; areaName: string; publishedAt: Date }) =>
  `${f.divisionCode}\u001f${f.areaName}\u001f${f.publishedAt.getTime()}`;

const earlier = (a: Date | null, b: Date | null) => (a === null ? b : b === null || a <= b ? a : b);

/**
 * Writes checked areas in the caller's transaction, idempotently on the natural key (division
 * code, area name, level, publication time): a known publication is left as it is, except that a
 * lift time moves it earlier (a row with 解除时间 lifts it). Two levels for one area at one instant
 * conflict. Afterwards every record followed by a later publication for the same area ends at
 * that publication (a level change lifts the old level at the same instant).
 */
export async function applyAreas(
  tx: Queryable,
  actorId: string | null,
  candidates: readonly AreaFields[],
): Promise<Applied> {
  const names = await divisionNames(
    tx,
    candidates.map((c) => c.divisionCode),
  );
  const named = candidates.map((c) => nameArea(c, names));
  const state = await existing(tx, named);
  const results = named.map((fields): AreaResult => {
    if (!fields.areaName) return { errors: [fieldError('areaName', 'area_name_required')] };
    const key = keyOf({ ...fields, areaName: fields.areaName });
    const stored = state.get(key);
    if (!stored) {
      const id = riskAreaId(fields.divisionCode, fields.areaName, fields.level, fields.publishedAt);
      state.set(key, { id, level: fields.level, liftedAt: fields.liftedAt, dirty: 'insert', fields });
      return { id, outcome: 'created' };
    }
    if (stored.level !== fields.level) return { errors: [fieldError('level', 'risk_area_conflict')] };
    const liftedAt = earlier(stored.liftedAt, fields.liftedAt);
    if (liftedAt?.getTime() === stored.liftedAt?.getTime()) return { id: stored.id, outcome: 'unchanged' };
    stored.liftedAt = liftedAt;
    stored.dirty ??= 'update';
    return { id: stored.id, outcome: 'lifted' };
  });
  const changed = [...state.values()].filter((s) => s.dirty);
  await insertAreas(tx, actorId, changed.filter(isNew));
  await updateLifts(
    tx,
    changed.filter((s) => s.dirty === 'update'),
  );
  const superseded = await supersede(
    tx,
    named.filter((f) => f.areaName),
  );
  return { results, superseded };
}

async function existing(tx: Queryable, fields: readonly AreaFields[]): Promise<Map<string, Stored>> {
  const keyed = fields.filter((f) => f.areaName);
  const rows = await tx.query<{
    id: string;
    level: string;
    divisionCode: string;
    areaName: string;
    publishedAt: Date;
    liftedAt: Date | null;
  }>(
    `SELECT r.id, r.level, r.division_code AS "divisionCode", r.area_name AS "areaName",
       r.published_at AS "publishedAt", r.lifted_at AS "liftedAt"
     FROM risk_areas r
     JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])) k (code, name, at)
       ON r.division_code = k.code AND r.area_name = k.name AND r.published_at = k.at`,
    [
      keyed.map((f) => f.divisionCode),
      keyed.map((f) => f.areaName),
      keyed.map((f) => f.publishedAt.toISOString()),
    ],
  );
  return new Map(
    rows.map((row) => [keyOf(row), { id: row.id, level: row.level, liftedAt: row.liftedAt, dirty: null }]),
  );
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

async function insertAreas(tx: Queryable, actorId: string | null, rows: readonly NewArea[]) {
  if (rows.length === 0) return;
  const f = rows.map((row) => ({ ...row.fields, liftedAt: row.liftedAt }));
  await tx.query(
    `INSERT INTO risk_areas (id, level, division_code, area_name, province_name, city_name, district_name,
       published_at, lifted_at, publisher, source_url, created_by)
     SELECT t.*, $12::uuid FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[]) t
     ON CONFLICT DO NOTHING`,
    [
      rows.map((row) => row.id),
      f.map((x) => x.level),
      f.map((x) => x.divisionCode),
      f.map((x) => x.areaName),
      f.map((x) => x.provinceName),
      f.map((x) => x.cityName),
      f.map((x) => x.districtName),
      f.map((x) => x.publishedAt.toISOString()),
      f.map((x) => iso(x.liftedAt)),
      f.map((x) => x.publisher),
      f.map((x) => x.sourceUrl),
      actorId,
    ],
  );
}

async function updateLifts(tx: Queryable, rows: readonly Stored[]) {
  if (rows.length === 0) return;
  await tx.query(
    `UPDATE risk_areas r SET lifted_at = t.lifted_at
     FROM unnest($1::uuid[], $2::timestamptz[]) t (id, lifted_at) WHERE r.id = t.id`,
    [rows.map((row) => row.id), rows.map((row) => iso(row.liftedAt))],
  );
}

/** Ends every record of the touched areas at the next publication for the same area, if earlier. */
async function supersede(
  tx: Queryable,
  areas: ReadonlyArray<{ divisionCode: string; areaName: string | null }>,
): Promise<string[]> {
  if (areas.length === 0) return [];
  const rows = await tx.query<{ id: string }>(
    `WITH touched AS (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) t (code, name)),
     ordered AS (
       SELECT r.id, lead(r.published_at) OVER (PARTITION BY r.division_code, r.area_name ORDER BY r.published_at) AS next_at
       FROM risk_areas r JOIN touched t ON r.division_code = t.code AND r.area_name = t.name)
     UPDATE risk_areas r SET lifted_at = o.next_at FROM ordered o
     WHERE r.id = o.id AND o.next_at IS NOT NULL AND (r.lifted_at IS NULL OR r.lifted_at > o.next_at)
     RETURNING r.id`,
    [areas.map((a) => a.divisionCode), areas.map((a) => a.areaName)],
  );
  return rows.map((row) => row.id);
}
