import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { ensureInvestigations } from './open.js';
import { countyOf } from './work.js';

const EVERY_MS = 60_000;

/** The system as it opens investigations: the given subtrees, nothing else. */
function systemActor(scopes: string[]): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: 'system',
    roles: [],
    permissions: new Set(['investigation.read', 'investigation.write']),
    scopes,
  };
}

/**
 * EPI-1 for every jurisdiction, one short transaction per province: investigations opened for the
 * cases reported since the last sweep, closed for those discarded. Returns how many changed.
 */
export async function sweepInvestigations(ctx: AppContext): Promise<number> {
  const roots = await ctx.db.query<{ code: string }>(
    "SELECT code FROM jurisdictions WHERE level = 'province' ORDER BY code",
  );
  let changed = 0;
  for (const root of roots) {
    const actor = systemActor([root.code]);
    const result = await withScope(ctx.db, actor, (tx) => ensureInvestigations(tx, actor.scopes, ctx.now()));
    changed += result.opened + result.closed;
  }
  return changed;
}

/**
 * The same on demand, before a page reads investigations, so a case reported a moment ago is
 * there at once: for the counties the caller works in (the deadlines belong to the county's CDC,
 * so a town's or village's account opens them for its county's cases as the sweep would), or for
 * one case. Its own short transaction, as the system.
 */
export async function openOnDemand(ctx: AppContext, caller: Actor, caseId?: string): Promise<void> {
  const scopes = [...new Set(caller.scopes.map(countyOf))];
  const actor = systemActor(scopes);
  await withScope(ctx.db, actor, (tx) => ensureInvestigations(tx, caller.scopes, ctx.now(), caseId));
}

/**
 * EPI-1 without anyone opening a page: a reported case has its investigation and deadlines within
 * a minute, and a discarded one is closed; at start and every minute. Returns the function that stops it.
 */
export function startInvestigationSweeps(ctx: AppContext, everyMs = EVERY_MS): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepInvestigations(ctx)
      .then((changed) => {
        if (changed > 0) ctx.log.info({ changed }, 'investigation sweep: opened or closed (EPI-1)');
      })
      .catch((error: unknown) => ctx.log.error({ err: error }, 'investigation sweep failed'));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
