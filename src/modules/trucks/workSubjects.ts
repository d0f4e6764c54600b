import type { WorkSubject } from '../../platform/surfaces/types.js';
import { ESCORT_KIND, TRUCK_STAY_SUBJECT, TRUCK_SUBJECT } from './work.js';

/**
 * The actions that close this module's work items (open deadlines of its subject types), ARR-12:
 * the escort is met when the truck's arrival is recorded on its page; a stay-over's daily NAT and
 * health check is recorded by nobody else, so it is marked done once done.
 */
export const trucksWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: TRUCK_SUBJECT,
    action: ({ kind, subjectId }) =>
      kind === ESCORT_KIND
        ? {
            label: { zh: '引导并登记抵达', en: 'Escort it and record the arrival' },
            href: `/trucks/${subjectId}`,
          }
        : null,
  },
  {
    subjectType: TRUCK_STAY_SUBJECT,
    action: ({ subjectId }) => ({
      label: { zh: '检测后标记完成', en: 'Mark done once tested' },
      href: `/trucks/${subjectId}`,
      markDone: true,
    }),
  },
];
