import type { HospitalView } from '../../api/hospitals.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, forbidden, invalid } from '../../platform/errors.js';
import { owesEmptying } from '../../rules/hospitalReadiness.js';
import { hospitalSnapshot, readHospital } from './registry.js';
import { closeEmptyingDeadline, openEmptyingDeadline } from './work.js';

/**
 * CAS-4, 002 §26 "出现 10 人以上确诊患者 … 48 小时内腾空一所定点医院": each of these hospitals (that the
 * caller may write for) holding 10 or more confirmed cases, admitted and not discharged, owes
 * emptying from now on; it is owed once: a hospital emptied is not asked again. Evaluated on
 * admission and on demand (a case admitted as asymptomatic and reclassified confirmed is counted
 * as confirmed from then). Returns the hospitals that newly owe it.
 */
export async function evaluateEmptying(
  tx: Queryable,
  actor: Actor,
  hospitalIds: readonly string[],
  now: Date,
): Promise<string[]> {
  const owed: string[] = [];
  for (const id of hospitalIds) {
    const hospital = await readHospital(tx, actor, id, now);
    if (!hospital.editable || hospital.emptyingOwedAt || !owesEmptying(hospital.kind, hospital.confirmed))
      continue;
    const [set] = await tx.query<{ id: string }>(
      'UPDATE hospitals SET emptying_owed_at = $2 WHERE id = $1 AND emptying_owed_at IS NULL RETURNING id',
      [id, now],
    );
    if (!set) continue;
    await openEmptyingDeadline(tx, hospital, now);
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'hospital',
      entityId: id,
      jurisdictionCode: hospital.jurisdictionCode,
      detail: { rule: 'CAS-4', confirmed: hospital.confirmed, emptyingOwedAt: now.toISOString() },
    });
    owed.push(id);
  }
  return owed;
}

/** CAS-4: the hospital records that it has been emptied of its other patients; closes the 48-hour item. */
export async function recordEmptied(
  tx: Queryable,
  actor: Actor,
  id: string,
  at: Date,
  note: string | null | undefined,
  now: Date,
): Promise<HospitalView> {
  const before = await readHospital(tx, actor, id, now);
  if (!before.editable) throw forbidden();
  if (!before.emptyingOwedAt || before.emptiedAt)
    throw new AppError('wrong_state', [fieldError('status', 'wrong_state')]);
  if (at.getTime() > now.getTime() + 5 * 60_000) throw invalid([fieldError('at', 'in_future')]);
  await tx.query(
    'UPDATE hospitals SET emptied_at = $2, emptied_note = $3, updated_at = $4, version = version + 1 WHERE id = $1',
    [id, at, note?.trim() || null, now],
  );
  await closeEmptyingDeadline(tx, id, at, actor.userId);
  const after = await readHospital(tx, actor, id, now);
  await recordAudit(tx, actor, {
    action: 'hospital.emptied',
    entity: 'hospital',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: hospitalSnapshot(before),
    after: hospitalSnapshot(after),
  });
  return after;
}
