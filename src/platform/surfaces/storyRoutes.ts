import { Type } from 'typebox';
import { Uuid } from '../../api/common.js';
import { PersonStory, type StoryEventView } from '../../api/story.js';
import { inScope } from '../../rules/roles.js';
import type { Actor } from '../access/actor.js';
import { withScope } from '../access/scope.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/types.js';
import { notFound } from '../errors.js';
import type { TypedApp } from '../http/app.js';
import { actorOf } from '../http/auth.js';
import { STORY_SOURCES } from './contributions.js';
import type { StoryEvent, Text } from './types.js';

/** The most events a story shows; older ones are left out and the story says so. */
const STORY_LIMIT = 500;
const UNNAMED_SOURCE: Text = { zh: '其他记录', en: 'Other records' };

/** The person exists and lies in the caller's scope, as the person page checks; else 404. */
async function checkPerson(tx: Queryable, actor: Actor, personId: string) {
  const [person] = await tx.query<{ code: string }>(
    'SELECT jurisdiction_code AS code FROM persons WHERE id = $1',
    [personId],
  );
  if (!person || !inScope(person.code, actor.scopes)) throw notFound();
}

const view = (event: StoryEvent, source: string): StoryEventView => ({
  at: new Date(event.at).toISOString(),
  source,
  title: event.title,
  detail: event.detail ?? null,
  href: event.href ?? null,
  tone: event.tone ?? 'normal',
});

export function storyRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/persons/:id/story',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['persons'],
        summary:
          "A person's whole story, newest first: arrivals and plans, samples and results, controls, deadlines and audit entries, each from a source the caller may read",
        params: Type.Object({ id: Uuid }),
        response: { 200: PersonStory },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const personId = request.params.id;
      return withScope(ctx.db, actor, async (tx) => {
        await checkPerson(tx, actor, personId);
        const now = ctx.now();
        const events: StoryEventView[] = [];
        const sources: PersonStory['sources'] = [];
        let truncated = false;
        // One after another: the sources share the caller's transaction and its one connection.
        for (const source of STORY_SOURCES) {
          if (!actor.permissions.has(source.permission)) continue;
          const found = await source.load({ ctx, tx, actor, now, personId, limit: STORY_LIMIT });
          if (found.length === 0) continue;
          if (found.length >= STORY_LIMIT) truncated = true;
          events.push(...found.slice(0, STORY_LIMIT).map((event) => view(event, source.id)));
          if (!sources.some((known) => known.id === source.id))
            sources.push({ id: source.id, label: source.label ?? UNNAMED_SOURCE });
        }
        // Newest first; at one instant, in the order the sources gave them.
        const ordered = events
          .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
          .sort((a, b) => b.time - a.time || a.index - b.index)
          .map(({ event }) => event);
        if (ordered.length > STORY_LIMIT) truncated = true;
        return { events: ordered.slice(0, STORY_LIMIT), truncated, sources };
      });
    },
  );
}
