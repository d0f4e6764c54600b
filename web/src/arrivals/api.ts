import type {
  ArrivalBody,
  ArrivalChannel,
  ArrivalDetail,
  ArrivalPage,
  ArrivalStatus,
  EventResult,
  Lookback,
  ReclassifyBody,
} from '../../../src/api/arrivals';
import { api, queryString } from '../api/client';
import { requestKeepingProblem } from './requestKeepingProblem';

export type {
  ArrivalBody,
  ArrivalDetail,
  ArrivalPage,
  ArrivalStatus,
  ArrivalSummary,
  EventResult,
  Lookback,
  PlanEvent,
  PlanJson,
  StoredPlan,
} from '../../../src/api/arrivals';
export type Channel = ArrivalChannel;

export const CHANNELS = [
  'checkpoint',
  'station',
  'push_list',
  'landing_code',
  'truck',
  'cadre_return',
  'manual',
] as const satisfies readonly ArrivalChannel[];
export const STATUSES = [
  'under_control',
  'registered',
  'origin_review',
  'no_protocol',
  'released',
] as const satisfies readonly ArrivalStatus[];
export const RULES = Array.from({ length: 10 }, (_, i) => `ARR-${i + 1}`);

export interface ArrivalFilter {
  jurisdiction?: string;
  channel?: string;
  status?: string;
  ruleId?: string;
  /** The origin's risk level, or `none` for an origin of no level (a dashboard figure's list). */
  risk?: string;
  /** Local calendar days of the jurisdiction, both included. */
  from?: string;
  to?: string;
}

export const arrivalKeys = {
  list: (filter: ArrivalFilter, page: number, pageSize: number) =>
    ['arrivals', 'list', filter, page, pageSize] as const,
  detail: (id: string) => ['arrivals', 'detail', id] as const,
  lookback: (divisionCode: string, publishedAt: string) =>
    ['arrivals', 'lookback', divisionCode, publishedAt] as const,
};

export const fetchArrivals = (filter: ArrivalFilter, page: number, pageSize: number) =>
  api.get<ArrivalPage>(`/arrivals${queryString({ ...filter, page, pageSize })}`);
export const fetchArrival = (id: string) => api.get<ArrivalDetail>(`/arrivals/${encodeURIComponent(id)}`);
export const createArrival = (body: ArrivalBody) => api.post<ArrivalDetail>('/arrivals', body);
export const fetchLookback = (divisionCode: string, publishedAt: string) =>
  api.get<Lookback>(`/arrivals/lookback${queryString({ divisionCode, publishedAt })}`);

/** ARR-7: the origin's risk as now known; the governing pack plans again. */
export const reclassifyArrival = (id: string, body: ReclassifyBody) =>
  api.post<ArrivalDetail>(`/arrivals/${encodeURIComponent(id)}/reclassify`, body);

/** Records a test result or a phase end; a refused phase end keeps its `pending` tests (ISO-6). */
export const recordEvent = (id: string, item: string, result: EventResult) =>
  requestKeepingProblem<ArrivalDetail>('POST', `/arrivals/${encodeURIComponent(id)}/events`, {
    item,
    result,
  });
