import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the investigations module's open deadlines on "my work". */
export const investigationsWorkSubjects: readonly WorkSubject[] = [];
