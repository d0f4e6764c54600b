import { randomUUID } from 'node:crypto';
import type { StayView, TransferInput } from '../../api/hospitals.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, forbidden, invalid } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { readCaseForHospital } from '../cases/index.js';
import { evaluateEmptying } from './emptying.js';
import { readHospital } from './registry.js';
import { readStay, staySnapshot } from './stays.js';
import { closeTransferDeadline, openTransferDeadlines, transferDueAt } from './work.js';

/** Clock skew a device may have: a step recorded a few minutes "ahead" is still accepted. */
const SKEW_MS = 5 * 60_000;

/**
 * CAS-3: a point-to-point transfer of a confirmed case or an asymptomatic infection to a hospital
 * that admits cases (four concentrations: a designated hospital or an opened cabin, never a fever
 * clinic). Opens the transfer's deadline when the case has none yet; admission closes it. With a
 * client id, a retried request returns the stored transfer.
 */
export async function requestTransfer(
  tx: Queryable,
  actor: Actor,
  hospitalId: string,
  input: TransferInput,
  now: Date,
): Promise<{ stay: StayView; created: boolean }> {
  const hospital = await readHospital(tx, actor, hospitalId, now);
  if (input.id) {
    const [existing] = await tx.query<{ id: string }>('SELECT id FROM hospital_stays WHERE id = $1', [
      input.id,
    ]);
    if (existing) return { stay: await readStay(tx, actor, input.id, now), created: false };
  }
  if (!hospital.admitsCases) throw invalid([fieldError('hospitalId', 'hospital_not_designated')]);
  const found = await readCaseForHospital(tx, input.caseId);
  if (
    !found ||
    !inScope(found.jurisdictionCode, actor.scopes) ||
    found.status === 'discarded' ||
    found.classification === 'suspected'
  )
    throw invalid([fieldError('caseId', 'case_not_transferable')]);
  if (input.fromHospitalId) await readHospital(tx, actor, input.fromHospitalId, now);
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 14))', [found.id]);
  const [live] = await tx.query(
    `SELECT 1 FROM hospital_stays WHERE case_id = $1 AND status IN ('requested', 'departed', 'admitted')`,
    [found.id],
  );
  if (live) throw invalid([fieldError('caseId', 'case_in_hospital')]);
  const id = input.id ?? randomUUID();
  const dueAt = await transferDueAt(tx, found.id, now);
  const inserted = await tx.query(
    `INSERT INTO hospital_stays (id, jurisdiction_code, case_id, person_id, hospital_id, from_place, from_hospital_id,
       vehicle, escort, status, requested_at, requested_by, transfer_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'requested', $10, $11, $12)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      id,
      found.jurisdictionCode,
      found.id,
      found.personId,
      hospital.id,
      input.fromPlace.trim(),
      input.fromHospitalId ?? null,
      input.vehicle?.trim() || null,
      input.escort?.trim() || null,
      now,
      actor.userId,
      dueAt,
    ],
  );
  // The id is another stay's: one row-level security hides (another county's), or a concurrent request's.
  if (inserted.length === 0) throw new AppError('transfer_id_taken', [fieldError('id', 'duplicate_id')]);
  await openTransferDeadlines(
    tx,
    [
      {
        caseId: found.id,
        jurisdictionCode: found.jurisdictionCode,
        personId: found.personId,
        personName: found.personName,
        classification: found.classification,
        dueAt,
      },
    ],
    now,
  );
  const stay = await readStay(tx, actor, id, now);
  await recordAudit(tx, actor, {
    action: 'hospital.transfer',
    entity: 'hospital_stay',
    entityId: id,
    jurisdictionCode: stay.jurisdictionCode,
    after: staySnapshot(stay),
  });
  return { stay, created: true };
}

/** The stay, locked, when it is in one of `statuses`; 409 otherwise. */
export async function lockStay(
  tx: Queryable,
  actor: Actor,
  id: string,
  statuses: readonly StayView['status'][],
  now: Date,
): Promise<StayView> {
  await readStay(tx, actor, id, now);
  await tx.query('SELECT 1 FROM hospital_stays WHERE id = $1 FOR UPDATE', [id]);
  const stay = await readStay(tx, actor, id, now);
  if (!statuses.includes(stay.status))
    throw new AppError('wrong_state', [fieldError('status', 'wrong_state')]);
  return stay;
}

/** A step's time: not in the future, not before the step before it. */
function checkTime(at: Date, notBefore: string, now: Date): void {
  if (at.getTime() > now.getTime() + SKEW_MS) throw invalid([fieldError('at', 'in_future')]);
  if (at < new Date(notBefore)) throw invalid([fieldError('at', 'before_previous_step')]);
}

/** CAS-3: the vehicle left with the patient. */
export async function recordDeparture(
  tx: Queryable,
  actor: Actor,
  id: string,
  at: Date,
  now: Date,
): Promise<StayView> {
  const before = await lockStay(tx, actor, id, ['requested'], now);
  checkTime(at, before.requestedAt, now);
  await tx.query(
    `UPDATE hospital_stays SET status = 'departed', departed_at = $2, version = version + 1 WHERE id = $1`,
    [id, at],
  );
  const after = await readStay(tx, actor, id, now);
  await recordAudit(tx, actor, {
    action: 'hospital.depart',
    entity: 'hospital_stay',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: staySnapshot(before),
    after: staySnapshot(after),
  });
  return after;
}

/**
 * CAS-3: the receiving hospital admits the patient (recorded by someone who may write for that
 * hospital). Closes the transfer's deadline and re-reads the 48-hour rule (CAS-4) for the hospital.
 */
export async function recordAdmission(
  tx: Queryable,
  actor: Actor,
  id: string,
  at: Date,
  now: Date,
): Promise<StayView> {
  const before = await lockStay(tx, actor, id, ['requested', 'departed'], now);
  // CAS-3: a case discarded or reclassified suspected since the transfer was asked for is not admitted.
  const found = await readCaseForHospital(tx, before.caseId);
  if (!found || found.status === 'discarded' || found.classification === 'suspected')
    throw new AppError('case_not_treatable', [fieldError('caseId', 'case_not_transferable')]);
  const hospital = await readHospital(tx, actor, before.hospitalId, now);
  if (!hospital.editable) throw forbidden();
  if (!hospital.admitsCases) throw invalid([fieldError('hospitalId', 'hospital_not_designated')]);
  checkTime(at, before.departedAt ?? before.requestedAt, now);
  await tx.query(
    `UPDATE hospital_stays SET status = 'admitted', admitted_at = $2,
       departed_at = coalesce(departed_at, $2), version = version + 1 WHERE id = $1`,
    [id, at],
  );
  await closeTransferDeadline(tx, before.caseId, at, actor.userId);
  const after = await readStay(tx, actor, id, now);
  await recordAudit(tx, actor, {
    action: 'hospital.admit',
    entity: 'hospital_stay',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: staySnapshot(before),
    after: staySnapshot(after),
  });
  await evaluateEmptying(tx, actor, [before.hospitalId], now);
  return after;
}

/** A transfer that will not happen (wrong hospital, the patient moved): the case still owes one. */
export async function cancelTransfer(
  tx: Queryable,
  actor: Actor,
  id: string,
  reason: string,
  now: Date,
): Promise<StayView> {
  const before = await lockStay(tx, actor, id, ['requested', 'departed'], now);
  await tx.query(
    `UPDATE hospital_stays SET status = 'cancelled', discharge_note = $2, version = version + 1 WHERE id = $1`,
    [id, reason.trim()],
  );
  const after = await readStay(tx, actor, id, now);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'hospital_stay',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: staySnapshot(before),
    after: staySnapshot(after),
    detail: { reason: reason.trim() },
  });
  return after;
}
