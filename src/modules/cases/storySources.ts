import type { StorySource } from '../../platform/surfaces/types.js';

/** What the cases module adds to a person's story. */
export const casesStorySources: readonly StorySource[] = [];
