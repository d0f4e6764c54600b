import type { Dashboard } from '../../../src/api/dashboard';
import { api, queryString } from '../api/client';

export type { Dashboard } from '../../../src/api/dashboard';
export type Tile = Dashboard['tiles'][number];
export type TileBody = NonNullable<Tile['body']>;
export type TileFigure = TileBody['figures'][number];
export type TileTrend = NonNullable<TileBody['trend']>;
export type TileHeat = NonNullable<TileBody['heat']>;

export const dashboardKeys = {
  of: (jurisdiction: string | undefined) => ['dashboard', jurisdiction ?? ''] as const,
};

/** The tiles of a jurisdiction in the caller's subtree (the caller's own when none is given). */
export const fetchDashboard = (jurisdiction: string | undefined) =>
  api.get<Dashboard>(`/dashboard${queryString({ jurisdiction })}`);
