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

/** The arrival the world's call is about: none of the routes' requests re-plans or ends it. */
const WORLD_CALL_ARRIVAL = '0ca11000-0000-4000-8000-00000000000a';

/**
 * County A's call (ARR-8 shortfall: a NAT to be taken, the community's call to the person), so that
 * the my-work call route has a real item to reveal the number for.
 */
export function openWorldCall(
  ctx: AppContext,
  actor: Actor,
  person: { id: string; jurisdictionCode: string },
): Promise<string> {
  const now = ctx.now();
  return withScope(ctx.db, actor, (tx) =>
    openDeadline(tx, {
      ruleId: 'ARR-8',
      subjectType: 'arrival',
      subjectId: WORLD_CALL_ARRIVAL,
      kind: 'shortfall:negative_nat_within_hours',
      jurisdictionCode: person.jurisdictionCode,
      ownerRole: 'community_worker',
      personId: person.id,
      openedAt: now,
      dueAt: new Date(now.getTime() + 24 * 60 * 60_000),
      title: { zh: '补做核酸检测', en: 'Take a NAT sample' },
    }),
  );
}
