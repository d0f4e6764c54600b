import type { DashboardTile } from '../../platform/surfaces/types.js';

/** This module's tiles on the situation dashboard (态势总览). */
export const landingTiles: readonly DashboardTile[] = [];
