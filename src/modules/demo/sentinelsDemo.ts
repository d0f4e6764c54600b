import type { AppContext } from '../../platform/context.js';

/** The demo county's sentinels data, loaded after its people, arrivals and tests. */
export async function loadDemoSentinels(_ctx: AppContext): Promise<void> {}
