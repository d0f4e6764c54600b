import { api, queryString } from '../api/client';
import type { Text } from '../public/api';

/** A landing-code report on a staff list (GET /api/landing/reports). */
export interface LandingReport {
  id: string;
  receipt: string;
  state: 'new' | 'looked' | 'pushed' | 'verified' | 'cleared';
  landingCode: string;
  destinationCode: string;
  destinationName: string | null;
  address: string;
  personId: string;
  personName: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  origin: string;
  originLabel: string | null;
  leftOriginAt: string;
  arrivedAt: string;
  itineraryStar: boolean;
  truckDriver: boolean;
  enteredByStaff: boolean;
  submittedAt: string;
  lookDueAt: string;
  lookedAt: string | null;
  pushedAt: string | null;
  pushedTo: string | null;
  verifyDueAt: string | null;
  verification: string | null;
  verificationNote: string | null;
  verifiedAt: string | null;
  feedbackMeasures: string[];
  feedbackNote: string | null;
  feedbackAt: string | null;
  cleared: boolean;
  planTitle: Text | null;
  planRule: string | null;
  releaseDate: string | null;
}

export type QueueFilter = 'new' | 'looked' | 'pushed' | 'cleared' | 'open' | 'all';

export interface ReportPage {
  items: LandingReport[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LandingCodeInfo {
  code: string;
  name: string;
  fullName: string;
  level: string;
  url: string;
  svg: string;
}

interface Counts {
  received: number;
  verified: number;
  fedBack: number;
  cleared: number;
  backlog: number;
  outstanding: number;
}

export interface Board {
  date: string;
  timeZone: string;
  jurisdictionCode: string;
  clear: boolean;
  total: Counts;
  communities: Array<Counts & { code: string; name: string | null; clear: boolean }>;
}

export const VERIFICATIONS = ['found', 'not_found', 'wrong_address', 'moved_on'] as const;
export const MEASURES = [
  'nat_done',
  'antigen_done',
  'home_isolation',
  'centralised_isolation',
  'health_monitoring',
  'handed_over',
] as const;

export interface VerifyBody {
  verification: (typeof VERIFICATIONS)[number];
  note: string | null;
  measures?: string[];
  feedbackNote: string | null;
}

const report = (id: string) => `/landing/reports/${encodeURIComponent(id)}`;

export const landingKeys = {
  all: ['landing'] as const,
  list: (state: QueueFilter, jurisdiction: string | undefined, page: number) =>
    ['landing', 'reports', state, jurisdiction, page] as const,
  code: (code: string) => ['landing', 'code', code] as const,
  board: (jurisdiction: string | undefined, date: string | undefined) =>
    ['landing', 'board', jurisdiction, date] as const,
};

export const fetchReports = (
  state: QueueFilter,
  jurisdiction: string | undefined,
  page: number,
  pageSize = 50,
) => api.get<ReportPage>(`/landing/reports${queryString({ state, jurisdiction, page, pageSize })}`);
export const fetchLandingCode = (code: string) =>
  api.get<LandingCodeInfo>(`/landing/codes/${encodeURIComponent(code)}`);
export const lookAt = (id: string) => api.post<LandingReport>(`${report(id)}/look`);
export const pushReport = (id: string) => api.post<LandingReport>(`${report(id)}/push`);
export const pushAllLooked = (jurisdictionCode: string) =>
  api.post<{ pushed: number }>('/landing/push', { jurisdictionCode });
export const verifyReport = (id: string, body: VerifyBody) =>
  api.post<LandingReport>(`${report(id)}/verify`, body);
export const feedBack = (id: string, measures: string[], note: string | null) =>
  api.post<LandingReport>(`${report(id)}/feedback`, { measures, note });
export const fetchBoard = (jurisdiction: string | undefined, date: string | undefined) =>
  api.get<Board>(`/landing/daily-clear${queryString({ jurisdiction, date })}`);
