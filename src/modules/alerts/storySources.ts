import type { StorySource } from '../../platform/surfaces/types.js';

/** What the alerts module adds to a person's story. */
export const alertsStorySources: readonly StorySource[] = [];
