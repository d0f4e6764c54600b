import type { AppContext } from '../../platform/context.js';

/** The demo county's health-monitoring readings (ISO-4, ISO-5), loaded after its isolation stays. */
export async function loadMonitoringDemo(_ctx: AppContext, _county: string): Promise<void> {}
