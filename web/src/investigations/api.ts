import type {
  InvestigationDetail,
  InvestigationSummary,
  TimelineEntry,
} from '../../../src/api/investigations';
import { api, queryString } from '../api/client';

export type { InvestigationDetail, InvestigationSummary, TimelineEntry };
export type InvestigationStatus = InvestigationSummary['status'];
export type Exposure = InvestigationDetail['exposures'][number];
export type Goods = InvestigationDetail['goods'][number];

export const STATUSES = [
  'open',
  'first_done',
  'submitted',
  'returned',
  'released',
  'closed',
] as const satisfies readonly InvestigationStatus[];

export interface InvestigationFilter {
  status?: InvestigationStatus | 'under_way' | undefined;
  overdue?: 'first' | 'complete' | 'any' | undefined;
  jurisdiction?: string | undefined;
}

export interface InvestigationPage {
  items: InvestigationSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export const investigationKeys = {
  all: ['investigations'] as const,
  list: (filter: InvestigationFilter, page: number, pageSize: number) =>
    ['investigations', 'list', filter, page, pageSize] as const,
  one: (caseId: string) => ['investigations', 'one', caseId] as const,
};

const one = (caseId: string) => `/investigations/${encodeURIComponent(caseId)}`;

export const fetchInvestigations = (filter: InvestigationFilter, page: number, pageSize: number) =>
  api.get<InvestigationPage>(`/investigations${queryString({ ...filter, page, pageSize })}`);
export const fetchInvestigation = (caseId: string) => api.get<InvestigationDetail>(one(caseId));

export interface EntryBody {
  place: string;
  fromAt: string;
  toAt?: string | null;
  activity?: string | null;
  peopleMet?: string | null;
}
export const addEntry = (caseId: string, body: EntryBody) =>
  api.post<InvestigationDetail>(`${one(caseId)}/entries`, body);
export const updateEntry = (caseId: string, entryId: string, body: EntryBody) =>
  api.put<InvestigationDetail>(`${one(caseId)}/entries/${entryId}`, body);
export const deleteEntry = (caseId: string, entryId: string) =>
  api.delete<InvestigationDetail>(`${one(caseId)}/entries/${entryId}`);

export type ExposureBody = Pick<Exposure, 'kind' | 'description' | 'certainty'> & {
  evidence?: string | null;
  likelySource?: boolean;
};
export const addExposure = (caseId: string, body: ExposureBody) =>
  api.post<InvestigationDetail>(`${one(caseId)}/exposures`, body);
export const deleteExposure = (caseId: string, id: string) =>
  api.delete<InvestigationDetail>(`${one(caseId)}/exposures/${id}`);

export type GoodsBody = Pick<Goods, 'item'> & Partial<Omit<Goods, 'id' | 'item' | 'createdAt'>>;
export const addGoods = (caseId: string, body: GoodsBody) =>
  api.post<InvestigationDetail>(`${one(caseId)}/goods`, body);
export const deleteGoods = (caseId: string, id: string) =>
  api.delete<InvestigationDetail>(`${one(caseId)}/goods/${id}`);

export const saveReport = (caseId: string, report: string, version: number) =>
  api.put<InvestigationDetail>(`${one(caseId)}/report`, { report, version });
export const recordFirst = (caseId: string, summary: string) =>
  api.post<InvestigationDetail>(`${one(caseId)}/first`, { summary });
export const submitReport = (caseId: string) => api.post<InvestigationDetail>(`${one(caseId)}/submit`, {});
export const reviewReport = (caseId: string, decision: 'release' | 'return', reason?: string) =>
  api.post<InvestigationDetail>(`${one(caseId)}/review`, { decision, ...(reason ? { reason } : {}) });
export const assign = (caseId: string, body: { investigatorId?: string | null; teamId?: string | null }) =>
  api.post<InvestigationDetail>(`${one(caseId)}/assign`, body);

/** CONTACTS' list of a case's contacts (GET /api/contacts?caseId=), read loosely: its shape is theirs. */
export interface CaseContact {
  id: string;
  personName: string | null;
  class: string;
  status: string;
}
export const fetchCaseContacts = (caseId: string) =>
  api.get<{ items: CaseContact[]; total: number }>(`/contacts${queryString({ caseId, pageSize: 100 })}`);
