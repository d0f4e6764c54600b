import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import type { CrewView, TruckReportSummary, TruckReportView } from './schemas.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const TRUCK_SUMMARY_SQL = `r.id, r.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = r.jurisdiction_code) AS "jurisdictionName",
  r.source, r.unit_name AS "unitName", r.unit_credit_code AS "unitCreditCode", r.plate,
  ${iso('r.planned_arrival_at')} AS "plannedArrivalAt", r.origin_name AS "originName",
  r.origin_division_code AS "originDivisionCode", r.starred, ${iso('r.reported_at')} AS "reportedAt",
  r.late, r.lead_minutes AS "leadMinutes", r.status, r.escort_name AS "escortName",
  ${iso('r.escort_assigned_at')} AS "escortAssignedAt", ${iso('r.arrived_at')} AS "arrivedAt",
  ${iso('r.left_at')} AS "leftAt", r.stay_reason AS "stayReason",
  to_char(r.stay_first_date, 'YYYY-MM-DD') AS "stayFirstDate", to_char(r.stay_last_date, 'YYYY-MM-DD') AS "stayLastDate",
  (SELECT count(*)::int FROM truck_report_crew c WHERE c.report_id = r.id) AS "crewCount",
  ${iso('r.verified_at')} AS "verifiedAt", r.end_reason AS "endReason", r.end_note AS "endNote",
  ${iso('r.ended_at')} AS "endedAt"`;

/** The stored report as staff see it: crew ID numbers and phones masked. */
export async function readTruckReport(
  tx: Queryable,
  scopes: readonly string[],
  id: string,
): Promise<TruckReportView> {
  const [report] = await tx.query<TruckReportSummary>(
    `SELECT ${TRUCK_SUMMARY_SQL} FROM truck_reports r WHERE r.id = $1`,
    [id],
  );
  if (!report || !inScope(report.jurisdictionCode, scopes)) throw notFound();
  const crew = await tx.query<CrewView>(
    `SELECT position, name, id_masked AS "idNumberMasked", phone_masked AS "phoneMasked",
       person_id AS "personId", arrival_id AS "arrivalId", match
     FROM truck_report_crew WHERE report_id = $1 ORDER BY position`,
    [id],
  );
  return { ...report, crew };
}

/** The audit snapshot: what was reported, crew masked. */
export function truckSnapshot(view: TruckReportView): Record<string, unknown> {
  const { jurisdictionName: _j, ...rest } = view;
  return { ...rest, crew: view.crew.map((c) => ({ name: c.name, idNumberMasked: c.idNumberMasked })) };
}
