import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The sentinels module's tiles on the situation dashboard. */
export const sentinelsTiles: readonly DashboardTile[] = [];
