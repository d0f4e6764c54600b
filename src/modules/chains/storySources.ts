import type { StorySource } from '../../platform/surfaces/types.js';

/** What the chains module adds to a person's story. */
export const chainsStorySources: readonly StorySource[] = [];
