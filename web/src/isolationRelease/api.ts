import type {
  HospitalBody,
  ReleaseBody,
  ReleaseCheckView,
  ReleaseQueue,
  StayEnded,
  TestBody,
  TestRecorded,
} from '../../../src/api/isolationRelease';
import { api, queryString } from '../api/client';

export type ReleaseCheck = ReleaseCheckView;
export type QueueItem = ReleaseQueue['items'][number];
export type Reason = ReleaseCheck['reasons'][number];
export const TEST_KINDS = ['nat', 'antigen', 'serum'] as const;
export const TEST_RESULTS = ['negative', 'positive', 'invalid'] as const;

export const releaseKeys = {
  all: ['isolationRelease'] as const,
  check: (stayId: string) => ['isolationRelease', 'check', stayId] as const,
  queue: (filter: QueueFilter) => ['isolationRelease', 'queue', filter] as const,
};

const stay = (id: string) => `/isolation/stays/${encodeURIComponent(id)}`;

export const fetchReleaseCheck = (stayId: string) => api.get<ReleaseCheck>(`${stay(stayId)}/release-check`);
/** The dashboard tile's drill: a jurisdiction, ending today (or earlier), allowed or held. */
export interface QueueFilter {
  jurisdiction?: string | undefined;
  due?: 'today' | 'tomorrow' | undefined;
  state?: 'allowed' | 'blocked' | undefined;
}
export const fetchReleaseQueue = (filter: QueueFilter) =>
  api.get<ReleaseQueue>(`/isolation/release-queue${queryString({ ...filter })}`);
export const recordTest = (stayId: string, body: TestBody) =>
  api.post<TestRecorded>(`${stay(stayId)}/tests`, body);
export const releaseStay = (stayId: string, body: ReleaseBody) =>
  api.post<StayEnded>(`${stay(stayId)}/release`, body);
export const stayToHospital = (stayId: string, body: HospitalBody) =>
  api.post<StayEnded>(`${stay(stayId)}/to-hospital`, body);

/** The reasons a refusal (409 release_not_allowed) carries, if it does. */
export function refusalReasons(error: unknown): Reason[] {
  const problem = (error as { problem?: { reasons?: unknown } } | null)?.problem;
  return Array.isArray(problem?.reasons) ? (problem.reasons as Reason[]) : [];
}
