import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { mayReview, statusAfter } from '../../rules/investigation.js';
import { inScope } from '../../rules/roles.js';
import { lockFor, snapshot } from './lock.js';
import { closeComplete, closeFirst, countyOf } from './work.js';

const signature = (actor: Actor) => `${actor.displayName} (${actor.username})`;

/** EPI-1 (001 §9): the first investigation recorded with its summary closes the 8-hour deadline. */
export async function recordFirst(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  caseId: string,
  summary: string,
) {
  const row = await lockFor(tx, actor, caseId, 'record_first');
  const now = ctx.now();
  await tx.query(
    `UPDATE investigations SET status = $2, first_done_at = $3, first_done_by = $4, first_summary = $5,
       investigator_id = coalesce(investigator_id, $4), investigator_name = coalesce(investigator_name, $6),
       version = version + 1 WHERE id = $1`,
    [caseId, statusAfter(row.status, 'record_first'), now, actor.userId, summary.trim(), signature(actor)],
  );
  await closeFirst(tx, caseId, now, actor.userId);
  await recordAudit(tx, actor, {
    action: 'investigation.first',
    entity: 'investigation',
    entityId: caseId,
    jurisdictionCode: row.jurisdictionCode,
    before: snapshot(row),
    after: { status: 'first_done' },
    detail: { rule: 'EPI-1' },
  });
}

/**
 * EPI-1 (002 §24) and EPI-6: the complete investigation submitted for review closes the 24-hour
 * deadline (and the 8-hour one, when no first investigation was recorded apart: the complete one
 * includes it). A report is needed; a returned report is submitted again the same way.
 */
export async function submit(ctx: AppContext, tx: Queryable, actor: Actor, caseId: string) {
  const row = await lockFor(tx, actor, caseId, 'submit');
  const [current] = await tx.query<{ report: string }>('SELECT report FROM investigations WHERE id = $1', [
    caseId,
  ]);
  if (!current?.report.trim()) throw new AppError('validation', [fieldError('report', 'required')]);
  const now = ctx.now();
  await tx.query(
    `UPDATE investigations SET status = 'submitted', submitted_at = $2, submitted_by = $3, submitted_by_name = $4,
       first_done_at = coalesce(first_done_at, $2), first_done_by = coalesce(first_done_by, $3),
       complete_done_at = coalesce(complete_done_at, $2), return_reason = NULL,
       investigator_id = coalesce(investigator_id, $3), investigator_name = coalesce(investigator_name, $4),
       version = version + 1 WHERE id = $1`,
    [caseId, now, actor.userId, signature(actor)],
  );
  await closeFirst(tx, caseId, now, actor.userId);
  await closeComplete(tx, caseId, now, actor.userId);
  await recordAudit(tx, actor, {
    action: 'investigation.submit',
    entity: 'investigation',
    entityId: caseId,
    jurisdictionCode: row.jurisdictionCode,
    before: snapshot(row),
    after: { status: 'submitted' },
    detail: { rule: 'EPI-1' },
  });
}

/**
 * EPI-6 (003 §3.4.6 "建立流行病学调查报告审核制度"): another person holding investigation.review
 * releases the report, or returns it for changes with a reason. Its author (who submitted it, or
 * the investigator it is assigned to) may not review it: 403 review_own_report.
 */
export async function review(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  caseId: string,
  decision: 'release' | 'return',
  reason: string | undefined,
) {
  const row = await lockFor(tx, actor, caseId, 'review');
  const [authors] = await tx.query<{ submittedBy: string | null }>(
    'SELECT submitted_by AS "submittedBy" FROM investigations WHERE id = $1',
    [caseId],
  );
  if (
    !mayReview(actor.userId, {
      submittedBy: authors?.submittedBy ?? null,
      investigatorId: row.investigatorId,
    })
  )
    throw new AppError('review_own_report');
  const returnReason = decision === 'return' ? reason?.trim() || null : null;
  if (decision === 'return' && !returnReason)
    throw new AppError('validation', [fieldError('reason', 'required')]);
  const now = ctx.now();
  const status = statusAfter(row.status, decision);
  await tx.query(
    `UPDATE investigations SET status = $2, reviewed_at = $3, reviewed_by = $4, reviewed_by_name = $5,
       return_reason = $6, released_at = CASE WHEN $2 = 'released' THEN $3::timestamptz END, version = version + 1
     WHERE id = $1`,
    [caseId, status, now, actor.userId, signature(actor), returnReason],
  );
  await recordAudit(tx, actor, {
    action: decision === 'release' ? 'investigation.release' : 'investigation.return',
    entity: 'investigation',
    entityId: caseId,
    jurisdictionCode: row.jurisdictionCode,
    before: snapshot(row),
    after: { status },
    detail: { rule: 'EPI-6', ...(returnReason ? { reason: returnReason } : {}) },
  });
}

/**
 * EPI-6: the investigator (an account of the case's county that may investigate) and the team
 * (an investigation team of the county) the investigation is assigned to; null clears either.
 */
export async function assign(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  input: { investigatorId?: string | null | undefined; teamId?: string | null | undefined },
) {
  const row = await lockFor(tx, actor, caseId, 'assign');
  const county = countyOf(row.jurisdictionCode);
  let investigator: { id: string; name: string } | null | undefined;
  if (input.investigatorId === null) investigator = null;
  else if (input.investigatorId !== undefined) {
    const [user] = await tx.query<{ id: string; name: string; roles: string[]; scopes: string[] }>(
      `SELECT id, display_name || ' (' || username || ')' AS name, roles, scopes FROM users WHERE id = $1 AND active`,
      [input.investigatorId],
    );
    const covers = user?.scopes.some((scope) => county.startsWith(scope) || scope.startsWith(county));
    if (!user || !covers || !user.roles.some((role) => role === 'cdc_epidemiologist' || role === 'admin'))
      throw new AppError('validation', [fieldError('investigatorId', 'investigator_unknown')]);
    investigator = { id: user.id, name: user.name };
  }
  let teamId: string | null | undefined;
  if (input.teamId === null) teamId = null;
  else if (input.teamId !== undefined) {
    const [team] = await tx.query<{ id: string; code: string }>(
      'SELECT id, jurisdiction_code AS code FROM epi_teams WHERE id = $1 AND active',
      [input.teamId],
    );
    if (!team || !(inScope(team.code, [county]) || inScope(county, [team.code])))
      throw new AppError('validation', [fieldError('teamId', 'team_unknown')]);
    teamId = team.id;
  }
  await tx.query(
    `UPDATE investigations SET
       investigator_id = CASE WHEN $2 THEN $3::uuid ELSE investigator_id END,
       investigator_name = CASE WHEN $2 THEN $4 ELSE investigator_name END,
       team_id = CASE WHEN $5 THEN $6::uuid ELSE team_id END, version = version + 1
     WHERE id = $1`,
    [
      caseId,
      investigator !== undefined,
      investigator?.id ?? null,
      investigator?.name ?? null,
      teamId !== undefined,
      teamId ?? null,
    ],
  );
  await recordAudit(tx, actor, {
    action: 'investigation.assign',
    entity: 'investigation',
    entityId: caseId,
    jurisdictionCode: row.jurisdictionCode,
    before: snapshot(row),
    after: {
      investigator: investigator === undefined ? row.investigatorName : (investigator?.name ?? null),
      teamId: teamId === undefined ? row.teamId : teamId,
    },
    detail: { rule: 'EPI-6' },
  });
}
