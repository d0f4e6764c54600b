import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The drugSales module's tiles on the situation dashboard. */
export const drugSalesTiles: readonly DashboardTile[] = [];
