import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The venues module's dashboard tiles. */
export const venuesTiles: readonly DashboardTile[] = [];
