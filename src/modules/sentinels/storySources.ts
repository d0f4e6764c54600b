import type { StorySource } from '../../platform/surfaces/types.js';

/** What the sentinels module adds to a person's story. */
export const sentinelsStorySources: readonly StorySource[] = [];
