import type { SignalMeasure } from '../../platform/signals/types.js';
import { LEVEL_CODE_LENGTH, type TriggerRule } from '../../rules/policy/outbreakTypes.js';
import { firstDayRead, ratioMilli } from '../../rules/triggers.js';

/**
 * MON-4, set-based: ONE statement per rule that reads the feed's daily series for every unit at the
 * rule's level under a root jurisdiction and computes, per unit, the window value, the baseline's
 * weighted sum and whether the rule fires, exactly as src/rules/triggers.ts `readTrigger` does (a
 * property test holds the two equal). The feed's SQL takes $1 … $5 (platform/signals/types.ts);
 * this statement adds $6 window days, $7 the baseline's N (weeks or days; 1 for none), $8 the count
 * (or minimum count), $9 the ratio in thousandths.
 */

/** How many times a day `back` days before the evaluation day enters the baseline sum (see rules/triggers.ts baselineWeight). */
function weightSql(rule: TriggerRule): string {
  if (rule.baseline.kind === 'same_weekday_mean')
    return `greatest(0, least($7::int, back / 7) - greatest(1, ceil((back - $6::int + 1)::numeric / 7)::int) + 1)`;
  if (rule.baseline.kind === 'daily_mean')
    return `CASE WHEN back >= $6::int AND back < $6::int + $7::int THEN $6::int ELSE 0 END`;
  return '0';
}

function firesSql(rule: TriggerRule): string {
  if (rule.threshold.kind === 'at_least') return 'window_value >= $8::int';
  return 'window_value >= $8::int AND window_value::numeric * $7::int * 1000 >= $9::numeric * weighted_sum';
}

export interface UnitReading {
  jurisdictionCode: string;
  siteId: string | null;
  siteName: string | null;
  windowValue: number;
  /** Σ value × weight; the baseline is this ÷ the baseline's N. */
  weightedSum: number;
  fires: boolean;
  /** [[day, value], …] oldest first, over every day read. */
  series: Array<[string, number]>;
}

export interface TriggerStatement {
  sql: string;
  params: unknown[];
}

/**
 * The rule's statement for an evaluation on local `day` under `root`, in `timeZone`. With
 * `firingOnly`, only the units where the rule fires are returned (the evaluator's use).
 */
export function triggerStatement(
  rule: TriggerRule,
  measure: SignalMeasure,
  day: string,
  timeZone: string,
  root: string,
  firingOnly: boolean,
): TriggerStatement {
  const codeLength = rule.level === 'site' ? 12 : LEVEL_CODE_LENGTH[rule.level];
  const n =
    rule.baseline.kind === 'same_weekday_mean'
      ? rule.baseline.weeks
      : rule.baseline.kind === 'daily_mean'
        ? rule.baseline.days
        : 1;
  const count = rule.threshold.kind === 'at_least' ? rule.threshold.count : rule.threshold.minCount;
  const milli = rule.threshold.kind === 'ratio_to_baseline' ? ratioMilli(rule.threshold.ratio) : 0;
  const siteName = measure.siteNames ? 'max(site_name)' : 'NULL::text';
  const sql = `WITH p AS (SELECT $1::date AS first_day, $2::date AS last_day, $3::int AS code_length, $4::text AS tz,
      $5::text AS root, $6::int AS window_days, $7::int AS n, $8::int AS count, $9::int AS milli),
    s AS (${measure.dailySql}),
    d AS (SELECT s.*, ($2::date - s.day)::int AS back FROM s WHERE s.day BETWEEN $1::date AND $2::date),
    u AS (
      SELECT jurisdiction_code, site_id, ${siteName} AS site_name,
        coalesce(sum(value) FILTER (WHERE back < $6::int), 0)::bigint AS window_value,
        coalesce(sum(value * ${weightSql(rule)}), 0)::bigint AS weighted_sum,
        jsonb_agg(jsonb_build_array(to_char(day, 'YYYY-MM-DD'), value) ORDER BY day) AS series
      FROM d GROUP BY jurisdiction_code, site_id)
    SELECT jurisdiction_code AS "jurisdictionCode", site_id AS "siteId", site_name AS "siteName",
      window_value AS "windowValue", weighted_sum AS "weightedSum", (${firesSql(rule)}) AS fires, series
    FROM u ${firingOnly ? `WHERE ${firesSql(rule)}` : ''}
    ORDER BY jurisdiction_code, site_id`;
  return {
    sql,
    params: [firstDayRead(rule, day), day, codeLength, timeZone, root, rule.windowDays, n, count, milli],
  };
}

/** Rows as numbers (bigint arrives as text from a server). */
export function toReading(row: UnitReading): UnitReading {
  return {
    ...row,
    windowValue: Number(row.windowValue),
    weightedSum: Number(row.weightedSum),
    series: row.series.map(([day, value]) => [day, Number(value)]),
  };
}
