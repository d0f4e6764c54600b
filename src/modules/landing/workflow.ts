import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { AuditAction } from '../../platform/audit/actionLabels.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlines, closeDeadline, openDeadline } from '../../platform/deadlines/service.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import {
  countyOf,
  type DiscardReason,
  type FeedbackMeasure,
  type Verification,
  verifyDueAt,
} from '../../rules/landing.js';
import { inScope } from '../../rules/roles.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { syncLookDeadline } from './lookQueue.js';
import { attachClaim, type MatchChoice } from './match.js';
import { getReport } from './queue.js';
import { SUBJECT } from './submit.js';
import { auditSnapshot, type ReportView } from './view.js';

async function audited(
  tx: Queryable,
  actor: Actor,
  action: AuditAction,
  before: ReportView,
  after: ReportView,
) {
  await recordAudit(tx, actor, {
    action,
    entity: 'landing_report',
    entityId: after.id,
    jurisdictionCode: after.destinationCode,
    before: auditSnapshot(before),
    after: auditSnapshot(after),
    detail: { channel: 'landing_code' },
  });
  return after;
}

/**
 * The look, the push and setting a report aside are the county's (ARR-11 "各地区要明确专人…查看…推送
 * 所去社区"): its look deadline lies on the county's queue, which staff of a community cannot see,
 * so a look by them would leave that deadline open and escalating (item 19's phantom work).
 */
function requireCountyStaff(actor: Actor, report: ReportView) {
  if (!inScope(countyOf(report.destinationCode), actor.scopes)) {
    throw new AppError('forbidden', [fieldError('report', 'landing_county_staff')]);
  }
}

function requireOpen(report: ReportView) {
  if (report.discardedAt || report.cleared) throw invalid([fieldError('report', 'landing_ended')]);
}

/** The county's look queue after a report left it, and any look deadline of the report itself. */
async function lookDone(tx: Queryable, actor: Actor, report: ReportView, now: Date) {
  // Reports filed before the look moved to the queue carry their own look deadline.
  await closeDeadline(
    tx,
    { subjectType: SUBJECT, subjectId: report.id, kind: 'landing.look' },
    { at: now, by: actor.userId, outcome: 'looked' },
  );
  await syncLookDeadline(tx, countyOf(report.destinationCode), actor.userId, now);
}

/** ARR-11 "专人…查看报备信息": marks the report looked at and updates the county's 30-minute look. */
export async function lookAt(ctx: AppContext, tx: Queryable, actor: Actor, id: string): Promise<ReportView> {
  const before = await getReport(tx, actor, id);
  requireCountyStaff(actor, before);
  if (before.lookedAt) return before;
  const now = ctx.now();
  await tx.query('UPDATE landing_reports SET looked_at = $2, looked_by = $3 WHERE id = $1', [
    id,
    now,
    actor.userId,
  ]);
  await lookDone(tx, actor, before, now);
  return audited(tx, actor, 'look', before, await getReport(tx, actor, id));
}

/**
 * The county's staff set a claim aside (reported twice, not a real arrival, a test): its workflow
 * ends, and with it every deadline it had (the look on the queue, the community's verification).
 * A claim touches no person, so there is nothing else to undo. A verified report cannot be set aside.
 */
export async function discardReport(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  reason: DiscardReason,
  note: string | null | undefined,
): Promise<ReportView> {
  const before = await getReport(tx, actor, id);
  requireCountyStaff(actor, before);
  requireOpen(before);
  if (before.verifiedAt) throw invalid([fieldError('report', 'landing_ended')]);
  const now = ctx.now();
  await tx.query(
    `UPDATE landing_reports SET discard_reason = $2, discard_note = $3, discarded_at = $4, discarded_by = $5,
       looked_at = coalesce(looked_at, $4), looked_by = coalesce(looked_by, $5)
     WHERE id = $1`,
    [id, reason, note?.trim() || null, now, actor.userId],
  );
  await cancelDeadlines(tx, { subjectType: SUBJECT, subjectId: id }, `discarded: ${reason}`, now);
  await lookDone(tx, actor, before, now);
  return audited(tx, actor, 'discard', before, await getReport(tx, actor, id));
}

/**
 * ARR-11 "第一时间推送所去社区逐人核实,当日反馈": hands the report to its destination community, whose
 * verification and feedback are due by the end of the local day. A push counts as a look.
 */
