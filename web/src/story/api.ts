import type { PersonStory } from '../../../src/api/story';
import { api } from '../api/client';

export type { PersonStory, StoryEventView as StoryEvent } from '../../../src/api/story';

export const storyKeys = {
  person: (personId: string) => ['persons', 'story', personId] as const,
};

/** GET /api/persons/:id/story: the person's events, newest first, from the sources the caller may read. */
export const fetchPersonStory = (personId: string) => api.get<PersonStory>(`/persons/${personId}/story`);
