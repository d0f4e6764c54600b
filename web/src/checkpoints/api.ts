import { api, queryString } from '../api/client';

export const CHECKPOINT_KINDS = ['highway', 'railway_station', 'bus_station', 'airport', 'port'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];
export const HEALTH_CODES = ['green', 'yellow', 'red'] as const;
export type HealthCode = (typeof HEALTH_CODES)[number];
export type PassOutcome = 'pass' | 'medical' | 'hold' | 'register_and_hand_over';

export interface Checkpoint {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  name: string;
  kind: CheckpointKind;
  active: boolean;
}

/** The body of POST /api/checkpoints/:id/passes; empty optional fields are null. */
export interface PassBody {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  healthCode: HealthCode;
  temperature: number;
  origin: 'domestic' | 'overseas';
  originDivisionCode: string | null;
  originName: string | null;
  originCountry: string | null;
  natAt: string | null;
  destinationCode: string;
  plate: string | null;
  registerEveryArrival: boolean;
}

export interface Pass {
  id: string;
  passedAt: string;
  personName: string;
  idNumberMasked: string;
  healthCode: HealthCode;
  temperature: number;
  origin: string;
  originDivisionCode: string | null;
  originName: string | null;
  originRisk: string | null;
  originDistrictRisk: string | null;
  destinationCode: string;
  plate: string | null;
  outcome: PassOutcome;
  reasons: string[];
  arrivalId: string | null;
  handover: 'registered' | 'outside_scope' | null;
}

export interface Registration {
  arrivalId: string;
  created: boolean;
  rule: string | null;
  releaseDate: string | null;
}

export interface PassCounts {
  total: number;
  pass: number;
  medical: number;
  hold: number;
  registerAndHandOver: number;
  fever: number;
  held: number;
  handedOver: number;
}

export interface PassDay {
  date: string;
  items: Pass[];
  total: number;
  page: number;
  pageSize: number;
  counts: PassCounts;
}

export const checkpointKeys = {
  list: ['checkpoints', 'list'] as const,
  one: (id: string) => ['checkpoints', id] as const,
  passes: (id: string, outcome?: string) => ['checkpoints', id, 'passes', outcome ?? 'all'] as const,
};

export const listCheckpoints = () => api.get<Checkpoint[]>('/checkpoints');
export const getCheckpoint = (id: string) => api.get<Checkpoint>(`/checkpoints/${id}`);
export const createCheckpoint = (body: { name: string; kind: CheckpointKind; jurisdictionCode: string }) =>
  api.post<Checkpoint>('/checkpoints', body);
export const logPass = (checkpointId: string, body: PassBody) =>
  api.post<{ pass: Pass; registration: Registration | null }>(`/checkpoints/${checkpointId}/passes`, body);
export const listPasses = (checkpointId: string, outcome?: PassOutcome) =>
  api.get<PassDay>(`/checkpoints/${checkpointId}/passes${queryString({ outcome, pageSize: 100 })}`);
