import type { Demand, Occupancy } from '../../../src/api/isolationDemand';
import { api, queryString } from '../api/client';

export type { Demand, Occupancy };
export type DemandRow = Demand['rows'][number];
export type OccupancySite = Occupancy['sites'][number];

export const isolationDemandKeys = {
  demand: (jurisdiction: string | undefined) => ['isolationDemand', 'demand', jurisdiction] as const,
  occupancy: (jurisdiction: string | undefined) => ['isolationDemand', 'occupancy', jurisdiction] as const,
};

export const fetchDemand = (jurisdiction: string | undefined) =>
  api.get<Demand>(`/isolation/demand${queryString({ jurisdiction })}`);
export const fetchOccupancy = (jurisdiction: string | undefined) =>
  api.get<Occupancy>(`/isolation/occupancy${queryString({ jurisdiction })}`);
