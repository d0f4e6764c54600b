import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the health-monitoring module's open deadlines on "my work". */
export const monitoringWorkSubjects: readonly WorkSubject[] = [];
