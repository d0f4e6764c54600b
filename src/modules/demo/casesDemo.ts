import type { AppContext } from '../../platform/context.js';

/** The demo county's cases data, loaded after its people, arrivals and tests. */
export async function loadDemoCases(_ctx: AppContext): Promise<void> {}
