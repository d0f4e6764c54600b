import type { StorySource } from '../surfaces/types.js';

/** Audit entries about a person in their story, for roles that may read the audit log. */
export const auditStorySources: readonly StorySource[] = [];
