import type { DashboardTile } from '../../platform/surfaces/types.js';

/** Dashboard tiles of isolation sites (ISO-1, ISO-3). */
export const siteTiles: readonly DashboardTile[] = [];
