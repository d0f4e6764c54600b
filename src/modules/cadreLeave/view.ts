import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import type { LeaveView } from './schemas.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const LEAVE_VIEW_SQL = `l.id, l.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = l.jurisdiction_code) AS "jurisdictionName",
  l.person_id AS "personId", coalesce((SELECT p.name FROM persons p WHERE p.id = l.person_id), '') AS "personName",
  coalesce((SELECT p.id_masked FROM persons p WHERE p.id = l.person_id), '') AS "personIdNumberMasked",
  l.destination_name AS "destinationName", l.destination_division_code AS "destinationDivisionCode", l.reason,
  to_char(l.leave_date, 'YYYY-MM-DD') AS "leaveDate", to_char(l.planned_return_date, 'YYYY-MM-DD') AS "plannedReturnDate",
  l.status, l.applied_by_name AS "appliedByName", ${iso('l.applied_at')} AS "appliedAt",
  l.applicant_scope AS "applicantScope", l.decided_by_name AS "decidedByName", ${iso('l.decided_at')} AS "decidedAt",
  l.decision_note AS "decisionNote", ${iso('l.return_due_at')} AS "returnDueAt",
  (l.status = 'approved' AND l.return_due_at < $NOW) AS "returnOverdue",
  ${iso('l.returned_at')} AS "returnedAt", l.return_origin_name AS "returnOriginName",
  l.return_origin_division_code AS "returnOriginDivisionCode", ${iso('l.return_reported_at')} AS "returnReportedAt",
  l.arrival_id AS "arrivalId", ${iso('l.withdrawn_at')} AS "withdrawnAt", l.withdrawn_by_name AS "withdrawnByName",
  l.withdrawal_reason AS "withdrawalReason",
  (SELECT json_build_object('packId', ap.pack_id, 'packVersion', ap.pack_version, 'protocolId', ap.protocol_id,
     'protocolTitle', ap.plan -> 'title', 'ruleId', ap.rule_id, 'releaseDate', to_char(ap.release_date, 'YYYY-MM-DD'))
   FROM arrival_plans ap WHERE ap.arrival_id = l.arrival_id AND ap.status = 'active') AS plan`;

/** The view's SQL with the moment overdue is judged at bound to parameter `$n`. */
export const leaveViewSql = (nowParam: number) => LEAVE_VIEW_SQL.replace('$NOW', `$${nowParam}::timestamptz`);

export async function readLeave(
  tx: Queryable,
  scopes: readonly string[],
  id: string,
  now: Date,
): Promise<LeaveView> {
  if (!UUID.test(id)) throw notFound();
  const [leave] = await tx.query<LeaveView>(`SELECT ${leaveViewSql(2)} FROM cadre_leaves l WHERE l.id = $1`, [
    id,
    now,
  ]);
  if (!leave || !inScope(leave.jurisdictionCode, scopes)) throw notFound();
  return leave;
}

export function leaveSnapshot(view: LeaveView): Record<string, unknown> {
  const { jurisdictionName: _j, returnOverdue: _o, plan: _p, ...rest } = view;
  return rest;
}
