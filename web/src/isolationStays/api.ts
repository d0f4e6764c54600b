import type { RoomView, SiteList } from '../../../src/api/isolationSites';
import type {
  AllocationBodyT,
  AllocationResultT,
  ArriveBodyT,
  QueuePageT,
  StayPageT,
  StayViewT,
} from '../../../src/api/isolationStays';
import { api, queryString } from '../api/client';

export type QueueRow = QueuePageT['items'][number];
export type StayRow = StayPageT['items'][number];
export type Stay = StayViewT;
export type Purpose = QueueRow['purpose'];
export type StayKind = 'centralised' | 'home';

export interface QueueFilter {
  jurisdiction?: string | undefined;
  overdue?: boolean | undefined;
}

export interface StayFilter {
  jurisdiction?: string | undefined;
  state?: 'open' | 'closed' | undefined;
  kind?: StayKind | undefined;
  status?: StayRow['status'] | undefined;
  siteId?: string | undefined;
  endingBy?: string | undefined;
}

export const stayKeys = {
  all: ['isolationStays'] as const,
  queue: (kind: StayKind, filter: QueueFilter) => ['isolationStays', 'queue', kind, filter] as const,
  list: (filter: StayFilter, page: number) => ['isolationStays', 'list', filter, page] as const,
  one: (id: string) => ['isolationStays', 'one', id] as const,
  sites: (purpose: Purpose) => ['isolationStays', 'sites', purpose] as const,
  rooms: (siteId: string) => ['isolationStays', 'rooms', siteId] as const,
};

const one = (id: string) => `/isolation/stays/${encodeURIComponent(id)}`;

export const fetchQueue = (kind: StayKind, filter: QueueFilter) =>
  api.get<QueuePageT>(
    `/isolation/queue${queryString({ kind, jurisdiction: filter.jurisdiction, overdue: filter.overdue ? 'true' : undefined })}`,
  );
export const fetchStays = (filter: StayFilter, page: number, pageSize: number) =>
  api.get<StayPageT>(`/isolation/stays${queryString({ ...filter, page, pageSize })}`);
export const fetchStay = (id: string) => api.get<Stay>(one(id));
export const allocate = (body: AllocationBodyT) =>
  api.post<AllocationResultT>('/isolation/allocations', body);
export const arrive = (id: string, body: ArriveBodyT) => api.post<Stay>(`${one(id)}/arrive`, body);
export const cancelStay = (id: string, reason: string) => api.post<Stay>(`${one(id)}/cancel`, { reason });
export const startHomeStay = (sourceType: QueueRow['sourceType'], sourceId: string) =>
  api.post<Stay>('/isolation/home-stays', { sourceType, sourceId });

/** Sites in use that take people of this kind (contract 1: SITES' list). */
export const fetchSites = (purpose: Purpose) =>
  api.get<SiteList>(`/isolation/sites${queryString({ purpose, status: 'in_use' })}`);
/** A site's rooms (contract 1: the room grid); the dialog offers the ready ones. */
export const fetchRooms = (siteId: string) =>
  api.get<{ items: RoomView[] }>(`/isolation/sites/${encodeURIComponent(siteId)}/rooms`);
