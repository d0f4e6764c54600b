import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the contacts module's open deadlines on "my work". */
export const contactsWorkSubjects: readonly WorkSubject[] = [];
