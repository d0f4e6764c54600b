import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { evaluateTreatment } from './awaiting.js';

const EVERY_MS = 10 * 60_000;

/** The system as it sweeps: every province, allowed to write the hospitals' deadlines and flags. */
function systemActor(scopes: string[]): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: 'system',
    roles: [],
    permissions: new Set(['hospital.read', 'hospital.write']),
    scopes,
  };
}

/**
 * CAS-3 and CAS-4 for every jurisdiction, one transaction per province: the transfer deadline of
 * each confirmed case or asymptomatic infection awaiting transfer, and the 48-hour emptying of
 * each designated hospital holding 10 confirmed cases (a case reclassified in hospital included).
 * Returns how many obligations were opened.
 */
export async function sweepTreatment(ctx: AppContext): Promise<number> {
  const roots = await ctx.db.query<{ code: string }>(
    "SELECT code FROM jurisdictions WHERE level = 'province' ORDER BY code",
  );
  let opened = 0;
  for (const root of roots) {
    const actor = systemActor([root.code]);
    const result = await withScope(ctx.db, actor, (tx) => evaluateTreatment(tx, actor, undefined, ctx.now()));
    opened += result.transferDeadlinesOpened + result.emptyingOpened;
  }
  return opened;
}

/**
 * CAS-3 without anyone pressing a button: a case reported confirmed or asymptomatic gets its
 * transfer deadline within 10 minutes (well inside its 2 hours), at start and every 10 minutes.
 * Returns the function that stops it.
 */
export function startTreatmentSweeps(ctx: AppContext, everyMs = EVERY_MS): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepTreatment(ctx)
      .then((opened) => {
        if (opened > 0)
          ctx.log.info({ opened }, 'treatment sweep: transfers and emptying owed (CAS-3, CAS-4)');
      })
      .catch((error: unknown) => ctx.log.error({ err: error }, 'treatment sweep failed'));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
