import type { LandingReport as ReportView } from '../../api/landing.js';
import { reportState } from '../../rules/landing.js';

export type { ReportView };

type ReportRow = Omit<ReportView, 'state'>;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const REPORT_VIEW_SQL = `r.id, r.receipt, r.landing_code AS "landingCode", r.jurisdiction_code AS "destinationCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = r.jurisdiction_code) AS "destinationName", r.address,
  r.person_id AS "personId", r.arrival_id AS "arrivalId", r.match, r.person_name AS "personName",
  r.id_masked AS "idNumberMasked", r.phone_masked AS "phoneMasked", r.origin,
  coalesce(r.origin_name, r.origin_country) AS "originLabel",
  ${iso('r.left_origin_at')} AS "leftOriginAt", ${iso('r.arrived_at')} AS "arrivedAt",
  r.itinerary_star AS "itineraryStar", r.truck_driver AS "truckDriver", r.entered_by IS NOT NULL AS "enteredByStaff",
  ${iso('r.submitted_at')} AS "submittedAt", ${iso('r.look_due_at')} AS "lookDueAt", ${iso('r.looked_at')} AS "lookedAt",
  ${iso('r.pushed_at')} AS "pushedAt", r.pushed_to AS "pushedTo", ${iso('r.verify_due_at')} AS "verifyDueAt",
  r.verification, r.verification_note AS "verificationNote", ${iso('r.verified_at')} AS "verifiedAt",
  coalesce(r.feedback_measures, '{}') AS "feedbackMeasures", r.feedback_note AS "feedbackNote",
  ${iso('r.feedback_at')} AS "feedbackAt", r.cleared, r.discard_reason AS "discardReason",
  r.discard_note AS "discardNote", ${iso('r.discarded_at')} AS "discardedAt",
  pl.plan -> 'title' AS "planTitle", pl.rule_id AS "planRule", to_char(pl.release_date, 'YYYY-MM-DD') AS "releaseDate"`;

// The report holds its own facts: a claim has no arrival until it is verified and matched.
export const REPORT_FROM_SQL = `landing_reports r
  LEFT JOIN arrival_plans pl ON pl.arrival_id = r.arrival_id AND pl.status = 'active'`;

export function withState(row: ReportRow): ReportView {
  return { ...row, state: reportState(row) };
}

/** The audit snapshot: progress and masked identity only. */
export function auditSnapshot(view: ReportView): Record<string, unknown> {
  return {
    receipt: view.receipt,
    state: view.state,
    destinationCode: view.destinationCode,
    personName: view.personName,
    idNumberMasked: view.idNumberMasked,
    verification: view.verification,
    match: view.match,
    personId: view.personId,
    feedbackMeasures: view.feedbackMeasures,
    discardReason: view.discardReason,
  };
}
