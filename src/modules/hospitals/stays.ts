import type { StayView } from '../../api/hospitals.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { caseClassSql } from '../cases/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** A stay's columns, hospital_stays aliased `s`; `$NOW` is the moment overdue is judged at. */
const STAY_SQL = `s.id, s.jurisdiction_code AS "jurisdictionCode", s.case_id AS "caseId", s.person_id AS "personId",
  coalesce(p.name, '') AS "personName", coalesce(p.id_masked, '') AS "personIdNumberMasked",
  coalesce(cls.v ->> 'classification', '') AS classification, cls.v ->> 'severity' AS severity,
  s.hospital_id AS "hospitalId", h.name AS "hospitalName", s.from_place AS "fromPlace",
  (SELECT f.name FROM hospitals f WHERE f.id = s.from_hospital_id) AS "fromHospitalName",
  s.vehicle, s.escort, s.status, ${iso('s.requested_at')} AS "requestedAt", ${iso('s.transfer_due_at')} AS "transferDueAt",
  (s.status IN ('requested', 'departed') AND s.transfer_due_at < $NOW::timestamptz) AS "transferOverdue",
  ${iso('s.departed_at')} AS "departedAt", ${iso('s.admitted_at')} AS "admittedAt",
  ${iso('s.discharged_at')} AS "dischargedAt", s.discharge_note AS "dischargeNote",
  s.follow_up_plan AS "followUp", s.version`;
const STAY_FROM = `hospital_stays s JOIN hospitals h ON h.id = s.hospital_id
  LEFT JOIN persons p ON p.id = s.person_id
  LEFT JOIN LATERAL (SELECT ${caseClassSql('s.case_id')} AS v) cls ON true`;

const staySql = (nowParam: number) => STAY_SQL.replace('$NOW', `$${nowParam}`);

/** One stay in the caller's scope, else 404. */
export async function readStay(tx: Queryable, actor: Actor, id: string, now: Date): Promise<StayView> {
  if (!UUID.test(id)) throw notFound();
  const [stay] = await tx.query<StayView>(`SELECT ${staySql(2)} FROM ${STAY_FROM} WHERE s.id = $1`, [
    id,
    now,
  ]);
  if (!stay || !inScope(stay.jurisdictionCode, actor.scopes)) throw notFound();
  return stay;
}

/**
 * A hospital's patients and transfers the caller may see (their subtree's cases): on the way and
 * in hospital first, then the latest discharged.
 */
export function staysOfHospital(tx: Queryable, hospitalId: string, now: Date): Promise<StayView[]> {
  return tx.query<StayView>(
    `SELECT ${staySql(2)} FROM ${STAY_FROM} WHERE s.hospital_id = $1
     ORDER BY array_position(ARRAY['departed', 'requested', 'admitted', 'discharged', 'cancelled'], s.status),
       s.requested_at DESC, s.id
     LIMIT 300`,
    [hospitalId, now],
  );
}

export function staySnapshot(view: StayView): Record<string, unknown> {
  const { personName: _n, personIdNumberMasked: _m, transferOverdue: _o, ...rest } = view;
  return rest;
}
