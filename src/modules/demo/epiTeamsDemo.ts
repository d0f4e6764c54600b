import type { AppContext } from '../../platform/context.js';

/** The demo county's epiTeams data, loaded after its cases (see load.ts). */
export async function loadDemoEpiTeams(_ctx: AppContext): Promise<void> {}
