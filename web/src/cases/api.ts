import type {
  BoardKind,
  BoardView,
  CaseDetail,
  CaseView,
  PrefillView,
  ReclassifyInput,
  ReportInput,
} from '../../../src/api/cases';
import { api, queryString } from '../api/client';

export type {
  BoardKind,
  BoardRow,
  BoardView,
  CaseChangeView,
  CaseDetail,
  CaseView,
  PrefillView,
} from '../../../src/api/cases';

export const CASE_CLASSES = ['confirmed', 'asymptomatic', 'suspected'] as const;
export type CaseClass = (typeof CASE_CLASSES)[number];
export const SEVERITIES = ['mild', 'moderate', 'severe', 'critical'] as const;
export const CASE_STATUSES = ['reported', 'reviewed', 'discarded'] as const;
export const BOARD_KINDS = [
  'concealed',
  'overdue',
  'late_report',
  'late_review',
] as const satisfies readonly BoardKind[];

export interface CaseFilter {
  jurisdiction?: string | undefined;
  classification?: string | undefined;
  status?: string | undefined;
  open?: string | undefined;
  awaitingReview?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

interface CasePage {
  items: CaseView[];
  total: number;
  page: number;
  pageSize: number;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (filter: CaseFilter, page: number, pageSize: number) =>
    ['cases', 'list', filter, page, pageSize] as const,
  board: (jurisdiction: string | undefined, kind: string | undefined) =>
    ['cases', 'board', jurisdiction, kind] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  prefill: (tube: string | null, tubeId: string | null) => ['cases', 'prefill', tube, tubeId] as const,
};

const one = (id: string) => `/cases/${encodeURIComponent(id)}`;

export const fetchCases = (filter: CaseFilter, page: number, pageSize: number) =>
  api.get<CasePage>(`/cases${queryString({ ...filter, page, pageSize })}`);
export const fetchBoard = (jurisdiction: string | undefined, kind: string | undefined) =>
  api.get<BoardView>(`/cases/board${queryString({ jurisdiction, kind })}`);
export const fetchCase = (id: string) => api.get<CaseDetail>(one(id));
export const fetchPrefill = (tube: string | null, tubeId: string | null) =>
  api.get<PrefillView>(`/cases/prefill${queryString({ tube, tubeId })}`);
export const reportCase = (body: ReportInput) => api.post<CaseView>('/cases', body);
export const reclassifyCase = (id: string, body: ReclassifyInput) =>
  api.post<CaseDetail>(`${one(id)}/reclassify`, body);
export const discardCase = (id: string, reason: string) =>
  api.post<CaseDetail>(`${one(id)}/discard`, { reason });
export const reviewCase = (id: string, note: string) =>
  api.post<CaseDetail>(`${one(id)}/review`, note.trim() ? { note: note.trim() } : {});
