import type { WorkSubject } from '../../platform/surfaces/types.js';
import { PLAN_SUBJECT } from './planWork.js';
import { REVIEW_KINDS } from './reviewWork.js';
import { SHORTFALL_PREFIX } from './shortfallWork.js';

const REVIEWS = new Set(Object.values(REVIEW_KINDS));

/**
 * The actions that close this module's work items (open deadlines of its subject types). A plan's
 * tests and phase ends are recorded on the arrival's page (its record buttons close them); a review
 * is settled on the CDC's review list; a shortfall (ARR-8, ARR-9, ARR-10: no negative NAT or green
 * code) is a call to the person to take the NAT, closed when a negative NAT is recorded on the plan,
 * which the arrival's page does.
 */
export const arrivalsWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: PLAN_SUBJECT,
    action: ({ kind, subjectId }) => {
      const arrival = `/arrivals/${subjectId}`;
      if (kind.startsWith('test:'))
        return { label: { zh: '登记检测结果', en: 'Record the test result' }, href: arrival };
      if (kind.startsWith('phase:'))
        return { label: { zh: '登记阶段结束', en: 'Record the end of the phase' }, href: arrival };
      if (kind.startsWith(SHORTFALL_PREFIX))
        return {
          label: { zh: '电话通知补做核酸', en: 'Call to take a NAT' },
          href: arrival,
          call: true,
        };
      if (REVIEWS.has(kind))
        return { label: { zh: '核定管控措施', en: 'Decide the measures' }, href: '/arrivals/review' };
      return null;
    },
  },
];
