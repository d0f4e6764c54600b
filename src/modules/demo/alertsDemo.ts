import type { AppContext } from '../../platform/context.js';
import { evaluateAll } from '../alerts/index.js';

/**
 * The demo county's alerts (MON-4): the trigger rules of its pack evaluated over the demo feeds, as
 * the server's hourly run would, so the rise of four-class drug sales in its first town shows as a
 * raised alert for that town, with its deadlines on the CDC's list.
 */
export async function loadDemoAlerts(ctx: AppContext): Promise<void> {
  await evaluateAll(ctx);
}
