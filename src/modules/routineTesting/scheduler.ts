import type { AppContext } from '../../platform/context.js';
import { sweepAll } from './service.js';

const HOUR_MS = 3_600_000;

/**
 * TST-5 without anyone pressing a button: sweeps once at start and then every hour. Returns the
 * function that stops it (called when the server closes).
 */
export function startRoutineSweeps(ctx: AppContext, everyMs = HOUR_MS): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepAll(ctx)
      .then((opened) => {
        if (opened > 0) ctx.log.info({ opened }, 'routine testing sweep: missed tests pushed (TST-5)');
      })
      .catch((error: unknown) => ctx.log.error({ err: error }, 'routine testing sweep failed'));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
