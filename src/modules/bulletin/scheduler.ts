import type { AppContext } from '../../platform/context.js';
import { sweepConferences } from './conferences.js';

const EVERY_MS = 10 * 60_000;

/**
 * CAS-5 without anyone pressing a button: the conferences owed after a first local case are opened
 * at start and every 10 minutes (well inside the day the county has to hold one). Returns the
 * function that stops it.
 */
export function startConferenceSweeps(ctx: AppContext, everyMs = EVERY_MS): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepConferences(ctx)
      .then((opened) => {
        if (opened > 0) ctx.log.info({ opened }, 'press conferences owed after a first local case (CAS-5)');
      })
      .catch((error: unknown) => ctx.log.error({ err: error }, 'press conference sweep failed'));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
