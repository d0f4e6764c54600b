import type { HospitalBody, ReleaseBody, TestBody } from '../../api/isolationRelease.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid } from '../../platform/errors.js';
import { testKey } from '../../rules/policy/itemKeys.js';
import type { Text } from '../../rules/policy/types.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { recordPlanEvent } from '../arrivals/index.js';
import { recordContactIsolationEnded } from '../contacts/index.js';
import { type ArrivalPart, evaluateStay, readStay, type StayRow, stayStart } from './releaseCheck.js';
import { vacateRoom } from './rooms.js';

/**
 * ISO-6: tests during a stay, release when the plan allows it and the move to the plan's next phase
 * at home (002 §3 "由所在地'点对点'闭环转运回目的地继续实施7天居家医学观察"), or to hospital.
 */

const isOpen = (stay: StayRow) => stay.status === 'in_room' || stay.status === 'home';

/** Why an arrival's plan did not take a result or a phase's end: a note beside the stay, not an error. */
function planNote(error: unknown): Text {
  const code = error instanceof AppError ? error.code : 'internal';
  switch (code) {
    case 'plan_item_recorded':
      return { zh: '管控方案已记录该项', en: 'The plan has this item recorded already' };
    case 'release_tests_pending':
      return {
        zh: '管控方案尚未记录解除所需的检测，阶段结束未记入方案',
        en: 'The plan has not recorded the tests release needs; the phase end was not recorded on it',
      };
    case 'plan_missing':
      return { zh: '该人员没有有效的管控方案', en: 'The person has no active plan' };
    case 'not_found':
      return { zh: '管控方案不在您的辖区内，未记入', en: 'The plan lies outside your jurisdiction' };
    default:
      return { zh: '管控方案未记录该项', en: 'The plan did not take this item' };
  }
}

/** Records on the arrival's plan; a refusal becomes a note (the isolation record stands). */
async function onPlan(
  tx: Queryable,
  actor: Actor,
  arrival: ArrivalPart,
  item: string,
  result: 'negative' | 'positive' | 'done',
  at: Date,
  now: Date,
): Promise<{ code: string; note: Text } | null> {
  try {
    await recordPlanEvent(tx, actor, arrival.arrivalId, { item, result, at }, now);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, note: planNote(error) };
  }
}

/** POST /isolation/stays/:id/tests: a result taken at the site or at home during the stay. */
export async function recordStayTest(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  stayId: string,
  body: TestBody,
) {
  const stay = await readStay(tx, stayId, true);
  if (stay.status === 'ended' || stay.status === 'cancelled') throw new AppError('stay_closed');
  const now = ctx.now();
  const sampledAt = new Date(body.sampledAt);
  if (sampledAt.getTime() > now.getTime()) throw invalid([fieldError('sampledAt', 'in_future')]);
  if (!stay.startedAt || sampledAt.getTime() < stayStart(stay).getTime())
    throw invalid([fieldError('sampledAt', 'before_stay_start')]);
  const before = await evaluateStay(ctx, tx, stay);
  let planItem: string | null = null;
  let note: Text | null = null;
  // An arrival's plan test of this kind on this local day takes the result too, so the arrival's
  // page and the stay read the same; a negative with fewer reagents than the plan's test is not it.
  if (before.arrival && body.result !== 'invalid') {
    const day = localDate(sampledAt, before.timeZone);
    const test = before.arrival.plan.tests.find((t) => t.kind === body.kind && t.date === day);
    if (test && body.result === 'negative' && body.reagents < test.reagents) {
      note = {
        zh: `试剂数少于方案要求（${test.reagents}种试剂平行检测），未记入管控方案`,
        en: `Fewer reagents than the plan's test needs (${test.reagents} in parallel): not recorded on the plan`,
      };
    } else if (test) {
      const refused = await onPlan(tx, actor, before.arrival, testKey(test), body.result, sampledAt, now);
      if (refused) note = refused.note;
      else planItem = testKey(test);
    }
  }
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO isolation_test_results (stay_id, jurisdiction_code, person_id, kind, reagents, result, sampled_at, recorded_by, recorded_at, plan_item)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      stay.id,
      stay.jurisdictionCode,
      stay.personId,
      body.kind,
      body.reagents,
      body.result,
      sampledAt,
      actor.userId,
      now,
      planItem,
    ],
  );
  const id = row?.id as string;
  await recordAudit(tx, actor, {
    action: 'isolation.test_result',
    entity: 'isolation_stay',
    entityId: stay.id,
    jurisdictionCode: stay.jurisdictionCode,
    detail: { testId: id, ...body, planItem },
  });
  const after = await evaluateStay(ctx, tx, stay);
  return { id, planItem, planNote: note, check: after.view };
}

