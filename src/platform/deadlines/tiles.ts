import type { DashboardTile } from '../surfaces/types.js';

/** The deadlines' tiles: overdue and due-soon items per child jurisdiction (a heat table). */
export const deadlineTiles: readonly DashboardTile[] = [];
