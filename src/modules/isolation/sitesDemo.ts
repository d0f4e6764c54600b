import type { AppContext } from '../../platform/context.js';

/** The demo county's isolation sites and rooms (ISO-1, ISO-3). */
export async function loadIsolationSitesDemo(_ctx: AppContext, _county: string): Promise<void> {}
