import type { AppContext } from '../../platform/context.js';

/** The demo county's chains data, loaded after its cases (see load.ts). */
export async function loadDemoChains(_ctx: AppContext): Promise<void> {}
