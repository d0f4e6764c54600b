import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the venues module's open deadlines on "my work". */
export const venuesWorkSubjects: readonly WorkSubject[] = [];
