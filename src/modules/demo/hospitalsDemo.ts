import type { AppContext } from '../../platform/context.js';

/** The demo county's hospitals data, loaded after its people, arrivals and tests. */
export async function loadDemoHospitals(_ctx: AppContext): Promise<void> {}
