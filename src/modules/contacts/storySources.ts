import type { StorySource } from '../../platform/surfaces/types.js';

/** What the contacts module adds to a person's story. */
export const contactsStorySources: readonly StorySource[] = [];
