import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the alerts module's open deadlines on "my work". */
export const alertsWorkSubjects: readonly WorkSubject[] = [];
