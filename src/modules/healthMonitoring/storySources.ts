import type { StorySource } from '../../platform/surfaces/types.js';

/** What the health-monitoring module adds to a person's story. */
export const monitoringStorySources: readonly StorySource[] = [];
