export type { ArrivalDetail, ArrivalSummary } from '../../api/arrivals.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const ARRIVAL_SUMMARY_SQL = `a.id, a.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = a.jurisdiction_code) AS "jurisdictionName",
  a.person_id AS "personId", p.name AS "personName", p.id_masked AS "idNumberMasked", a.channel, a.origin,
  a.origin_division_code AS "originDivisionCode", a.origin_name AS "originName", a.origin_risk AS "originRisk",
  a.origin_district_risk AS "originDistrictRisk", ${iso('a.arrived_at')} AS "arrivedAt", a.status,
  pl.rule_id AS "ruleId", pl.protocol_id AS "protocolId", pl.pack_id AS "packId", pl.pack_version AS "packVersion",
  to_char(pl.release_date, 'YYYY-MM-DD') AS "releaseDate"`;

export const ARRIVAL_SUMMARY_FROM = `arrivals a JOIN persons p ON p.id = a.person_id
  LEFT JOIN arrival_plans pl ON pl.arrival_id = a.id AND pl.status = 'active'`;

export { iso };
