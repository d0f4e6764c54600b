import type { StorySource } from '../../platform/surfaces/types.js';

/** What the investigations module adds to a person's story. */
export const investigationsStorySources: readonly StorySource[] = [];
