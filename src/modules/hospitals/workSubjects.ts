import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the hospitals module's open deadlines on "my work". */
export const hospitalsWorkSubjects: readonly WorkSubject[] = [];