export async function pushToCommunity(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
): Promise<ReportView> {
  const looked = await lookAt(ctx, tx, actor, id);
  if (looked.discardedAt) throw invalid([fieldError('report', 'landing_ended')]);
  if (looked.pushedAt) return looked;
  const now = ctx.now();
  const timeZone = await effectiveTimeZone(tx, looked.destinationCode, ctx.config.defaultTimeZone);
  const due = verifyDueAt(now, timeZone);
  await tx.query(
    'UPDATE landing_reports SET pushed_at = $2, pushed_to = jurisdiction_code, pushed_by = $3, verify_due_at = $4 WHERE id = $1',
    [id, now, actor.userId, due],
  );
  await openDeadline(tx, {
    ruleId: 'ARR-11',
    kind: 'landing.verify',
    subjectType: SUBJECT,
    subjectId: id,
    jurisdictionCode: looked.destinationCode,
    ownerRole: 'community_worker',
    openedAt: now,
    dueAt: due,
    title: { zh: `逐人核实并反馈 ${looked.receipt}`, en: `Verify and feed back ${looked.receipt}` },
  });
  return audited(tx, actor, 'push', looked, await getReport(tx, actor, id));
}

/** Pushes every looked, unpushed report within `jurisdictionCode` (一键推送). */
export async function pushAllLooked(ctx: AppContext, tx: Queryable, actor: Actor, jurisdictionCode: string) {
  if (!inScope(jurisdictionCode, actor.scopes)) throw notFound();
  const params: unknown[] = [];
  const scope = scopeCondition('jurisdiction_code', [jurisdictionCode], params);
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM landing_reports WHERE ${scope} AND looked_at IS NOT NULL AND pushed_at IS NULL AND discarded_at IS NULL
     ORDER BY submitted_at`,
    params,
  );
  for (const row of rows) await pushToCommunity(ctx, tx, actor, row.id);
  return { pushed: rows.length };
}

export interface VerifyInput extends MatchChoice {
  verification: Verification;
  note?: string | null | undefined;
  measures?: FeedbackMeasure[] | undefined;
  feedbackNote?: string | null | undefined;
}

async function closeIfCleared(ctx: AppContext, tx: Queryable, actor: Actor, view: ReportView) {
  if (!view.cleared) return;
  await closeDeadline(
    tx,
    { subjectType: SUBJECT, subjectId: view.id, kind: 'landing.verify' },
    { at: ctx.now(), by: actor.userId, outcome: view.verification ?? 'verified' },
  );
  // Item 19's invariant: the report's workflow has ended, so nothing of it stays owed.
  await cancelDeadlines(tx, { subjectType: SUBJECT, subjectId: view.id }, 'report cleared', ctx.now());
}

/**
 * "逐人核实": the community records whether the person was found where they said they would be. When
 * they were, staff say who they are (a candidate of their jurisdiction or a new person), and only
 * now is the arrival registered and planned: the report alone never acted on anyone.
 */
export async function verifyReport(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  input: VerifyInput,
) {
  const before = await getReport(tx, actor, id);
  requireOpen(before);
  if (!before.pushedAt) throw invalid([fieldError('report', 'landing_not_pushed')]);
  if (before.verifiedAt) throw new AppError('landing_ended', [fieldError('report', 'landing_ended')]);
  const found = input.verification === 'found';
  if (!found && (input.personId || input.registerNew)) {
    throw invalid([fieldError(input.personId ? 'personId' : 'registerNew', 'landing_match_not_found')]);
  }
  if (found) await attachClaim(ctx, tx, actor, before, input);
  await tx.query(
    `UPDATE landing_reports SET verification = $2, verification_note = $3, verified_at = $4, verified_by = $5
     WHERE id = $1`,
    [id, input.verification, input.note?.trim() || null, ctx.now(), actor.userId],
  );
  if (input.measures && input.measures.length > 0) {
    await saveFeedback(ctx, tx, actor, id, input.measures, input.feedbackNote);
  }
  const after = await getReport(tx, actor, id);
  await closeIfCleared(ctx, tx, actor, after);
  return audited(tx, actor, 'verify', before, after);
}

async function saveFeedback(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  measures: FeedbackMeasure[],
  note: string | null | undefined,
) {
  await tx.query(
    `UPDATE landing_reports SET feedback_measures = $2, feedback_note = $3, feedback_at = $4, feedback_by = $5
     WHERE id = $1`,
    [id, [...new Set(measures)], note?.trim() || null, ctx.now(), actor.userId],
  );
}

/** "当日反馈检测管控情况": the testing and control state, which clears the report (闭环). */
export async function feedBack(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  measures: FeedbackMeasure[],
  note: string | null | undefined,
) {
  const before = await getReport(tx, actor, id);
  if (!before.verifiedAt) throw invalid([fieldError('report', 'landing_not_verified')]);
  await saveFeedback(ctx, tx, actor, id, measures, note);
  const after = await getReport(tx, actor, id);
  await closeIfCleared(ctx, tx, actor, after);
  return audited(tx, actor, 'feedback', before, after);
}
