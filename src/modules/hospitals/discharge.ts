import type { StayView } from '../../api/hospitals.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { openDeadlines } from '../../platform/deadlines/service.js';
import { fieldError, forbidden, invalid } from '../../platform/errors.js';
import { FALLBACK_DISCHARGE_FOLLOW_UP, followUpOwner } from '../../rules/dischargeFollowUp.js';
import { type DischargePlan, dischargePlan } from '../../rules/policy/dischargePlan.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { dischargePlanFor } from '../policy/index.js';
import { readHospital } from './registry.js';
import { readStay, staySnapshot } from './stays.js';
import { lockStay } from './transfer.js';
import { FOLLOW_UP_KIND_PREFIX, STAY_SUBJECT } from './work.js';

/**
 * CAS-3: the plan after discharge from the pack in force for the case's jurisdiction on the
 * discharge date (its `dischargeFollowUp` section, through the policy module's reader), or, when
 * that pack has none, the marked fallback of rules/dischargeFollowUp.ts.
 */
async function followUpPlan(
  ctx: AppContext,
  tx: Queryable,
  jurisdictionCode: string,
  at: Date,
  timeZone: string,
): Promise<{ plan: DischargePlan; packId: string | null }> {
  const found = await dischargePlanFor(ctx.db, tx, jurisdictionCode, at, timeZone);
  return found
    ? { plan: found.plan, packId: found.pack.packId }
    : { plan: dischargePlan(FALLBACK_DISCHARGE_FOLLOW_UP, at, timeZone), packId: null };
}

/**
 * CAS-3, 001 §11 "患者治愈出院后，按照规定方案实施隔离观察和跟踪管理": the hospital discharges its
 * patient; each step of the plan becomes a deadline, isolation and monitoring on the person's
 * community's list, visits and tests on the hospital's.
 */
export async function recordDischarge(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  at: Date,
  note: string | null | undefined,
  now: Date,
): Promise<StayView> {
  const before = await lockStay(tx, actor, id, ['admitted'], now);
  const hospital = await readHospital(tx, actor, before.hospitalId, now);
  if (!hospital.editable) throw forbidden();
  if (at.getTime() > now.getTime() + 5 * 60_000) throw invalid([fieldError('at', 'in_future')]);
  if (before.admittedAt && at < new Date(before.admittedAt))
    throw invalid([fieldError('at', 'before_previous_step')]);

  const timeZone = await effectiveTimeZone(tx, before.jurisdictionCode, ctx.config.defaultTimeZone);
  const { plan, packId } = await followUpPlan(ctx, tx, before.jurisdictionCode, at, timeZone);
  const steps = plan.steps.map((step, index) => ({ step, index, ...followUpOwner(step.kind) }));
  await openDeadlines(
    tx,
    steps.map(({ step, index, owner, role }) => ({
      ruleId: 'CAS-3',
      kind: `${FOLLOW_UP_KIND_PREFIX}${index}`,
      subjectType: STAY_SUBJECT,
      subjectId: id,
      jurisdictionCode: owner === 'hospital' ? hospital.jurisdictionCode : before.jurisdictionCode,
      personId: before.personId,
      ownerRole: role,
      openedAt: now,
      dueAt: step.dueAt,
      title: {
        zh: `${before.personName}出院后：${step.title.zh}`.slice(0, 200),
        en: `${before.personName} after discharge: ${step.title.en}`.slice(0, 200),
      },
    })),
  );
  const followUp = {
    fromPack: packId !== null,
    packId,
    steps: steps.map(({ step, owner }) => ({ title: step.title, date: step.untilDate ?? step.date, owner })),
  };
  await tx.query(
    `UPDATE hospital_stays SET status = 'discharged', discharged_at = $2, discharge_note = $3, follow_up_plan = $4,
       version = version + 1 WHERE id = $1`,
    [id, at, note?.trim() || null, JSON.stringify(followUp)],
  );
  const after = await readStay(tx, actor, id, now);
  await recordAudit(tx, actor, {
    action: 'hospital.discharge',
    entity: 'hospital_stay',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: staySnapshot(before),
    after: staySnapshot(after),
  });
  return after;
}
