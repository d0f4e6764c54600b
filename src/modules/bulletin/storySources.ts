import type { StorySource } from '../../platform/surfaces/types.js';

/** What the bulletin module adds to a person's story. */
export const bulletinStorySources: readonly StorySource[] = [];
