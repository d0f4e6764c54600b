import type { StorySource } from '../../platform/surfaces/types.js';

/** This module's events in a person's story (timeline). */
export const testingStorySources: readonly StorySource[] = [];
