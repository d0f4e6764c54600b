import type { WorkSubject } from '../../platform/surfaces/types.js';
import { ACCOUNTABILITY_KIND, CLUSTER_SUBJECT } from './alerts.js';

/**
 * The actions that close the chains module's open deadlines on "my work": the commander's
 * accountability investigation of a chain that reached a third generation (EPI-5). The chain page
 * shows the chain; the investigation happens outside the system, so the item is marked done once started.
 */
export const chainsWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: CLUSTER_SUBJECT,
    action: ({ kind, subjectId }) =>
      kind === ACCOUNTABILITY_KIND
        ? {
            label: {
              zh: '查看传播链，启动问责调查',
              en: 'Open the chain and start the accountability investigation',
            },
            href: `/chains/${subjectId}`,
            markDone: true,
          }
        : null,
  },
];
