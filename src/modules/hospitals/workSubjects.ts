import type { WorkSubject } from '../../platform/surfaces/types.js';
import {
  EMPTYING_KIND,
  FOLLOW_UP_KIND_PREFIX,
  HOSPITAL_SUBJECT,
  STAY_SUBJECT,
  TRANSFER_KIND,
  TRANSFER_SUBJECT,
} from './work.js';

/**
 * The actions that close the hospitals module's work items: CAS-3's transfer (closed by the
 * admission) and follow-up after discharge (marked done once done), CAS-4's 48-hour emptying.
 */
export const hospitalsWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: TRANSFER_SUBJECT,
    action: ({ kind }) =>
      kind === TRANSFER_KIND
        ? { label: { zh: '安排转运收治', en: 'Arrange the transfer' }, href: '/hospitals?tab=awaiting' }
        : null,
  },
  {
    subjectType: HOSPITAL_SUBJECT,
    action: ({ kind, subjectId }) =>
      kind === EMPTYING_KIND
        ? { label: { zh: '登记已腾空', en: 'Record it emptied' }, href: `/hospitals/${subjectId}` }
        : null,
  },
  {
    subjectType: STAY_SUBJECT,
    action: ({ kind, personId }) =>
      kind.startsWith(FOLLOW_UP_KIND_PREFIX)
        ? {
            label: { zh: '随访后标记完成', en: 'Mark done once followed up' },
            href: personId ? `/persons/${personId}` : '/deadlines?ruleId=CAS-3',
            markDone: true,
          }
        : null,
  },
];
