// The pass contracts live in src/api/checkpoints.ts; this file holds the SQL that reads a pass.
export type { Pass as PassView, PassCounts, Registration } from '../../api/checkpoints.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const PASS_VIEW_SQL = `x.id, x.checkpoint_id AS "checkpointId", ${iso('x.passed_at')} AS "passedAt",
  x.person_name AS "personName", x.id_masked AS "idNumberMasked", x.phone_masked AS "phoneMasked",
  x.health_code AS "healthCode", x.temperature::float8 AS temperature, x.origin,
  x.origin_division_code AS "originDivisionCode", x.origin_name AS "originName", x.origin_risk AS "originRisk",
  x.origin_district_risk AS "originDistrictRisk", ${iso('x.nat_at')} AS "natAt",
  x.destination_code AS "destinationCode", x.plate, x.outcome, x.reasons, x.arrival_id AS "arrivalId", x.handover`;
