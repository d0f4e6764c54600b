import type { WorkSubject } from '../../platform/surfaces/types.js';
import { ACKNOWLEDGE_KIND, ALERT_SUBJECT, ASSESS_KIND } from './work.js';

/** The actions that close the alerts module's open deadlines on "my work": both on the alert's page (MON-4). */
export const alertsWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: ALERT_SUBJECT,
    action: ({ kind, subjectId }) => {
      if (kind === ACKNOWLEDGE_KIND)
        return { label: { zh: '确认预警', en: 'Acknowledge the alert' }, href: `/alerts/${subjectId}` };
      if (kind === ASSESS_KIND)
        return { label: { zh: '开展风险评估', en: 'Assess the risk' }, href: `/alerts/${subjectId}` };
      return null;
    },
  },
];
