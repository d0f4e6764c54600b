import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline, openDeadline } from '../../platform/deadlines/service.js';

/**
 * ARR-11 "各地区要明确专人最长每半小时查看一次报备信息": one look deadline per county, on its queue,
 * not one per report. A self-report is a claim and creates nothing but itself (DESIGN "Safe by
 * default"): a flood of reports cannot flood the deadline lists, yet the county's working group
 * still owes a look within 30 minutes of its oldest unlooked report, and is escalated when late.
 */
export const QUEUE_SUBJECT = 'landing_queue';
export const LOOK_KIND = 'landing.look';

/** A county's look queue as a deadline subject: a fixed UUID that spells the county's code. */
function queueSubjectId(county: string): string {
  return `00000000-0000-4000-8000-${county.padStart(12, '0')}`;
}

/**
 * Brings the county's look deadline in line with its queue: due with the oldest unlooked report's
 * look, or closed when nothing is left to look at. Call after every change to the queue, inside the
 * same transaction, from a scope that covers the whole county (else the count would miss reports).
 */
export async function syncLookDeadline(tx: Queryable, county: string, by: string | null, now: Date) {
  const params: unknown[] = [];
  const scope = scopeCondition('jurisdiction_code', [county], params);
  const [oldest] = await tx.query<{ due: Date | string | null; submitted: Date | string | null }>(
    `SELECT min(look_due_at) AS due, min(submitted_at) AS submitted FROM landing_reports
     WHERE ${scope} AND looked_at IS NULL`,
    params,
  );
  const key = { subjectType: QUEUE_SUBJECT, subjectId: queueSubjectId(county), kind: LOOK_KIND };
  if (!oldest?.due || !oldest.submitted) {
    await closeDeadline(tx, key, { at: now, by, outcome: 'looked' });
    return;
  }
  await openDeadline(tx, {
    ...key,
    ruleId: 'ARR-11',
    jurisdictionCode: county,
    ownerRole: 'working_group',
    openedAt: new Date(oldest.submitted),
    dueAt: new Date(oldest.due),
    title: {
      zh: '查看新的落地码报备（每半小时至少一次）',
      en: 'Look at the new landing-code reports (at least every 30 minutes)',
    },
  });
}
