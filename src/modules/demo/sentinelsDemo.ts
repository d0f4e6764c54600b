import type { AppContext } from '../../platform/context.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { loadSentinelsDemo } from '../sentinels/index.js';
import { localAt } from './clock.js';
import { seededRandom } from './random.js';

const COUNTY = '211122';

/** The demo county's sentinels data (MON-1, MON-3, MON-5), loaded after its people, arrivals and tests. */
export async function loadDemoSentinels(ctx: AppContext): Promise<void> {
  const timeZone = await effectiveTimeZone(ctx.db, COUNTY, ctx.config.defaultTimeZone);
  const now = ctx.now();
  await loadSentinelsDemo(ctx, {
    county: COUNTY,
    timeZone,
    random: seededRandom(20261208),
    at: (daysAgo, hour, minute) => localAt(now, timeZone, daysAgo, hour, minute),
  });
}
