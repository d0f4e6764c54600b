import type { WorkSubject } from '../../platform/surfaces/types.js';
import { FOLLOW_UP_KIND, SALE_DAY_SUBJECT } from './followUpDeadlines.js';

/** MON-2: an outlet's day of sales to follow up is worked on the drug-sales list, filtered to it. */
export const drugSalesWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: SALE_DAY_SUBJECT,
    action: ({ kind, subjectId }) =>
      kind === FOLLOW_UP_KIND
        ? {
            label: { zh: '回访购药人员', en: 'Follow up the buyers' },
            href: `/drug-sales?batch=${subjectId}`,
          }
        : null,
  },
];
