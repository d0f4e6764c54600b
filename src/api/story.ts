import { type Static, Type } from 'typebox';
import { Nullable } from './common.js';

/** A person's story (issue 13 Deliver 3): one timeline from every source the caller may read. */
const Words = Type.Object({ zh: Type.String(), en: Type.String() });

export const StoryEventView = Type.Object({
  at: Type.String({ format: 'date-time' }),
  /** The source's id, one of `sources` below. */
  source: Type.String(),
  title: Words,
  detail: Nullable(Words),
  /** A web path with more, present only when the caller may open that page. */
  href: Nullable(Type.String()),
  tone: Type.Union([
    Type.Literal('normal'),
    Type.Literal('good'),
    Type.Literal('warning'),
    Type.Literal('danger'),
  ]),
});

export const PersonStory = Type.Object({
  /** Newest first. */
  events: Type.Array(StoryEventView),
  /** More events exist than the story shows (the oldest are left out). */
  truncated: Type.Boolean(),
  /** The sources that gave events, with their names for the filter chips. */
  sources: Type.Array(Type.Object({ id: Type.String(), label: Words })),
});

export type StoryEventView = Static<typeof StoryEventView>;
export type PersonStory = Static<typeof PersonStory>;
