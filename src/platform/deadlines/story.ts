import type { StorySource } from '../surfaces/types.js';

/** A person's deadlines in their story. */
export const deadlineStorySources: readonly StorySource[] = [];
