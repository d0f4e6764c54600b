import type { AppContext } from '../../platform/context.js';
import { loadMonitoringDemo } from '../healthMonitoring/index.js';
import { loadIsolationSitesDemo, loadIsolationStaysDemo } from '../isolation/index.js';
import { DEMO_COUNTY } from './load.js';

/** The demo county's isolation (ISO-*): sites and rooms, people in them and at home, their readings. */
export async function loadDemoIsolation(ctx: AppContext): Promise<void> {
  await loadIsolationSitesDemo(ctx, DEMO_COUNTY);
  await loadIsolationStaysDemo(ctx, DEMO_COUNTY);
  await loadMonitoringDemo(ctx, DEMO_COUNTY);
}
