import { classifySourceSql } from '../../src/modules/riskAreas/index.js';
import type { Database } from '../../src/platform/db/types.js';
import { since } from './stats.js';

/**
 * The baseline of classification: the same staged rows joined once, bare, as the database owner,
 * against the areas in force at the origin's own code (one equality join on the leading column of
 * risk_areas_key), counted per level. It is the least any classification has to read.
 */
export const BARE_JOIN_SQL = `SELECT a.level, count(*)::int AS n FROM push_staging s
  JOIN risk_areas a ON a.division_code = s.origin_code
   AND a.published_at <= s.left_origin_at AND (a.lifted_at IS NULL OR a.lifted_at > s.left_origin_at)
  WHERE s.import_id = $1 AND NOT s.overseas GROUP BY a.level`;

const SAMPLE_ROWS = `(SELECT line::text AS key, origin_code AS code, left_origin_at AS at FROM push_staging
  WHERE import_id = $1 AND NOT overseas AND origin_code IS NOT NULL AND line = ANY ($2::int[]))`;

/** The per-row functions registerArrival stores (fangkong_origin_risk, fangkong_origin_district_risk). */
const PER_ROW_SQL = `SELECT s.key, fangkong_origin_risk(s.code, s.at) AS origin_risk,
  fangkong_origin_district_risk(s.code, s.at) AS origin_district_risk FROM ${SAMPLE_ROWS} s`;

interface Classified {
  key: string;
  origin_risk: string | null;
  origin_district_risk: string | null;
}

export interface SampleCheck {
  rows: number;
  mismatches: number;
  examples: Array<{ key: string; bulk: string; perRow: string }>;
  /** Microseconds per row of the per-row functions and of the set-based query on the sample. */
  perRowUs: number;
  bulkUs: number;
}

/**
 * Checks the set-based classifier against the per-row SQL functions on `lines` of the staged
 * rows (they must agree: both implement ARR-7 and ARR-9), and times both on that sample.
 */
export async function checkSample(
  db: Database,
  importId: string,
  lines: readonly number[],
): Promise<SampleCheck> {
  const params = [importId, lines];
  let start = performance.now();
  const perRow = await db.query<Classified>(PER_ROW_SQL, params);
  const perRowMs = since(start);
  start = performance.now();
  const bulk = await db.query<Classified>(classifySourceSql(SAMPLE_ROWS), params);
  const bulkMs = since(start);
  const show = (c: Classified | undefined) => `${c?.origin_risk ?? '–'}/${c?.origin_district_risk ?? '–'}`;
  const byKey = new Map(perRow.map((row) => [row.key, row]));
  const examples: SampleCheck['examples'] = [];
  let mismatches = 0;
  for (const row of bulk) {
    const other = byKey.get(row.key);
    if (show(row) === show(other)) continue;
    mismatches++;
    if (examples.length < 5) examples.push({ key: row.key, bulk: show(row), perRow: show(other) });
  }
  if (bulk.length !== perRow.length) mismatches += Math.abs(bulk.length - perRow.length);
  return {
    rows: perRow.length,
    mismatches,
    examples,
    perRowUs: (perRowMs * 1000) / Math.max(1, perRow.length),
    bulkUs: (bulkMs * 1000) / Math.max(1, bulk.length),
  };
}

/** The join and scan nodes of a plan, one line: enough to see which strategy the planner chose. */
export async function planShape(db: Database, sql: string, params: readonly unknown[]): Promise<string> {
  const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${sql}`, params);
  return rows
    .map((row) =>
      /(Hash Join|Merge Join|Nested Loop|Seq Scan on \w+|Index \w* ?Scan using \w+)/.exec(row['QUERY PLAN']),
    )
    .filter((m) => m !== null)
    .map((m) => m[1])
    .join(', ');
}
