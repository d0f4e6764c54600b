import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the bulletin module's open deadlines on "my work". */
export const bulletinWorkSubjects: readonly WorkSubject[] = [];
