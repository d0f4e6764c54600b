import type { SignalFeed, SignalMeasure } from '../../platform/signals/types.js';

/*
 * The sentinels module's daily series for the multi-point triggers (MON-4), named as the packs' trigger
 * rules name them. Parameters (see SignalMeasure): $1 first local day, $2 last local day, $3 code
 * length of the rule's level, $4 time zone, $5 root jurisdiction. Each reads one feed table through its
 * (jurisdiction_code, time) index; an instant's local day is taken in $4.
 */

/**
 * A series that needs no zone (its rows carry their local day) or no level (a site) still names every
 * parameter, so that each has a type when the statement is prepared.
 */
const UNUSED_PARAMETERS =
  'AND $3::int IS NOT DISTINCT FROM $3::int AND $4::text IS NOT DISTINCT FROM $4::text';

/** A daily count of rows of `table` whose instant `at` falls on the local days $1…$2, per jurisdiction cut to $3. */
const instantSeries = (table: string, at: string, where = 'true') => `
  SELECT left(jurisdiction_code, $3::int) AS jurisdiction_code, NULL::text AS site_id,
    (${at} AT TIME ZONE $4::text)::date AS day, count(*)::bigint AS value
  FROM ${table}
  WHERE jurisdiction_code ^@ $5::text AND ${where}
    AND ${at} >= ($1::date::timestamp AT TIME ZONE $4::text)
    AND ${at} < (($2::date + 1)::timestamp AT TIME ZONE $4::text)
  GROUP BY 1, 3`;

/** A daily sum of `value` over reports keyed by their local `day`, per jurisdiction cut to $3. */
const daySeries = (table: string, value: string) => `
  SELECT left(jurisdiction_code, $3::int) AS jurisdiction_code, NULL::text AS site_id, day,
    sum(${value})::bigint AS value
  FROM ${table}
  WHERE jurisdiction_code ^@ $5::text AND day BETWEEN $1::date AND $2::date ${UNUSED_PARAMETERS}
  GROUP BY 1, 3`;

const FEVER_VISITS: SignalMeasure = {
  feed: 'fever_visits',
  measure: 'visits',
  label: { zh: '发热门诊就诊人次', en: 'Fever-clinic visits' },
  unit: 'jurisdiction',
  dailySql: instantSeries('sentinel_fever_visits', 'visited_at'),
};

/** MON-3: positive environment or goods samples, on the local day their result came (when it is known). */
const POSITIVE_SAMPLES: SignalMeasure = {
  feed: 'environment_samples',
  measure: 'positives',
  label: { zh: '环境和物品样本阳性数', en: 'Positive environment and goods samples' },
  unit: 'jurisdiction',
  dailySql: instantSeries('sentinel_samples', 'resulted_at', "result = 'positive'"),
};

/** School absence for illness (因病缺课) per school: absence clusters are a school's, not a town's. */
const SCHOOL_ABSENCE: SignalMeasure = {
  feed: 'school_absence',
  measure: 'absent_ill',
  label: { zh: '学校因病缺课人数', en: 'Pupils absent for illness' },
  unit: 'site',
  siteNames: true,
  dailySql: `
  SELECT r.jurisdiction_code, r.site_id::text AS site_id, s.name AS site_name, r.day,
    r.absent_illness::bigint AS value
  FROM sentinel_school_reports r JOIN sentinel_sites s ON s.id = r.site_id
  WHERE r.jurisdiction_code ^@ $5::text AND r.day BETWEEN $1::date AND $2::date
    ${UNUSED_PARAMETERS}`,
};

const ILI_VISITS: SignalMeasure = {
  feed: 'ili',
  measure: 'ili_visits',
  label: { zh: '流感样病例数', en: 'Influenza-like illness visits' },
  unit: 'jurisdiction',
  dailySql: daySeries('sentinel_ili_reports', 'ili_visits'),
};

/** The ILI share (流感样病例百分比) in per mille of all visits, so that it stays an integer series. */
const ILI_SHARE: SignalMeasure = {
  feed: 'ili',
  measure: 'ili_share_permille',
  label: { zh: '流感样病例占门急诊就诊千分比', en: 'ILI visits per thousand visits' },
  unit: 'jurisdiction',
  dailySql: `
  SELECT left(jurisdiction_code, $3::int) AS jurisdiction_code, NULL::text AS site_id, day,
    (1000 * sum(ili_visits) / nullif(sum(total_visits), 0))::bigint AS value
  FROM sentinel_ili_reports
  WHERE jurisdiction_code ^@ $5::text AND day BETWEEN $1::date AND $2::date ${UNUSED_PARAMETERS}
  GROUP BY 1, 3 HAVING sum(total_visits) > 0`,
};

const PNEUMONIA: SignalMeasure = {
  feed: 'pneumonia',
  measure: 'cases',
  label: { zh: '不明原因肺炎病例数', en: 'Unexplained pneumonia cases' },
  unit: 'jurisdiction',
  dailySql: daySeries('sentinel_ili_reports', 'pneumonia_cases'),
};

/** The sentinels module's daily series for the multi-point triggers (MON-4). */
export const sentinelsSignals: SignalFeed = [
  FEVER_VISITS,
  POSITIVE_SAMPLES,
  SCHOOL_ABSENCE,
  ILI_VISITS,
  ILI_SHARE,
  PNEUMONIA,
];
