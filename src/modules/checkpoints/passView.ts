// The pass contracts live in src/api/checkpoints.ts; this file holds the SQL that reads a pass.
import { DEFAULT_NAT_WITHIN_HOURS } from '../../api/checkpoints.js';

export type { Pass as PassView, PassCounts, Registration } from '../../api/checkpoints.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * HC-3: the NAT proof against the window in force at the pass (the checkpoint's setting, stored on
 * the pass; old passes: the default 48 h of seed 004 §3). A sampling time after the pass counts as valid.
 */
const NAT_PROOF_SQL = `(CASE WHEN x.nat_at IS NULL THEN 'missing'
  WHEN x.nat_at >= x.passed_at - make_interval(hours => coalesce(x.nat_within_hours, ${DEFAULT_NAT_WITHIN_HOURS}))
  THEN 'valid' ELSE 'expired' END)`;

/** A proof missing: no valid NAT proof, or the itinerary card not shown (unrecorded on old rows is not "not shown"). */
export const MISSING_PROOF_SQL = `(${NAT_PROOF_SQL} <> 'valid' OR x.itinerary_shown IS FALSE)`;

export const PASS_VIEW_SQL = `x.id, x.checkpoint_id AS "checkpointId", ${iso('x.passed_at')} AS "passedAt",
  x.person_name AS "personName", x.id_masked AS "idNumberMasked", x.phone_masked AS "phoneMasked",
  x.health_code AS "healthCode", x.temperature::float8 AS temperature, x.origin,
  x.origin_division_code AS "originDivisionCode", x.origin_name AS "originName", x.origin_risk AS "originRisk",
  x.origin_district_risk AS "originDistrictRisk", ${iso('x.nat_at')} AS "natAt",
  x.destination_code AS "destinationCode", x.plate, x.outcome, x.reasons, x.arrival_id AS "arrivalId", x.handover,
  x.direction, x.nat_within_hours AS "natWithinHours", ${NAT_PROOF_SQL} AS "natProof",
  x.itinerary_shown AS "itineraryShown", coalesce(x.itinerary_places, '{}') AS "itineraryPlaces",
  ${MISSING_PROOF_SQL} AS "missingProof"`;
