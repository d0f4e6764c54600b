import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The contacts module's dashboard tiles. */
export const contactsTiles: readonly DashboardTile[] = [];
