import type { Static } from 'typebox';
import type {
  Alert,
  BoardView,
  FloorView,
  HANDLE_OUTCOMES,
  LinkView,
  Reading,
  StayReadingsView,
} from '../../../src/api/healthMonitoring';
import type { Slot } from '../../../src/rules/healthMonitoring';
import { api, queryString } from '../api/client';

export { FEVER_THRESHOLD, SYMPTOMS } from '../../../src/rules/healthMonitoring';
export type { Alert, Reading, Slot };
export type Board = Static<typeof BoardView>;
export type BoardRow = Board['items'][number];
export type Floor = Static<typeof FloorView>;
export type FloorRoom = Floor['rooms'][number];
export type StayReadings = Static<typeof StayReadingsView>;
export type Link = Static<typeof LinkView>;
export type Outcome = (typeof HANDLE_OUTCOMES)[number];
export const OUTCOMES: readonly Outcome[] = ['reported_cdc', 'fever_clinic', 'recheck_normal'];

export interface BoardFilters {
  jurisdiction?: string | undefined;
  siteId?: string | undefined;
  kind?: 'centralised' | 'home' | undefined;
  abnormal?: boolean | undefined;
  missing?: boolean | undefined;
  page?: number | undefined;
}

export const monitoringKeys = {
  all: ['monitoring'] as const,
  board: (filters: BoardFilters) => ['monitoring', 'board', filters] as const,
  floor: (siteId: string, floor: number) => ['monitoring', 'floor', siteId, floor] as const,
  stay: (stayId: string) => ['monitoring', 'stay', stayId] as const,
};

export const fetchBoard = (filters: BoardFilters) =>
  api.get<Board>(
    `/monitoring/board${queryString({
      ...filters,
      abnormal: filters.abnormal ? 'true' : undefined,
      missing: filters.missing ? 'true' : undefined,
      pageSize: 50,
    })}`,
  );
export const fetchFloor = (siteId: string, floor: number) =>
  api.get<Floor>(`/monitoring/floor${queryString({ siteId, floor })}`);
export const fetchStayReadings = (stayId: string) => api.get<StayReadings>(`/monitoring/stays/${stayId}`);
export const recordReading = (body: {
  stayId: string;
  slot: Slot;
  temperature: number;
  symptoms: string[];
  note?: string | null;
}) => api.post<Reading>('/monitoring/readings', body);
export const correctReading = (
  id: string,
  body: { temperature: number; symptoms: string[]; note?: string | null; version: number },
) => api.patch<Reading>(`/monitoring/readings/${id}`, body);
export const handleAlert = (id: string, body: { outcome: Outcome; note?: string | null }) =>
  api.post<Reading>(`/monitoring/alerts/${id}/handle`, body);
export const issueLink = (stayId: string) =>
  api.post<Link>(`/monitoring/stays/${stayId}/self-report-link`, {});
export const revokeLink = (stayId: string) =>
  api.delete<{ stayId: string; revoked: number }>(`/monitoring/stays/${stayId}/self-report-link`);
