import type { DashboardTile } from '../../platform/surfaces/types.js';

/** The epiTeams module's dashboard tiles. */
export const epiTeamsTiles: readonly DashboardTile[] = [];
