import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { openDeadline } from '../../src/platform/deadlines/service.js';

/** The one open obligation each county of the test world starts with: a 30-minute look (ARR-11) at its person. */
export const WORLD_DEADLINE_KIND = 'world.look';

export function openWorldDeadline(
  ctx: AppContext,
  actor: Actor,
  person: { id: string; jurisdictionCode: string },
): Promise<string> {
  const now = ctx.now();
  return withScope(ctx.db, actor, (tx) =>
    openDeadline(tx, {
      ruleId: 'ARR-11',
      subjectType: 'person',
      subjectId: person.id,
      kind: WORLD_DEADLINE_KIND,
      jurisdictionCode: person.jurisdictionCode,
      ownerRole: 'community_worker',
      personId: person.id,
      openedAt: now,
      dueAt: new Date(now.getTime() + 30 * 60_000),
      title: { zh: '查看落地码报备', en: 'Look at the landing-code report' },
    }),
  );
}
