import type { AppContext } from '../../platform/context.js';

/** The demo county's bulletin data, loaded after its people, arrivals and tests. */
export async function loadDemoBulletin(_ctx: AppContext): Promise<void> {}
