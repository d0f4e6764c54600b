import type { StorySource } from '../../platform/surfaces/types.js';

/** What the hospitals module adds to a person's story. */
export const hospitalsStorySources: readonly StorySource[] = [];
