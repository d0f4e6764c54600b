import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the cases module's open deadlines on "my work". */
export const casesWorkSubjects: readonly WorkSubject[] = [];
