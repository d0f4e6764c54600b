import type { WorkSubject } from '../../platform/surfaces/types.js';
import {
  CASE_REPORT_KIND_PREFIX,
  PERSON_SUBJECT,
  RESAMPLE_KIND_PREFIX,
  ROUTINE_MISSED_KIND_PREFIX,
} from './obligations.js';

/**
 * The actions that close this module's work items (open deadlines of its subject types). Sampling
 * the person closes a re-sampling task (TST-1) and a missed routine test (TST-5); the liaison who
 * owes the latter arranges it and marks it done. The 2-hour case report (CAS-2) is closed by the
 * report card, which opens pre-filled from the result.
 */
export const testingWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: PERSON_SUBJECT,
    action: ({ kind, personId }) => {
      if (kind.startsWith(RESAMPLE_KIND_PREFIX))
        return { label: { zh: '单管复核采样', en: 'Take an individual sample' }, href: '/sampling' };
      // The routine schedule shows who is due next, not the missed test the sweep pushed: the
      // liaison arranges it with the person's unit and marks it done (sampling the person closes it too).
      if (kind.startsWith(ROUTINE_MISSED_KIND_PREFIX))
        return {
          label: { zh: '组织补检', en: 'Arrange the missed test' },
          href: personId ? `/persons/${personId}` : '/deadlines?ruleId=TST-5',
          markDone: true,
        };
      // CAS-2: the report card opens pre-filled from the positive result; submitting it closes the item.
      if (kind.startsWith(CASE_REPORT_KIND_PREFIX))
        return {
          label: { zh: '填写传染病报告卡', en: 'Fill in the case report card' },
          href: `/cases/new?tubeId=${kind.slice(CASE_REPORT_KIND_PREFIX.length)}`,
        };
      return null;
    },
  },
];
