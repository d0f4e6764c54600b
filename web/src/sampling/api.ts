import { api, queryString } from '../api/client';

export const SAMPLE_PURPOSES = ['campaign', 'routine', 'arrival', 'resample', 'clinical', 'other'] as const;
export type SamplePurpose = (typeof SAMPLE_PURPOSES)[number];

/** A sampling site (采样点) with its numbered tables (采样台). */
export interface Site {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  name: string;
  address: string | null;
  tables: number;
  active: boolean;
  createdAt: string;
}

export interface SiteBody {
  jurisdictionCode: string;
  name: string;
  address: string | null;
  tables: number;
  active?: boolean;
}

export interface TubeState {
  barcode: string;
  capacity: number;
  memberCount: number;
  full: boolean;
  sealed: boolean;
  dueAt: string;
}

export interface TubeMember {
  personId: string;
  name: string;
  idNumberMasked: string;
  sampledAt: string;
}

export interface TubeDetail extends TubeState {
  id: string;
  category: string;
  sealedAt: string | null;
  result: string | null;
  members: TubeMember[];
}

export interface RegisterBody {
  siteId: string;
  tableNo: number;
  tubeBarcode: string;
  idNumber: string;
  name?: string;
  purpose: SamplePurpose;
  campaignId: string | null;
  poolSize: number;
}

export interface Registered {
  sample: { id: string; sampledAt: string };
  tube: TubeState;
  person: { id: string; name: string; idNumberMasked: string };
}

export interface TodayCounts {
  date: string;
  people: number;
  tubes: number;
  openTube: string | null;
}

export interface Campaign {
  id: string;
  jurisdictionCode: string;
  name: string;
  poolSize: number;
  status: string;
}

export const samplingKeys = {
  sites: ['sampling', 'sites'] as const,
  tube: (barcode: string) => ['sampling', 'tube', barcode] as const,
  today: (siteId: string, tableNo: number) => ['sampling', 'today', siteId, tableNo] as const,
  campaigns: ['sampling', 'campaigns'] as const,
};

export const listSites = () => api.get<{ items: Site[] }>('/sampling-sites').then((page) => page.items);
export const createSite = (body: SiteBody) => api.post<Site>('/sampling-sites', body);
export const updateSite = (id: string, body: Partial<SiteBody>) =>
  api.patch<Site>(`/sampling-sites/${id}`, body);
export const registerSample = (body: RegisterBody) => api.post<Registered>('/sampling/samples', body);
export const getTube = (barcode: string) =>
  api.get<TubeDetail>(`/sampling/tubes/${encodeURIComponent(barcode)}`);
export const sealTube = (barcode: string) =>
  api.post<TubeDetail>(`/sampling/tubes/${encodeURIComponent(barcode)}/seal`);
export const todayCounts = (siteId: string, tableNo: number) =>
  api.get<TodayCounts>(`/sampling/sites/${siteId}/today${queryString({ tableNo })}`);
/** Active campaigns the caller can see; the page keeps those covering the chosen site. */
export const listActiveCampaigns = () => api.get<Campaign[]>('/campaigns?status=active');
