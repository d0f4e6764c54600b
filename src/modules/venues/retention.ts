import type { AppContext } from '../../platform/context.js';
import { dropDayPartitionsBefore, ensureDayRange } from '../../platform/db/partitions.js';
import { retentionCutoffDay } from '../../rules/venues.js';

/**
 * Check-in retention (HC-2, privacy): drop the day partitions older than
 * FANGKONG_CHECK_IN_RETENTION_DAYS (default 28: twice EPI-2's 14-day look-back) and create today's
 * and tomorrow's ahead of the scans. DDL on ctx.db (the owner). Returns the days dropped.
 */
export async function sweepCheckIns(ctx: AppContext): Promise<string[]> {
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  await ensureDayRange(ctx.db, 'check_ins', today, tomorrow);
  return dropDayPartitionsBefore(
    ctx.db,
    'check_ins',
    retentionCutoffDay(today, ctx.config.checkInRetentionDays),
  );
}

const HOUR = 3_600_000;

/**
 * Runs the sweep at start-up and then hourly (a day's partition is created a day ahead, so an hourly
 * run never lets midnight pass without one; dropping is idempotent).
 */
export function startCheckInSweeps(ctx: AppContext, everyMs = HOUR): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepCheckIns(ctx)
      .then((dropped) => {
        if (dropped.length > 0)
          ctx.log.info({ dropped }, 'check-in retention: day partitions past retention dropped (HC-2)');
      })
      .catch((error: unknown) => ctx.log.error({ err: error }, 'check-in retention sweep failed'));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
