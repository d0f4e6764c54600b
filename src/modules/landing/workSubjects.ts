import type { WorkSubject } from '../../platform/surfaces/types.js';
import { LOOK_KIND, QUEUE_SUBJECT } from './lookQueue.js';
import { SUBJECT } from './submit.js';

/**
 * The actions that close this module's work items (open deadlines of its subject types): ARR-11's
 * verification of a pushed report on the community's verification page, and the county's look at
 * its queue on the queue page.
 */
export const landingWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: SUBJECT,
    action: ({ kind, subjectId }) =>
      kind === 'landing.verify'
        ? {
            label: { zh: '逐人核实并反馈', en: 'Verify and feed back' },
            href: `/landing-verify?report=${subjectId}`,
          }
        : null,
  },
  {
    subjectType: QUEUE_SUBJECT,
    action: ({ kind }) =>
      kind === LOOK_KIND
        ? { label: { zh: '查看新报备', en: 'Look at the new reports' }, href: '/landing-queue' }
        : null,
  },
];
