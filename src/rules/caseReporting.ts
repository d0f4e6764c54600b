import { CASE_REPORT_HOURS } from './testingDeadlines.js';

/**
 * CAS-2: a case is reported within 2 hours of being found and reviewed by the CDC within 2 hours
 * of the report: "接到核酸检测阳性报告后，医疗机构要在2小时内进行网络直报，辖区内疾控机构在2小时内完成审核" [002 §27].
 */
const CASE_REVIEW_HOURS = 2;

/**
 * CAS-2 ("坚决杜绝迟报、瞒报、漏报" [001 §8]): when an unreported positive stops being a late report
 * and counts as concealed or missed (瞒报/漏报). Assumption (本地口径): the seeds name the three
 * failures but set no time between them; a positive still unreported 24 hours after its result has
 * missed a whole day's figures (CAS-5's daily release), so it is no longer merely late.
 */
export const CONCEALED_AFTER_HOURS = 24;

const HOUR = 3_600_000;

/** Where an unreported positive individual result stands at `now` (CAS-2). */
export type UnreportedState = 'due' | 'overdue' | 'concealed';

export function unreportedState(resultedAt: Date, now: Date): UnreportedState {
  const elapsed = now.getTime() - resultedAt.getTime();
  if (elapsed > CONCEALED_AFTER_HOURS * HOUR) return 'concealed';
  if (elapsed > CASE_REPORT_HOURS * HOUR) return 'overdue';
  return 'due';
}

/** Minutes a report came after its 2 hours from finding (0 when in time). */
export function reportLateMinutes(foundAt: Date, reportedAt: Date): number {
  return Math.max(
    0,
    Math.floor((reportedAt.getTime() - foundAt.getTime() - CASE_REPORT_HOURS * HOUR) / 60_000),
  );
}

/** When the CDC's review of a report (or of a change to it) is due. */
export function reviewDueAt(reportedAt: Date): Date {
  return new Date(reportedAt.getTime() + CASE_REVIEW_HOURS * HOUR);
}

export interface CardTimes {
  onsetAt?: Date | null;
  sampledAt?: Date | null;
  foundAt: Date;
  reportedAt: Date;
  confirmedAt?: Date | null;
}

type CardTimeField = 'onsetAt' | 'sampledAt' | 'foundAt' | 'confirmedAt';
export interface CardTimeProblem {
  field: CardTimeField;
  code: 'in_future' | 'case_time_order';
}

/**
 * CAS-1's times on a report card: none after the report (the moment it is made), and sampling ≤
 * found ≤ report. Onset is bound by the report only: a person sampled in a screening may fall ill
 * before the result comes out, and the card keeps the real onset. A confirmation comes after
 * sampling (the result it rests on) and not after the report.
 */
export function checkCardTimes(card: CardTimes): CardTimeProblem[] {
  const problems: CardTimeProblem[] = [];
  if (card.onsetAt && card.onsetAt.getTime() > card.reportedAt.getTime())
    problems.push({ field: 'onsetAt', code: 'in_future' });
  const order: Array<[CardTimeField, Date | null | undefined]> = [
    ['sampledAt', card.sampledAt],
    ['foundAt', card.foundAt],
  ];
  let previous: Date | null = null;
  for (const [field, at] of order) {
    if (!at) continue;
    if (at.getTime() > card.reportedAt.getTime()) problems.push({ field, code: 'in_future' });
    else if (previous && at.getTime() < previous.getTime()) problems.push({ field, code: 'case_time_order' });
    previous = at;
  }
  if (card.confirmedAt) {
    if (card.confirmedAt.getTime() > card.reportedAt.getTime())
      problems.push({ field: 'confirmedAt', code: 'in_future' });
    else if (card.sampledAt && card.confirmedAt.getTime() < card.sampledAt.getTime())
      problems.push({ field: 'confirmedAt', code: 'case_time_order' });
  }
  return problems;
}
