import type { AppContext } from '../../platform/context.js';

/** The demo county's investigations data, loaded after its cases (see load.ts). */
export async function loadDemoInvestigations(_ctx: AppContext): Promise<void> {}
