import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The health-monitoring module's dashboard tiles. */
export const monitoringTiles: readonly DashboardTile[] = [];
