import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The alerts module's tiles on the situation dashboard. */
export const alertsTiles: readonly DashboardTile[] = [];
