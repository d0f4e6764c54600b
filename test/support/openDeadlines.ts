import { expect } from 'vitest';
import type { Queryable } from '../../src/platform/db/types.js';

/**
 * Whose deadlines to look at: one subject (a landing report, a leave, an arrival's plan, …), or
 * every obligation naming a person, whatever its subject.
 */
export type DeadlineSubject = { subjectType: string; subjectId: string } | { personId: string };

export interface OpenDeadline {
  kind: string;
  ruleId: string;
  subjectType: string;
  titleZh: string;
  dueAt: Date;
}

/**
 * The open obligations of a subject, read from the table itself: the invariant "when a workflow
 * ends, none of its deadlines stays open" holds whoever would see them, so no scope applies.
 */
export function openDeadlinesOf(db: Queryable, subject: DeadlineSubject): Promise<OpenDeadline[]> {
  const [where, params] =
    'personId' in subject
      ? ['person_id = $1', [subject.personId]]
      : ['subject_type = $1 AND subject_id = $2', [subject.subjectType, subject.subjectId]];
  return db.query<OpenDeadline>(
    `SELECT kind, rule_id AS "ruleId", subject_type AS "subjectType", title_zh AS "titleZh", due_at AS "dueAt"
     FROM deadlines WHERE ${where} AND done_at IS NULL AND cancelled_at IS NULL ORDER BY due_at, kind`,
    params,
  );
}

/**
 * Fails, listing what is left, when a workflow that has ended still has an open obligation (a
 * phantom that would go overdue and escalate). `what` names the workflow's end in the message.
 */
export async function expectNoOpenDeadlines(
  db: Queryable,
  subject: DeadlineSubject,
  what = 'the workflow has ended',
): Promise<void> {
  const open = await openDeadlinesOf(db, subject);
  expect(
    open.map((d) => `${d.ruleId} ${d.kind} (${d.titleZh})`),
    `${what}, yet these obligations are still open`,
  ).toEqual([]);
}
