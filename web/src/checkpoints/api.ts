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
  passes: (id: string, outcome?: string) => ['checkpoints', id, 'passes', outcome ?? 'all'] as const,
};

export const listCheckpoints = () => api.get<Checkpoint[]>('/checkpoints');
export const getCheckpoint = (id: string) => api.get<Checkpoint>(`/checkpoints/${id}`);
export const createCheckpoint = (body: CheckpointBody) => api.post<Checkpoint>('/checkpoints', body);
export const logPass = (checkpointId: string, body: PassBody) =>
  api.post<LoggedPass>(`/checkpoints/${checkpointId}/passes`, body);
export const listPasses = (checkpointId: string, outcome?: PassOutcome) =>
  api.get<PassDay>(`/checkpoints/${checkpointId}/passes${queryString({ outcome, pageSize: 100 })}`);