/** The room (site and number) a stay leaves, and where its person lives. */
async function places(tx: Queryable, stay: StayRow) {
  const [row] = await tx.query<{ site: string | null; room: string | null; address: string | null }>(
    `SELECT si.name AS site, r.number AS room, p.address
     FROM (SELECT 1) one
     LEFT JOIN isolation_sites si ON si.id = $1
     LEFT JOIN isolation_rooms r ON r.id = $2
     LEFT JOIN persons p ON p.id = $3`,
    [stay.siteId, stay.roomId, stay.personId],
  );
  const from = [row?.site, row?.room ? `${row.room}室` : null].filter(Boolean).join(' ') || '集中隔离点';
  return { from: from.slice(0, 200), home: (row?.address || '居家').slice(0, 200) };
}

/** Ends the stay and, for a room, records the point-to-point transfer out and frees the room. */
async function endStay(
  tx: Queryable,
  actor: Actor,
  stay: StayRow,
  how: {
    endKind: 'released' | 'next_phase' | 'hospital';
    reason: string;
    at: Date;
    nextStayId?: string | null;
  },
  transfer: { toPlace: string; vehicle?: string | undefined; escortName?: string | undefined } | null,
) {
  await tx.query(
    `UPDATE isolation_stays SET status = 'ended', ended_at = $2, end_kind = $3, end_reason = $4, next_stay_id = $5,
       version = version + 1, updated_at = $2
     WHERE id = $1`,
    [stay.id, how.at, how.endKind, how.reason, how.nextStayId ?? null],
  );
  if (transfer && stay.kind === 'centralised') {
    const { from } = await places(tx, stay);
    await tx.query(
      `INSERT INTO isolation_transfers (stay_id, jurisdiction_code, direction, from_place, to_place, vehicle, escort_name, departed_at, recorded_by, recorded_at)
       VALUES ($1, $2, 'out', $3, $4, $5, $6, $7, $8, $7)`,
      [
        stay.id,
        stay.jurisdictionCode,
        from,
        transfer.toPlace,
        transfer.vehicle ?? null,
        transfer.escortName ?? null,
        how.at,
        actor.userId,
      ],
    );
  }
  return stay.roomId ? vacateRoom(tx, stay.roomId, how.at) : false;
}

/**
 * POST /isolation/stays/:id/release: refused with the reasons unless the plan allows it (nobody
 * leaves early); else the stay ends — moved on to the plan's next phase at home (a home stay in the
 * person's jurisdiction, point to point) or released — the room waits for cleaning, the plan records
 * the phase's end (arrivals) or the span's deadlines close done (contacts; released when nothing
 * follows).
 */
