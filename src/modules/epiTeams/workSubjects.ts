import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the epiTeams module's open deadlines on "my work". */
export const epiTeamsWorkSubjects: readonly WorkSubject[] = [];
