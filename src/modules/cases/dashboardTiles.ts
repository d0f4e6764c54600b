import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The cases module's tiles on the situation dashboard. */
export const casesTiles: readonly DashboardTile[] = [];
