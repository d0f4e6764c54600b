import type { CampaignPlan } from '../../../src/rules/campaignPlan';
import { api, queryString } from '../api/client';

export type { CampaignPlan };
export type CampaignStatus = 'planned' | 'active' | 'closed';

export interface Campaign {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  name: string;
  poolSize: number;
  startsAt: string;
  dueAt: string;
  status: CampaignStatus;
  createdAt: string;
}

export interface PlanResult {
  jurisdictionCode: string;
  jurisdictionName: string;
  level: 'county' | 'city';
  population: number;
  poolSize: number;
  labs: number;
  plan: CampaignPlan;
}

export interface Counts {
  persons: number;
  sampled: number;
  resulted: number;
  positives: number;
  sampledPct: number;
  resultedPct: number;
}

export interface ProgressRow extends Counts {
  code: string;
  name: string;
  level: string;
  direct: boolean;
  hasChildren: boolean;
}

export interface Progress {
  campaign: Campaign;
  parent: { code: string; name: string; level: string };
  totals: Counts;
  rows: ProgressRow[];
  hourly: { hour: string; samples: number }[];
}

export interface MissingPerson {
  id: string;
  name: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  jurisdictionCode: string;
  jurisdictionName: string;
  address: string | null;
}

export interface CampaignBody {
  jurisdictionCode: string;
  name: string;
  poolSize: number;
  startsAt: string;
  dueAt?: string;
  status?: CampaignStatus;
}

export const listCampaigns = () => api.get<Campaign[]>('/campaigns');
export const getPlan = (jurisdictionCode: string, poolSize: number) =>
  api.get<PlanResult>(`/campaigns/plan${queryString({ jurisdictionCode, poolSize })}`);
export const createCampaign = (body: CampaignBody) => api.post<Campaign>('/campaigns', body);
export const setCampaignStatus = (id: string, status: CampaignStatus) =>
  api.patch<Campaign>(`/campaigns/${id}`, { status });
export const getProgress = (id: string, parent?: string) =>
  api.get<Progress>(`/campaigns/${id}/progress${queryString({ parent })}`);
export const getMissing = (id: string, jurisdiction: string, page: number, pageSize: number) =>
  api.get<{ items: MissingPerson[]; total: number; page: number; pageSize: number }>(
    `/campaigns/${id}/missing${queryString({ jurisdiction, page, pageSize })}`,
  );
export const missingExportUrl = (id: string, jurisdiction: string) =>
  `/api/campaigns/${id}/missing.xlsx${queryString({ jurisdiction })}`;
