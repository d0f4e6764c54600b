import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the chains module's open deadlines on "my work". */
export const chainsWorkSubjects: readonly WorkSubject[] = [];
