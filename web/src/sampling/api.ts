import type { Campaign } from '../../../src/api/campaigns';
import type {
  RegisterBody,
  Registered,
  SamplePurpose,
  Site,
  SiteBody,
  SiteList,
  SitePatch,
  TodayCounts,
  TubeDetail,
} from '../../../src/api/sampling';
import { api, queryString } from '../api/client';

export type { Campaign } from '../../../src/api/campaigns';
export type {
  RegisterBody,
  Registered,
  SamplePurpose,
  Site,
  SiteBody,
  TodayCounts,
  TubeDetail,
  TubeMember,
  TubeState,
} from '../../../src/api/sampling';
export const SAMPLE_PURPOSES = [
  'campaign',
  'routine',
  'arrival',
  'resample',
  'clinical',
  'other',
] as const satisfies readonly SamplePurpose[];

export const samplingKeys = {
  sites: ['sampling', 'sites'] as const,
  tube: (barcode: string) => ['sampling', 'tube', barcode] as const,
  today: (siteId: string, tableNo: number) => ['sampling', 'today', siteId, tableNo] as const,
  campaigns: ['sampling', 'campaigns'] as const,
};

export const listSites = () => api.get<SiteList>('/sampling-sites').then((page) => page.items);
export const createSite = (body: SiteBody) => api.post<Site>('/sampling-sites', body);
export const updateSite = (id: string, body: SitePatch) => api.patch<Site>(`/sampling-sites/${id}`, body);
export const registerSample = (body: RegisterBody) => api.post<Registered>('/sampling/samples', body);
export const getTube = (barcode: string) =>
  api.get<TubeDetail>(`/sampling/tubes/${encodeURIComponent(barcode)}`);
export const sealTube = (barcode: string) =>
  api.post<TubeDetail>(`/sampling/tubes/${encodeURIComponent(barcode)}/seal`);
export const todayCounts = (siteId: string, tableNo: number) =>
  api.get<TodayCounts>(`/sampling/sites/${siteId}/today${queryString({ tableNo })}`);
/** Active campaigns the caller can see; the page keeps those covering the chosen site. */
export const listActiveCampaigns = () => api.get<Campaign[]>('/campaigns?status=active');
