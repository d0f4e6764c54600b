import type { DashboardTile } from '../../platform/surfaces/types.js';

/** Dashboard tile of rooms demanded against rooms available (ISO-2). */
export const demandTiles: readonly DashboardTile[] = [];
