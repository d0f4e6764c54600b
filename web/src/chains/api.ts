import type { CaseView } from '../../../src/api/cases';
import type {
  CaseChain,
  ClusterDetail,
  ClusterSummary,
  LinkInput,
  LinkView,
  NodeView,
} from '../../../src/api/chains';
import { api, queryString } from '../api/client';

export type { CaseChain, ClusterDetail, ClusterSummary, LinkInput, LinkView, NodeView };
export const CERTAINTIES = ['confirmed', 'probable', 'possible'] as const;
export const EVIDENCE_KINDS = [
  'household',
  'co_exposure',
  'workplace',
  'gathering',
  'healthcare',
  'transport',
  'genomic',
  'other',
] as const;

export const chainKeys = {
  all: ['chains'] as const,
  list: (alerts: boolean | undefined, jurisdiction: string | undefined) =>
    ['chains', 'list', alerts, jurisdiction] as const,
  cluster: (id: string) => ['chains', 'cluster', id] as const,
  caseChain: (id: string) => ['chains', 'case', id] as const,
};

export const fetchClusters = (alerts: boolean | undefined, jurisdiction: string | undefined) =>
  api.get<{ items: ClusterSummary[]; total: number }>(
    `/chains${queryString({ alerts: alerts === undefined ? undefined : String(alerts), jurisdiction })}`,
  );
export const fetchCluster = (id: string) => api.get<ClusterDetail>(`/chains/${encodeURIComponent(id)}`);
export const fetchCaseChain = (id: string) => api.get<CaseChain>(`/chains/case/${encodeURIComponent(id)}`);
export const addLink = (body: LinkInput) =>
  api.post<{ link: LinkView; alerts: { opened: string[]; cancelled: string[] } }>('/chains/links', body);
export const removeLink = (id: string, reason: string) =>
  api.post<{ link: LinkView }>(`/chains/links/${encodeURIComponent(id)}/remove`, { reason });
/** Open cases in scope, newest first, to pick an infectee from (the cases module's list). */
export const fetchOpenCases = () =>
  api.get<{ items: CaseView[]; total: number }>(`/cases${queryString({ open: 'true', pageSize: 100 })}`);
