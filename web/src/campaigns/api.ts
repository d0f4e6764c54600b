import type {
  Campaign,
  CampaignBody,
  CampaignStatus,
  MissingPage,
  PlanResult,
  Progress,
} from '../../../src/api/campaigns';
import { api, queryString } from '../api/client';

export type {
  Campaign,
  CampaignBody,
  CampaignPlan,
  CampaignStatus,
  MissingPerson,
  PlanResult,
  Progress,
  ProgressRow,
} from '../../../src/api/campaigns';

export const listCampaigns = () => api.get<Campaign[]>('/campaigns');
export const getPlan = (jurisdictionCode: string, poolSize: number) =>
  api.get<PlanResult>(`/campaigns/plan${queryString({ jurisdictionCode, poolSize })}`);
export const createCampaign = (body: CampaignBody) => api.post<Campaign>('/campaigns', body);
export const setCampaignStatus = (id: string, status: CampaignStatus) =>
  api.patch<Campaign>(`/campaigns/${id}`, { status });
export const getProgress = (id: string, parent?: string) =>
  api.get<Progress>(`/campaigns/${id}/progress${queryString({ parent })}`);
export const getMissing = (id: string, jurisdiction: string, page: number, pageSize: number) =>
  api.get<MissingPage>(`/campaigns/${id}/missing${queryString({ jurisdiction, page, pageSize })}`);
export const missingExportUrl = (id: string, jurisdiction: string) =>
  `/api/campaigns/${id}/missing.xlsx${queryString({ jurisdiction })}`;
