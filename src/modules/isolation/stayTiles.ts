import type { DashboardTile } from '../../platform/surfaces/types.js';

/** Dashboard tiles of isolation stays (ISO-4 … ISO-6). */
export const stayTiles: readonly DashboardTile[] = [];
