import type { WorkSubject } from '../../platform/surfaces/types.js';
import { LEAVE_SUBJECT, RETURN_REPORT_KIND } from './work.js';

/**
 * The actions that close this module's work items (open deadlines of its subject types): ARR-14's
 * return report, registered on the leave list.
 */
export const cadreLeaveWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: LEAVE_SUBJECT,
    action: ({ kind }) =>
      kind === RETURN_REPORT_KIND
        ? { label: { zh: '登记返回报备', en: 'Record the return' }, href: '/cadre-leave' }
        : null,
  },
];
