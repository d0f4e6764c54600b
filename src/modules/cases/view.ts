import type { CaseChangeView, CaseDetail, CaseView } from '../../api/cases.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { CASE_REPORT_HOURS } from '../../rules/testingDeadlines.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Minutes `done` came after `due` (now when not done yet), never negative. */
export const lateMinutesSql = (due: string, done: string) =>
  `greatest(0, floor(extract(epoch FROM ((${done}) - (${due}))) / 60))::int`;

/**
 * A case as pages read it. The person is named and their ID number is the stored mask: the card
 * never holds a full number, whoever reads it (unmasking is the person page's, and audited).
 */
export const CASE_VIEW_SQL = `c.id, c.jurisdiction_code AS "jurisdictionCode",
  coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = c.jurisdiction_code), '') AS "jurisdictionName",
  c.person_id AS "personId", coalesce(p.name, '') AS "personName", coalesce(p.id_masked, '') AS "personIdNumberMasked",
  c.classification, c.severity, c.origin, c.status, ${iso('c.onset_at')} AS "onsetAt", ${iso('c.sampled_at')} AS "sampledAt",
  ${iso('c.found_at')} AS "foundAt", ${iso('c.reported_at')} AS "reportedAt", ${iso('c.confirmed_at')} AS "confirmedAt",
  c.reporting_institution AS "reportingInstitution", c.reporting_doctor AS "reportingDoctor",
  c.reported_by_name AS "reportedByName", c.exposure_summary AS "exposureSummary", c.current_location AS "currentLocation",
  (SELECT t.barcode FROM tubes t WHERE t.id = c.tube_id) AS "tubeBarcode",
  c.reviewed_by_name AS "reviewedByName", ${iso('c.reviewed_at')} AS "reviewedAt", ${iso('c.discarded_at')} AS "discardedAt",
  c.discard_reason AS "discardReason",
  ${lateMinutesSql(`c.found_at + interval '${CASE_REPORT_HOURS} hours'`, 'c.reported_at')} AS "reportLateMinutes",
  ${iso('pending.due')} AS "reviewDueAt", (pending.due IS NOT NULL) AS "awaitingReview", c.version`;

/** The FROM of CASE_VIEW_SQL: the case, its person and the earliest review it still awaits. */
export const CASE_FROM_SQL = `cases c LEFT JOIN persons p ON p.id = c.person_id
  LEFT JOIN LATERAL (SELECT min(ch.review_due_at) AS due FROM case_changes ch
    WHERE ch.case_id = c.id AND ch.reviewed_at IS NULL) pending ON true`;

export async function readCase(tx: Queryable, scopes: readonly string[], id: string): Promise<CaseView> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<CaseView>(`SELECT ${CASE_VIEW_SQL} FROM ${CASE_FROM_SQL} WHERE c.id = $1`, [
    id,
  ]);
  if (!row || !inScope(row.jurisdictionCode, scopes)) throw notFound();
  return row;
}

/** The case with every classification change, oldest first (CAS-1: every change kept). */
export async function readCaseDetail(
  tx: Queryable,
  scopes: readonly string[],
  id: string,
  now: Date,
): Promise<CaseDetail> {
  const view = await readCase(tx, scopes, id);
  const history = await tx.query<CaseChangeView>(
    `SELECT ch.id, ch.kind, ch.from_classification AS "fromClassification", ch.to_classification AS "toClassification",
       ch.from_severity AS "fromSeverity", ch.to_severity AS "toSeverity", ch.reason,
       ch.changed_by_name AS "changedByName", ${iso('ch.changed_at')} AS "changedAt",
       ${iso('ch.review_due_at')} AS "reviewDueAt", ch.reviewed_by_name AS "reviewedByName",
       ${iso('ch.reviewed_at')} AS "reviewedAt", ch.review_note AS "reviewNote",
       ${lateMinutesSql('ch.review_due_at', 'coalesce(ch.reviewed_at, $2::timestamptz)')} AS "reviewLateMinutes"
     FROM case_changes ch WHERE ch.case_id = $1 ORDER BY ch.seq`,
    [id, now],
  );
  return { ...view, history };
}

/** What the audit log keeps of a case: the masked view, without derived figures. */
export function caseSnapshot(view: CaseView): Record<string, unknown> {
  const { jurisdictionName: _j, reportLateMinutes: _l, reviewDueAt: _d, awaitingReview: _a, ...rest } = view;
  return rest;
}