export async function releaseStay(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  stayId: string,
  body: ReleaseBody,
) {
  const stay = await readStay(tx, stayId, true);
  if (stay.status === 'ended' || stay.status === 'cancelled') throw new AppError('stay_closed');
  const evaluation = await evaluateStay(ctx, tx, stay);
  if (!evaluation.view.allowed)
    throw new AppError('release_not_allowed', [], { reasons: evaluation.view.reasons });
  const now = ctx.now();
  const notes: Text[] = [];
  const { arrival, contact, next } = evaluation;
  if (arrival) {
    // The plan's release tests first (a result taken at the site on another day than the plan's, or
    // by a tube), then the phase's end: the plan reads as the stay does.
    for (const test of evaluation.view.requiredTests) {
      const done = evaluation.view.results.find(
        (r) =>
          r.kind === test.kind &&
          r.result === 'negative' &&
          r.sampledDate >= test.date &&
          r.reagents >= test.reagents,
      );
      if (!done || done.origin === 'plan') continue;
      const at = done.sampledAt ? new Date(done.sampledAt) : now;
      const refused = await onPlan(tx, actor, arrival, test.key, 'negative', at, now);
      // Recorded already is the usual case (the result was taken on the plan's day).
      if (refused && refused.code !== 'plan_item_recorded') notes.push(refused.note);
    }
    const refused = await onPlan(tx, actor, arrival, arrival.phaseKey, 'done', now, now);
    if (refused) notes.push(refused.note);
  }
  let nextStayId: string | null = null;
  const { home } = await places(tx, stay);
  if (next && !inScope(next.jurisdictionCode, actor.scopes)) {
    notes.push({
      zh: '居住地不在您的辖区内，下一阶段的居家隔离由其所在地登记',
      en: 'The home lies outside your jurisdiction: its community records the next phase',
    });
  }
  const endKind: 'next_phase' | 'released' = next ? 'next_phase' : 'released';
  const roomCleaning = await endStay(
    tx,
    actor,
    stay,
    { endKind, reason: body.reason, at: now },
    { toPlace: body.toPlace ?? home, vehicle: body.vehicle, escortName: body.escortName },
  );
  if (next && inScope(next.jurisdictionCode, actor.scopes)) {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, status, started_at, planned_end_date, created_by, created_at, updated_at)
       VALUES ($1, $2, 'home', $3, $4, 'home', $5, $6, $7, $5, $5) RETURNING id`,
      [next.jurisdictionCode, stay.personId, stay.sourceType, stay.sourceId, now, next.endDate, actor.userId],
    );
    nextStayId = row?.id ?? null;
    await tx.query('UPDATE isolation_stays SET next_stay_id = $2 WHERE id = $1', [stay.id, nextStayId]);
  }
  if (contact) {
    try {
      await recordContactIsolationEnded(
        ctx,
        tx,
        actor,
        contact.contactId,
        contact.spanKinds,
        !next,
        body.reason,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notes.push({
        zh: '接触者记录不在您的辖区内，未同步解除',
        en: 'The contact lies outside your jurisdiction: not released with the stay',
      });
    }
  }
  await recordAudit(tx, actor, {
    action: next ? 'isolation.next_phase' : 'isolation.release',
    entity: 'isolation_stay',
    entityId: stay.id,
    jurisdictionCode: stay.jurisdictionCode,
    before: { status: stay.status },
    after: { status: 'ended', endKind },
    detail: {
      reason: body.reason,
      toPlace: body.toPlace ?? null,
      nextStayId,
      next: next ? { kind: next.kind, endDate: next.endDate } : null,
      tests: evaluation.view.requiredTests.map((t) => t.key),
    },
  });
  return { stayId: stay.id, endKind, endedAt: now.toISOString(), nextStayId, roomCleaning, notes };
}

/**
 * POST /isolation/stays/:id/to-hospital: a positive result or a case — the stay ends, the room waits
 * for cleaning. The case itself is reported and transferred by the cases module.
 */
export async function stayToHospital(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  stayId: string,
  body: HospitalBody,
) {
  const stay = await readStay(tx, stayId, true);
  if (!isOpen(stay) && stay.status !== 'allocated') throw new AppError('stay_closed');
  const now = ctx.now();
  const roomCleaning = await endStay(
    tx,
    actor,
    stay,
    { endKind: 'hospital', reason: body.reason, at: now },
    stay.status === 'in_room' ? { toPlace: body.toPlace ?? '定点医院' } : null,
  );
  await recordAudit(tx, actor, {
    action: 'isolation.to_hospital',
    entity: 'isolation_stay',
    entityId: stay.id,
    jurisdictionCode: stay.jurisdictionCode,
    before: { status: stay.status },
    after: { status: 'ended', endKind: 'hospital' },
    detail: { reason: body.reason, toPlace: body.toPlace ?? null },
  });
  return {
    stayId: stay.id,
    endKind: 'hospital' as const,
    endedAt: now.toISOString(),
    nextStayId: null,
    roomCleaning,
    notes: [],
  };
}
