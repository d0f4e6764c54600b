import type { Queryable } from '../../platform/db/types.js';
import {
  cancelDeadlinesByKindPrefix,
  closeDeadline,
  type DeadlineInput,
  openDeadlines,
} from '../../platform/deadlines/service.js';

/** The investigations module's deadline subject and kinds (on "my work" through ./workSubjects.ts). */
export const INVESTIGATION_SUBJECT = 'investigation';
export const FIRST_KIND = 'investigation.first';
export const COMPLETE_KIND = 'investigation.complete';
const KIND_PREFIX = 'investigation.';
/** Why a discarded case's investigation ends (kept on the deadline and the investigation). */
export const CASE_DISCARDED = 'case_discarded';

export interface Owed {
  id: string;
  jurisdictionCode: string;
  personId: string;
  personName: string;
  firstDueAt: Date;
  completeDueAt: Date;
}

/** EPI-1's owner: the CDC of the case's county (the county's epidemiologists investigate). */
export const countyOf = (code: string) => (code.length > 6 ? code.slice(0, 6) : code);

/** EPI-1: the first investigation (8 h) and the complete one (24 h) of each newly opened investigation. */
export async function openInvestigationDeadlines(tx: Queryable, owed: readonly Owed[], openedAt: Date) {
  const name = (o: Owed) => o.personName.slice(0, 40);
  await openDeadlines(
    tx,
    owed.flatMap((o): DeadlineInput[] => [
      {
        ruleId: 'EPI-1',
        subjectType: INVESTIGATION_SUBJECT,
        subjectId: o.id,
        kind: FIRST_KIND,
        jurisdictionCode: countyOf(o.jurisdictionCode),
        ownerRole: 'cdc_epidemiologist',
        dueAt: o.firstDueAt,
        openedAt,
        personId: o.personId,
        title: { zh: `完成${name(o)}的首次流行病学调查`, en: `First investigation of ${name(o)}` },
      },
      {
        ruleId: 'EPI-1',
        subjectType: INVESTIGATION_SUBJECT,
        subjectId: o.id,
        kind: COMPLETE_KIND,
        jurisdictionCode: countyOf(o.jurisdictionCode),
        ownerRole: 'cdc_epidemiologist',
        dueAt: o.completeDueAt,
        openedAt,
        personId: o.personId,
        title: { zh: `完成${name(o)}的流行病学调查并提交报告`, en: `Complete investigation of ${name(o)}` },
      },
    ]),
  );
}

export const closeFirst = (tx: Queryable, id: string, at: Date, by: string) =>
  closeDeadline(tx, { subjectType: INVESTIGATION_SUBJECT, subjectId: id, kind: FIRST_KIND }, { at, by });

export const closeComplete = (tx: Queryable, id: string, at: Date, by: string) =>
  closeDeadline(tx, { subjectType: INVESTIGATION_SUBJECT, subjectId: id, kind: COMPLETE_KIND }, { at, by });

/** A workflow that ends leaves no deadline open: a discarded case's investigation owes nothing more. */
export const cancelInvestigationDeadlines = (tx: Queryable, ids: readonly string[], at: Date) =>
  cancelDeadlinesByKindPrefix(tx, INVESTIGATION_SUBJECT, ids, KIND_PREFIX, CASE_DISCARDED, at);
