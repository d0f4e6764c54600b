import type { Queryable } from '../../platform/db/types.js';
import {
  type AreaLevel,
  type Classification,
  canonicalDivisionCode,
  classifyAt,
  type OverrideLevel,
  type PublishedArea,
  type RiskOverride,
} from '../../rules/riskClassification.js';
import { classifySourceSql } from './bulk.js';

export type { Classification } from '../../rules/riskClassification.js';

const AREA_SQL = `id, level, division_code AS "divisionCode", area_name AS "areaName",
  published_at AS "publishedAt", lifted_at AS "liftedAt"`;
const OVERRIDE_SQL = `id, division_prefix AS "divisionPrefix", name, treat_as AS "treatAs",
  valid_from AS "validFrom", valid_until AS "validUntil"`;

/** The origin as the SQL functions read it: canonical when it is a division code. */
export const originCode = (code: string) => canonicalDivisionCode(code) ?? code.trim();

/**
 * ARR-7, ARR-9, ZON-5: an origin's risk as it stood at `at` — the instant the person was there
 * (their departure or stay), not today. Reads the areas in force then that contain the origin or
 * lie in its district, and the overrides over it or inside it; the rule itself is classifyAt().
 */
export async function classifyOrigin(tx: Queryable, divisionCode: string, at: Date): Promise<Classification> {
  const code = originCode(divisionCode);
  const areas = await tx.query<PublishedArea>(
    `SELECT ${AREA_SQL} FROM risk_areas
     WHERE (division_code = ANY (fangkong_code_prefixes($1))
            OR (division_code >= left($1, 6) AND division_code < left($1, 6) || ':'))
       AND published_at <= $2 AND (lifted_at IS NULL OR lifted_at > $2)`,
    [code, at.toISOString()],
  );
  const overrides = await tx.query<RiskOverride>(
    `SELECT ${OVERRIDE_SQL} FROM risk_area_overrides
     WHERE (division_prefix = ANY (fangkong_code_prefixes($1)) OR division_prefix ^@ $1)
       AND valid_from <= $2 AND (valid_until IS NULL OR valid_until > $2)`,
    [code, at.toISOString()],
  );
  return classifyAt(code, at, areas, overrides);
}

export interface ClassifyRow {
  key: string;
  divisionCode: string;
  at: Date;
}

export interface RowClassification {
  originRisk?: AreaLevel;
  originDistrictRisk?: OverrideLevel;
}

/** Rows per statement: the arrays of one chunk travel as three parameters. */
const CHUNK = 100_000;

/**
 * Classifies many origins at once, set-based (classifySourceSql: hash joins, no per-row calls);
 * `key` must be unique. For rows already in a table (a staged 1,000,000-row push list), splice
 * classifySourceSql() into your own query instead of sending them back and forth.
 */
export async function classifyMany(
  tx: Queryable,
  rows: readonly ClassifyRow[],
): Promise<Map<string, RowClassification>> {
  const result = new Map<string, RowClassification>();
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const answers = await tx.query<{
      key: string;
      origin_risk: AreaLevel | null;
      origin_district_risk: OverrideLevel | null;
    }>(
      classifySourceSql(
        '(SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS u (key, code, at))',
      ),
      [chunk.map((r) => r.key), chunk.map((r) => r.divisionCode), chunk.map((r) => r.at.toISOString())],
    );
    for (const answer of answers) {
      result.set(answer.key, {
        ...(answer.origin_risk ? { originRisk: answer.origin_risk } : {}),
        ...(answer.origin_district_risk ? { originDistrictRisk: answer.origin_district_risk } : {}),
      });
    }
  }
  return result;
}

/**
 * ARR-7 "根据各省发布高中风险地区信息，第一时间启动相关地区入（返）闽人员排查追踪，同时追溯倒查 14 天人员情况"
 * (002 §4): the areas published in [from, to), for the
 * arrivals module to list the people who came from them in the 14 days before.
 */
export function areasPublishedBetween(
  tx: Queryable,
  from: Date,
  to: Date,
  levels: readonly AreaLevel[] = ['high', 'medium', 'key_concern', 'low'],
): Promise<PublishedArea[]> {
  return tx.query<PublishedArea>(
    `SELECT ${AREA_SQL} FROM risk_areas
     WHERE published_at >= $1 AND published_at < $2 AND level = ANY ($3::text[])
     ORDER BY published_at, division_code, area_name`,
    [from.toISOString(), to.toISOString(), [...levels]],
  );
}
