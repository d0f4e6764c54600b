import type { AppContext } from '../../platform/context.js';

/** The demo county's drugSales data, loaded after its people, arrivals and tests. */
export async function loadDemoDrugSales(_ctx: AppContext): Promise<void> {}
