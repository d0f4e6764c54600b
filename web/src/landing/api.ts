import type {
  Board,
  Candidate,
  DiscardReason,
  FeedbackMeasure,
  LandingCodeInfo,
  LandingReport,
  Pushed,
  QueueFilter,
  ReportPage,
  Verification,
  VerifyBody,
} from '../../../src/api/landing';
import { api, queryString } from '../api/client';

export type {
  Board,
  Candidate,
  DiscardReason,
  FeedbackMeasure,
  LandingCodeInfo,
  LandingReport,
  QueueFilter,
  ReportPage,
  VerifyBody,
} from '../../../src/api/landing';

export const VERIFICATIONS = [
  'found',
  'not_found',
  'wrong_address',
  'moved_on',
] as const satisfies readonly Verification[];
export const MEASURES = [
  'nat_done',
  'antigen_done',
  'home_isolation',
  'centralised_isolation',
  'health_monitoring',
  'handed_over',
] as const satisfies readonly FeedbackMeasure[];

export const DISCARD_REASONS = [
  'duplicate',
  'not_genuine',
  'test',
] as const satisfies readonly DiscardReason[];

/** Looking, pushing and setting aside are the county's (ARR-11): is the report's county in my scope? */
export const isCountyStaff = (scopes: readonly string[], destinationCode: string) =>
  scopes.some((scope) => destinationCode.slice(0, 6).startsWith(scope));

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
  api.post<Pushed>('/landing/push', { jurisdictionCode });
export const discardReport = (id: string, reason: DiscardReason, note: string | null) =>
  api.post<LandingReport>(`${report(id)}/discard`, { reason, note });
export const fetchCandidates = (id: string) => api.get<Candidate[]>(`${report(id)}/candidates`);
export const verifyReport = (id: string, body: VerifyBody) =>
  api.post<LandingReport>(`${report(id)}/verify`, body);
export const feedBack = (id: string, measures: FeedbackMeasure[], note: string | null) =>
  api.post<LandingReport>(`${report(id)}/feedback`, { measures, note });
export const fetchBoard = (jurisdiction: string | undefined, date: string | undefined) =>
  api.get<Board>(`/landing/daily-clear${queryString({ jurisdiction, date })}`);
