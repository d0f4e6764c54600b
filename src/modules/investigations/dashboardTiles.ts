import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The investigations module's dashboard tiles. */
export const investigationsTiles: readonly DashboardTile[] = [];
