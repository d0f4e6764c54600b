import type { WorkSubject } from '../../platform/surfaces/types.js';
import { READING_SUBJECT, REPORT_KIND } from './readings.js';

/**
 * The action that closes an abnormal reading's immediate report on "my work" (ISO-4 一报告): the
 * board opens with the alert at the top, where it is handled (reported to the CDC, sent to a fever
 * clinic, or rechecked normal).
 */
export const monitoringWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: READING_SUBJECT,
    action: ({ kind, subjectId }) =>
      kind === REPORT_KIND
        ? {
            label: { zh: '处置体温或症状异常并报告', en: 'Handle and report the abnormal reading' },
            href: `/monitoring?alert=${subjectId}`,
          }
        : null,
  },
];
