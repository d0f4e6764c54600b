import type { AppContext } from '../../platform/context.js';
import { loadDrugSalesDemo } from '../drugSales/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { localAt } from './clock.js';
import { seededRandom } from './random.js';

const COUNTY = '211122';
const BUYERS = 400;

/**
 * The demo county's four-class drug sales (MON-2): four weeks across its towns, with a rise in its
 * first town over the last two days for the multi-point trigger (MON-4). Buyers are residents (their
 * ID numbers read back from the registry), so a buyer's purchases show on their story.
 */
export async function loadDemoDrugSales(ctx: AppContext): Promise<void> {
  const timeZone = await effectiveTimeZone(ctx.db, COUNTY, ctx.config.defaultTimeZone);
  const residents = await ctx.db.query<{ id_cipher: Uint8Array }>(
    `SELECT id_cipher FROM persons WHERE jurisdiction_code ^@ $1 AND id_type = 'resident_id' ORDER BY id LIMIT $2`,
    [COUNTY, BUYERS],
  );
  const now = ctx.now();
  await loadDrugSalesDemo(ctx, {
    county: COUNTY,
    timeZone,
    buyers: residents.map((r) => ctx.cipher.decrypt(r.id_cipher)),
    random: seededRandom(20261207),
    at: (daysAgo, hour, minute) => localAt(now, timeZone, daysAgo, hour, minute),
  });
}
