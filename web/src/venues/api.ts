import type {
  FeedReportView,
  SupervisionView,
  VenueBody,
  VenuePatchBody,
  VenueView,
} from '../../../src/api/venues';
import type { VenueKind } from '../../../src/rules/venues';
import { api, queryString } from '../api/client';
import { ApiError, toProblem } from '../api/problem';

export type { FeedReportView, SupervisionView, VenueBody, VenueKind, VenuePatchBody, VenueView };
export type SupervisionItem = SupervisionView['items'][number];
export type FeedRowError = FeedReportView['errors'][number];

/** The venue types the plans name, in the registry form's order: the rule's own list. */
export { VENUE_KINDS } from '../../../src/rules/venues';

export interface VenueFilters {
  jurisdiction?: string | undefined;
  kind?: VenueKind | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

export const venueKeys = {
  all: ['venues'] as const,
  list: (filters: VenueFilters) => ['venues', 'list', filters] as const,
  one: (id: string) => ['venues', id] as const,
  code: (id: string) => ['venues', id, 'code'] as const,
  supervision: (flag?: string, jurisdiction?: string) =>
    ['venues', 'supervision', flag ?? 'all', jurisdiction ?? 'scope'] as const,
};

export const listVenues = (filters: VenueFilters) =>
  api.get<{ items: VenueView[]; total: number; page: number; pageSize: number }>(
    `/venues${queryString({
      ...filters,
      active: filters.active === undefined ? undefined : String(filters.active),
      pageSize: 20,
    })}`,
  );
export const getVenue = (id: string) => api.get<VenueView>(`/venues/${id}`);
export const createVenue = (body: VenueBody) => api.post<VenueView>('/venues', body);
export const updateVenue = (id: string, body: VenuePatchBody) => api.patch<VenueView>(`/venues/${id}`, body);
export const getVenueCode = (id: string) =>
  api.get<{ venueId: string; code: string; url: string; qrSvg: string }>(`/venues/${id}/code`);
export const getSupervision = (flag?: string, jurisdiction?: string) =>
  api.get<SupervisionView>(`/venues/supervision${queryString({ jurisdiction, flag })}`);

export async function uploadCheckIns(file: File): Promise<FeedReportView> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/venues/check-ins/import', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) throw new ApiError(toProblem(response.status, body, response.statusText));
  return body as FeedReportView;
}
