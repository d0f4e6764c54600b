import type { Plan, PlanTest } from '../../../src/rules/policy/types';
import { api, queryString } from '../api/client';
import { requestKeepingProblem } from './requestKeepingProblem';

export const CHANNELS = [
  'checkpoint',
  'station',
  'push_list',
  'landing_code',
  'truck',
  'cadre_return',
  'manual',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const STATUSES = ['registered', 'planned', 'no_protocol', 'released'] as const;
export type ArrivalStatus = (typeof STATUSES)[number];
export const RULES = Array.from({ length: 10 }, (_, i) => `ARR-${i + 1}`);

/** An arrival on a list (GET /api/arrivals): the person masked, the active plan summarised. */
export interface ArrivalSummary {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  personId: string;
  personName: string;
  idNumberMasked: string;
  channel: string;
  origin: string;
  originDivisionCode: string | null;
  originName: string | null;
  originRisk: string | null;
  originDistrictRisk: string | null;
  arrivedAt: string;
  status: string;
  ruleId: string | null;
  protocolId: string | null;
  packId: string | null;
  packVersion: string | null;
  releaseDate: string | null;
}

/** A plan as stored: the engine's Plan, with instants as JSON strings. */
export type PlanJson = Omit<Plan, 'tests'> & { tests: Array<Omit<PlanTest, 'dueAt'> & { dueAt: string }> };

export interface StoredPlan {
  id: string;
  status: 'active' | 'superseded' | 'completed';
  createdAt: string;
  plan: PlanJson;
}

export interface PlanEvent {
  item: string;
  result: string;
  at: string;
}

export interface ArrivalDetail extends ArrivalSummary {
  leftOriginAt: string;
  enteredAt: string | null;
  plans: StoredPlan[];
  events: PlanEvent[];
}

export interface ArrivalFilter {
  jurisdiction?: string;
  channel?: string;
  status?: string;
  ruleId?: string;
  from?: string;
  to?: string;
}

export interface ArrivalPage {
  items: ArrivalSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** The body of POST /api/arrivals (a new person by name and ID number). */
export interface ArrivalBody {
  person: { name: string; idNumber: string; phone: string | null };
  jurisdictionCode: string;
  origin: 'overseas' | 'domestic';
  originDivisionCode: string | null;
  originName: string | null;
  originCountry: string | null;
  leftOriginAt: string | null;
  arrivedAt: string;
  enteredAt: string | null;
  portIsolationDays: number | null;
  contact: 'close_contact_of_inbound_positive' | null;
  returnee: 'rural' | null;
  truckCrew: boolean;
  homeIsolationConditions: boolean | null;
  negativeNatAt: string | null;
  greenHealthCode: boolean | null;
}

export interface Lookback {
  items: ArrivalSummary[];
  from: string;
  to: string;
}

export type EventResult = 'negative' | 'positive' | 'done';

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
export const reclassifyArrival = (
  id: string,
  body: { originRisk: string; originDistrictRisk?: string | undefined; reason: string },
) => api.post<ArrivalDetail>(`/arrivals/${encodeURIComponent(id)}/reclassify`, body);

/** Records a test result or a phase end; a refused phase end keeps its `pending` tests (ISO-6). */
export const recordEvent = (id: string, item: string, result: EventResult) =>
  requestKeepingProblem<ArrivalDetail>('POST', `/arrivals/${encodeURIComponent(id)}/events`, {
    item,
    result,
  });
