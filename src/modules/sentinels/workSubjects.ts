import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the sentinels module's open deadlines on "my work". */
export const sentinelsWorkSubjects: readonly WorkSubject[] = [];
