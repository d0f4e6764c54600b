import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The chains module's dashboard tiles. */
export const chainsTiles: readonly DashboardTile[] = [];
