import type {
  Checkpoint,
  CheckpointBody,
  CheckpointKind,
  HealthCode,
  LoggedPass,
  PassBody,
  PassDay,
  PassOutcome,
} from '../../../src/api/checkpoints';
import { api, queryString } from '../api/client';

export type {
  Checkpoint,
  CheckpointBody,
  CheckpointKind,
  HealthCode,
  LoggedPass,
  Pass,
  PassBody,
  PassCounts,
  PassDay,
  PassOutcome,
  Registration,
} from '../../../src/api/checkpoints';
export const CHECKPOINT_KINDS = [
  'highway',
  'railway_station',
  'bus_station',
  'airport',
  'port',
] as const satisfies readonly CheckpointKind[];
export const HEALTH_CODES = ['green', 'yellow', 'red'] as const satisfies readonly HealthCode[];

export const checkpointKeys = {
  list: ['checkpoints', 'list'] as const,
  one: (id: string) => ['checkpoints', id] as const,
  passes: (id: string, filters: PassFilters = {}) => ['checkpoints', id, 'passes', filters] as const,
};

export const listCheckpoints = () => api.get<Checkpoint[]>('/checkpoints');
export const getCheckpoint = (id: string) => api.get<Checkpoint>(`/checkpoints/${id}`);
export const createCheckpoint = (body: CheckpointBody) => api.post<Checkpoint>('/checkpoints', body);
export const logPass = (checkpointId: string, body: PassBody) =>
  api.post<LoggedPass>(`/checkpoints/${checkpointId}/passes`, body);
/** HC-3 log filters: outcome, direction ('unrecorded': old passes), code colour, a proof missing. */
export type PassFilters = {
  outcome?: PassOutcome | undefined;
  direction?: 'in' | 'out' | 'unrecorded' | undefined;
  healthCode?: HealthCode | undefined;
  missingProof?: boolean | undefined;
};
export const listPasses = (checkpointId: string, filters: PassFilters = {}) =>
  api.get<PassDay>(
    `/checkpoints/${checkpointId}/passes${queryString({
      ...filters,
      missingProof: filters.missingProof === undefined ? undefined : String(filters.missingProof),
      pageSize: 100,
    })}`,
  );
export const setNatWindow = (checkpointId: string, natWithinHours: number | null) =>
  api.patch<Checkpoint>(`/checkpoints/${checkpointId}`, { natWithinHours });
