import type { StorySource } from '../../platform/surfaces/types.js';

/** What the epiTeams module adds to a person's story. */
export const epiTeamsStorySources: readonly StorySource[] = [];
