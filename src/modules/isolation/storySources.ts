import type { StorySource } from '../../platform/surfaces/types.js';

/** What the isolation module adds to a person's story. */
export const isolationStorySources: readonly StorySource[] = [];
