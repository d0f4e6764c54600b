import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close this module's work items (open deadlines of its subject types). */
export const cadreLeaveWorkSubjects: readonly WorkSubject[] = [];
