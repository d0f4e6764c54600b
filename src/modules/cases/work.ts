import type { CaseView } from '../../api/cases.js';
import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline, closeDeadlinesByKindPrefix, openDeadline } from '../../platform/deadlines/service.js';
import { CASE_REPORT_KIND_PREFIX, PERSON_SUBJECT } from '../testing/index.js';

export const CASE_SUBJECT = 'case';
export const CASE_REVIEW_KIND_PREFIX = 'case-review:';
/** CAS-2: the CDC's review of one change of a case (the report, a reclassification, a discard). */
const reviewKind = (changeId: string) => `${CASE_REVIEW_KIND_PREFIX}${changeId}`;

export type ChangeKind = 'report' | 'reclassify' | 'discard';

const TITLES: Record<ChangeKind, { zh: string; en: string }> = {
  report: { zh: '病例报告，2小时内审核', en: 'case reported: review within 2 hours' },
  reclassify: { zh: '病例订正分类，2小时内审核', en: 'case reclassified: review within 2 hours' },
  discard: { zh: '病例排除，2小时内审核', en: 'case discarded: review within 2 hours' },
};

/**
 * CAS-2 "辖区内疾控机构在2小时内完成审核" [002 §27]: the review is owed by the CDC of the case's county
 * (the first six digits of its code), whatever level below it the case is managed at.
 */
export function openReviewDeadline(
  tx: Queryable,
  view: CaseView,
  change: { id: string; kind: ChangeKind; dueAt: Date },
  openedAt: Date,
) {
  const title = TITLES[change.kind];
  return openDeadline(tx, {
    ruleId: 'CAS-2',
    kind: reviewKind(change.id),
    subjectType: CASE_SUBJECT,
    subjectId: view.id,
    personId: view.personId,
    jurisdictionCode: view.jurisdictionCode.slice(0, 6),
    ownerRole: 'cdc_epidemiologist',
    openedAt,
    dueAt: change.dueAt,
    title: { zh: `${view.personName}${title.zh}`, en: `${view.personName}: ${title.en}` },
  });
}

/** The review closes the review items of the changes it reviewed. */
export async function closeReviewDeadlines(
  tx: Queryable,
  caseId: string,
  changeIds: readonly string[],
  at: Date,
  by: string,
) {
  for (const id of changeIds)
    await closeDeadline(
      tx,
      { subjectType: CASE_SUBJECT, subjectId: caseId, kind: reviewKind(id) },
      { at, by, outcome: 'reviewed' },
    );
}

/**
 * A report of the person closes the CAS-2 report items the person's positive results opened
 * (testing's `case-report:<tube>`), wherever they are owed: a city lab's item lies outside a county
 * hospital's scope, so this goes through the deadlines' cross-scope close for these kinds only.
 */
export function closeCaseReportItems(tx: Queryable, personId: string, at: Date, by: string) {
  return closeDeadlinesByKindPrefix(tx, PERSON_SUBJECT, [personId], [CASE_REPORT_KIND_PREFIX], {
    at,
    by,
    outcome: 'reported',
  });
}
