export type { ArrivalDetail, ArrivalSummary } from '../../api/arrivals.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * Item 21: an arrival's status follows its plan, at `now` (a parameter such as `$3`) in the plan's
 * own time zone. Under control only while a controlling phase runs: a plan without phases (ARR-8
 * "登记备案后可自由有序流动") leaves the person registered, and a plan whose last phase has ended is
 * released whether or not anyone recorded it. No plan: as stored (no protocol, or at the CDC).
 */
export function arrivalStatusSql(now: string): string {
  return `CASE
    WHEN a.status = 'released' THEN 'released'
    WHEN a.status <> 'planned' OR pl.id IS NULL THEN a.status
    WHEN jsonb_array_length(pl.plan -> 'phases') = 0 THEN 'registered'
    WHEN (${now}::timestamptz AT TIME ZONE (pl.plan ->> 'timeZone'))::date > pl.release_date THEN 'released'
    ELSE 'under_control' END`;
}

/** An arrival's summary columns, its status as of `now` (a parameter such as `$3`). */
export function arrivalSummarySql(now: string): string {
  return `a.id, a.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = a.jurisdiction_code) AS "jurisdictionName",
  a.person_id AS "personId", p.name AS "personName", p.id_masked AS "idNumberMasked", a.channel, a.origin,
  a.origin_division_code AS "originDivisionCode", a.origin_name AS "originName", a.origin_risk AS "originRisk",
  a.origin_district_risk AS "originDistrictRisk", ${iso('a.arrived_at')} AS "arrivedAt",
  ${arrivalStatusSql(now)} AS status,
  pl.rule_id AS "ruleId", pl.protocol_id AS "protocolId", pl.plan -> 'title' AS "protocolTitle",
  pl.pack_id AS "packId", pl.pack_version AS "packVersion",
  to_char(pl.release_date, 'YYYY-MM-DD') AS "releaseDate", pl.plan -> 'risk' AS "planRisk"`;
}

export const ARRIVAL_SUMMARY_FROM = `arrivals a JOIN persons p ON p.id = a.person_id
  LEFT JOIN arrival_plans pl ON pl.arrival_id = a.id AND pl.status = 'active'`;

export { iso };
