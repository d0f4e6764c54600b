import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the isolation module's open deadlines on "my work". */
export const isolationWorkSubjects: readonly WorkSubject[] = [];
