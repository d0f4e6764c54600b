import type {
  ReadinessBody,
  RoomServiceBody,
  RoomsBody,
  RoomView,
  SiteBody,
  SiteDetail,
  SiteList,
  SitePatchBody,
  StaffBody,
  StaffPatchBody,
  StaffView,
} from '../../../src/api/isolationSites';
import { api, queryString } from '../api/client';

export type Site = SiteList['items'][number];
export type Coverage = SiteList['coverage'][number];
export type { RoomView as Room, SiteBody, SiteDetail, StaffBody, StaffView as Staff };
export type ReadinessItem = SiteDetail['readinessItems'][number];

export const SITE_KINDS = ['hotel', 'dormitory', 'training_centre', 'temporary', 'other'] as const;
export const SITE_PURPOSES = ['close_contacts', 'inbound', 'asymptomatic', 'key_area_arrivals'] as const;
export const SITE_STATUSES = ['in_use', 'standby', 'not_ready'] as const;
export const ROOM_STATES = ['ready', 'occupied', 'cleaning', 'out_of_service'] as const;
export const STAFF_ROLES = [
  'liaison_leader',
  'point_leader',
  'medical',
  'police',
  'service',
  'cleaning',
  'security',
  'other',
] as const;

export const siteKeys = {
  all: ['isolationSites'] as const,
  list: (filters: Record<string, string | undefined>) => ['isolationSites', 'list', filters] as const,
  one: (id: string) => ['isolationSites', 'one', id] as const,
  rooms: (id: string) => ['isolationSites', 'rooms', id] as const,
};

const one = (id: string) => `/isolation/sites/${encodeURIComponent(id)}`;
const room = (id: string) => `/isolation/rooms/${encodeURIComponent(id)}`;
const staff = (id: string) => `/isolation/staff/${encodeURIComponent(id)}`;

export const fetchSites = (filters: Record<string, string | undefined>) =>
  api.get<SiteList>(`/isolation/sites${queryString(filters)}`);
export const fetchSite = (id: string) => api.get<SiteDetail>(one(id));
export const fetchRooms = (id: string) => api.get<{ items: RoomView[] }>(`${one(id)}/rooms`);
export const createSite = (body: SiteBody) => api.post<SiteDetail>('/isolation/sites', body);
export const patchSite = (id: string, body: SitePatchBody) => api.patch<SiteDetail>(one(id), body);
export const putReadiness = (id: string, item: string, body: ReadinessBody) =>
  api.put<SiteDetail>(`${one(id)}/readiness/${encodeURIComponent(item)}`, body);
export const addRooms = (id: string, body: RoomsBody) =>
  api.post<{ added: number; skipped: string[] }>(`${one(id)}/rooms`, body);
export const markCleaned = (id: string) => api.post<RoomView>(`${room(id)}/cleaned`);
export const setService = (id: string, body: RoomServiceBody) =>
  api.post<RoomView>(`${room(id)}/service`, body);
export const addStaff = (siteId: string, body: StaffBody) =>
  api.post<StaffView>(`${one(siteId)}/staff`, body);
export const patchStaff = (id: string, body: StaffPatchBody) => api.patch<StaffView>(staff(id), body);
export const revealStaffPhone = (id: string, reason: string) =>
  api.post<{ phone: string | null }>(`${staff(id)}/phone`, { reason });
