import type { DashboardTile } from '../../platform/surfaces/types.js';
import { demandTiles } from './demandTiles.js';
import { releaseTiles } from './releaseTiles.js';
import { siteTiles } from './siteTiles.js';
import { stayTiles } from './stayTiles.js';

/** The isolation module's dashboard tiles. */
export const isolationTiles: readonly DashboardTile[] = [
  ...demandTiles,
  ...siteTiles,
  ...stayTiles,
  ...releaseTiles,
];
