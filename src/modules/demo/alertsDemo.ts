import type { AppContext } from '../../platform/context.js';

/** The demo county's alerts data, loaded after its people, arrivals and tests. */
export async function loadDemoAlerts(_ctx: AppContext): Promise<void> {}
