import type {
  AlertPage,
  AlertQueryT,
  AlertViewT,
  AssessInput,
  CloseInput,
  WarningInput,
} from '../../../src/api/alerts';
import { api, queryString } from '../api/client';

export type { AlertViewT as Alert, AssessInput, CloseInput, WarningInput } from '../../../src/api/alerts';
export type AlertFilter = AlertQueryT;
export type AlertState = AlertViewT['state'];

/** The feeds a rule may name (MON-4), as the filter offers them. */
export const FEEDS = [
  'drug_sales',
  'fever_visits',
  'environment_samples',
  'school_absence',
  'ili',
  'pneumonia',
] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const satisfies readonly AssessInput['riskLevel'][];
export const WARNING_LEVELS = [
  'blue',
  'yellow',
  'orange',
  'red',
] as const satisfies readonly WarningInput['level'][];
export const CLOSE_REASONS = ['excluded', 'handled'] as const satisfies readonly CloseInput['reason'][];

export const alertKeys = {
  all: ['alerts'] as const,
  list: (filter: AlertFilter, page: number) => ['alerts', 'list', filter, page] as const,
  one: (id: string) => ['alerts', 'one', id] as const,
};

const one = (id: string) => `/alerts/${encodeURIComponent(id)}`;

export const fetchAlerts = (filter: AlertFilter, page: number, pageSize: number) =>
  api.get<AlertPage>(`/alerts${queryString({ ...filter, page, pageSize })}`);
export const fetchAlert = (id: string) => api.get<AlertViewT>(one(id));
export const acknowledgeAlert = (id: string) => api.post<AlertViewT>(`${one(id)}/acknowledge`);
export const assessAlert = (id: string, body: AssessInput) =>
  api.post<AlertViewT>(`${one(id)}/assessment`, body);
export const publishWarning = (id: string, body: WarningInput) =>
  api.post<AlertViewT>(`${one(id)}/warning`, body);
export const closeAlert = (id: string, body: CloseInput) => api.post<AlertViewT>(`${one(id)}/close`, body);
export const evaluateNow = () =>
  api.post<{ rules: number; raised: number; stillFiring: number }>('/alerts/evaluate', {});
