import { firstRow } from '../../platform/db/rows.js';
import type { Database, Queryable } from '../../platform/db/types.js';
import { classifySourceSql } from '../riskAreas/index.js';
import type { PushRow } from './pushRow.js';

/** Accepted rows by the origin's risk level when the person left it (ARR-7, ARR-9). */
export interface LevelCounts {
  total: number;
  overseas: number;
  high: number;
  medium: number;
  keyConcern: number;
  low: number;
  /** Domestic rows no published area covered then. */
  unclassified: number;
  /** Low or unclassified rows whose district held a high / medium-risk area then (ARR-9 “所在区”). */
  districtHigh: number;
  districtMedium: number;
}

type Staged = Pick<PushRow, 'line' | 'destinationCode' | 'overseas' | 'originCode' | 'leftOriginAt'>;

const COLUMNS = [
  'import_id',
  'line',
  'jurisdiction_code',
  'overseas',
  'origin_code',
  'left_origin_at',
] as const;

/** Stages a batch inside its transaction (normal imports, under row-level security). */
export async function stageRows(tx: Queryable, importId: string, rows: readonly Staged[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO push_staging (${COLUMNS.join(', ')})
     SELECT $1, l, j, o, c, t FROM unnest($2::int[], $3::text[], $4::bool[], $5::text[], $6::timestamptz[])
       AS r(l, j, o, c, t)
     ON CONFLICT DO NOTHING`,
    [
      importId,
      rows.map((r) => r.line),
      rows.map((r) => r.destinationCode),
      rows.map((r) => r.overseas),
      rows.map((r) => r.originCode),
      rows.map((r) => r.leftOriginAt.toISOString()),
    ],
  );
}

/**
 * Stages many rows with COPY (the scale path). COPY runs as the database owner outside any
 * transaction: every row was checked against the importer's scope before it got here.
 */
export async function copyStagedRows(db: Database, importId: string, rows: readonly Staged[]): Promise<void> {
  if (rows.length === 0) return;
  // Codes are digits and times ISO 8601: nothing needs quoting.
  const csv = rows
    .map(
      (r) =>
        `${importId},${r.line},${r.destinationCode},${r.overseas ? 't' : 'f'},${r.originCode ?? ''},${r.leftOriginAt.toISOString()}\n`,
    )
    .join('');
  await db.copyCsv('push_staging', COLUMNS, csv);
}

/** The import's domestic rows with an origin code, as the registry's bulk classifier reads them. */
const STAGED_ORIGINS = `(SELECT line::text AS key, origin_code AS code, left_origin_at AS at FROM push_staging
  WHERE import_id = $1 AND NOT overseas AND origin_code IS NOT NULL)`;

/**
 * Classifies an import's staged rows in one set-based query: the registry's bulk classifier
 * (classifySourceSql, hash joins against the risk-area history, the same rule as
 * fangkong_origin_risk / fangkong_origin_district_risk that registerArrival stores) over the
 * staging table, then counts rows per level. The scale path of a 1,000,000-row list.
 */
export async function classifyStaged(tx: Queryable, importId: string): Promise<LevelCounts> {
  const rows = await tx.query<LevelCounts>(
    `WITH classed AS (${classifySourceSql(STAGED_ORIGINS)}),
     counted AS (
       SELECT (SELECT count(*) FROM push_staging WHERE import_id = $1)::int AS total,
         (SELECT count(*) FROM push_staging WHERE import_id = $1 AND overseas)::int AS overseas)
     SELECT counted.total, counted.overseas,
       count(*) FILTER (WHERE c.origin_risk = 'high')::int AS high,
       count(*) FILTER (WHERE c.origin_risk = 'medium')::int AS medium,
       count(*) FILTER (WHERE c.origin_risk = 'key_concern')::int AS "keyConcern",
       count(*) FILTER (WHERE c.origin_risk = 'low')::int AS low,
       (counted.total - counted.overseas - count(c.origin_risk))::int AS unclassified,
       count(*) FILTER (WHERE coalesce(c.origin_risk, 'low') = 'low' AND c.origin_district_risk = 'high')::int
         AS "districtHigh",
       count(*) FILTER (WHERE coalesce(c.origin_risk, 'low') = 'low' AND c.origin_district_risk = 'medium')::int
         AS "districtMedium"
     FROM counted LEFT JOIN classed c ON true
     GROUP BY counted.total, counted.overseas`,
    [importId],
  );
  return firstRow(rows, 'classifying push_staging');
}
