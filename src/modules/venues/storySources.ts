import type { StorySource } from '../../platform/surfaces/types.js';

/** What the venues module adds to a person's story. */
export const venuesStorySources: readonly StorySource[] = [];
