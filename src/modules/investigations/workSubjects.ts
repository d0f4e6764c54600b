import type { WorkSubject } from '../../platform/surfaces/types.js';
import { COMPLETE_KIND, FIRST_KIND, INVESTIGATION_SUBJECT } from './work.js';

/**
 * The actions that close this module's work items: EPI-1's first investigation (8 h) and complete
 * investigation (24 h), both done in the case's investigation workspace (its id is the case's).
 */
export const investigationsWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: INVESTIGATION_SUBJECT,
    action: ({ kind, subjectId }) => {
      if (kind === FIRST_KIND)
        return {
          label: { zh: '开展首次流调', en: 'Do the first investigation' },
          href: `/investigations/${subjectId}`,
        };
      if (kind === COMPLETE_KIND)
        return {
          label: { zh: '完成流调并提交报告', en: 'Complete and submit the report' },
          href: `/investigations/${subjectId}`,
        };
      return null;
    },
  },
];
