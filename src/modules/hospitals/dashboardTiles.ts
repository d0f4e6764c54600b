import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The hospitals module's tiles on the situation dashboard. */
export const hospitalsTiles: readonly DashboardTile[] = [];
