import type { InvestigationDetail } from '../../api/investigations.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { type InvestigationStatus, lookBackWindow, mayAct, mayReview } from '../../rules/investigation.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { buildTimeline } from './timeline.js';
import { iso, readSummaryRow, toSummary } from './view.js';

/** The workspace of a case's investigation: its case, deadlines, timeline, exposures, goods and report. */
export async function readInvestigation(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  caseId: string,
): Promise<InvestigationDetail> {
  const now = ctx.now();
  const row = await readSummaryRow(tx, actor.scopes, caseId);
  const [more] = await tx.query<{
    personId: string;
    onsetAt: string | null;
    sampledAt: string | null;
    reportedAtRaw: Date | string;
    onsetRaw: Date | string | null;
    sampledRaw: Date | string | null;
    firstDoneAt: string | null;
    firstSummary: string | null;
    report: string;
    submittedByName: string | null;
    submittedBy: string | null;
    reviewedByName: string | null;
    reviewedAt: string | null;
    returnReason: string | null;
    closedAt: string | null;
    closeReason: string | null;
  }>(
    `SELECT i.person_id AS "personId", ${iso('c.onset_at')} AS "onsetAt", ${iso('c.sampled_at')} AS "sampledAt",
       c.reported_at AS "reportedAtRaw", c.onset_at AS "onsetRaw", c.sampled_at AS "sampledRaw",
       ${iso('i.first_done_at')} AS "firstDoneAt", i.first_summary AS "firstSummary", i.report,
       i.submitted_by_name AS "submittedByName", i.submitted_by AS "submittedBy", i.reviewed_by_name AS "reviewedByName",
       ${iso('i.reviewed_at')} AS "reviewedAt", i.return_reason AS "returnReason", ${iso('i.closed_at')} AS "closedAt",
       i.close_reason AS "closeReason"
     FROM investigations i JOIN cases c ON c.id = i.case_id WHERE i.id = $1`,
    [caseId],
  );
  if (!more) throw new Error('investigation vanished while read');
  const { reportedAtRaw, onsetRaw, sampledRaw, ...fields } = more;
  const timeZone = await effectiveTimeZone(tx, row.jurisdictionCode, ctx.config.defaultTimeZone);
  const window = lookBackWindow(
    {
      onsetAt: onsetRaw ? new Date(onsetRaw) : null,
      sampledAt: sampledRaw ? new Date(sampledRaw) : null,
      reportedAt: new Date(reportedAtRaw),
    },
    timeZone,
  );
  const timeline = await buildTimeline(tx, caseId, more.personId, window);
  const exposures = await tx.query<InvestigationDetail['exposures'][number]>(
    `SELECT id, kind, description, evidence, certainty, likely_source AS "likelySource", ${iso('created_at')} AS "createdAt"
     FROM investigation_exposures WHERE investigation_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
  const goods = await tx.query<InvestigationDetail['goods'][number]>(
    `SELECT id, item, origin, batch, found_at_place AS "foundAtPlace", sample_result AS "sampleResult", note,
       ${iso('created_at')} AS "createdAt"
     FROM investigation_goods WHERE investigation_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
  const status = row.status as InvestigationStatus;
  const writes = actor.permissions.has('investigation.write');
  return {
    ...toSummary(row, now),
    ...fields,
    window: { from: window.from.toISOString(), to: window.to.toISOString(), anchor: window.anchor },
    timeline,
    exposures,
    goods,
    may: {
      edit: writes && mayAct(status, 'edit'),
      recordFirst: writes && mayAct(status, 'record_first'),
      submit: writes && mayAct(status, 'submit'),
      assign: writes && mayAct(status, 'assign'),
      review:
        actor.permissions.has('investigation.review') &&
        mayAct(status, 'review') &&
        mayReview(actor.userId, { submittedBy: more.submittedBy, investigatorId: row.investigatorId }),
    },
  };
}
