import type { AppContext } from '../../platform/context.js';

/** The demo county's people in isolation (ISO-4 … ISO-6), loaded after its sites and contacts. */
export async function loadIsolationStaysDemo(_ctx: AppContext, _county: string): Promise<void> {}
