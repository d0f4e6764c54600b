import type { WorkSubject } from '../../platform/surfaces/types.js';
import { CASE_REVIEW_KIND_PREFIX, CASE_SUBJECT } from './work.js';

/** The actions that close the cases module's open deadlines on "my work": the CDC's review (CAS-2). */
export const casesWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: CASE_SUBJECT,
    action: ({ kind, subjectId }) =>
      kind.startsWith(CASE_REVIEW_KIND_PREFIX)
        ? { label: { zh: '审核病例报告', en: 'Review the case report' }, href: `/cases/${subjectId}` }
        : null,
  },
];
