import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The bulletin module's tiles on the situation dashboard. */
export const bulletinTiles: readonly DashboardTile[] = [];
