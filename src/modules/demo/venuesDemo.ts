import type { AppContext } from '../../platform/context.js';

/** The demo county's venues data, loaded after its cases (see load.ts). */
export async function loadDemoVenues(_ctx: AppContext): Promise<void> {}
