import type { PrivacyAlert, PrivacyAlertPage } from '../../../src/api/persons';
import { api, queryString } from '../api/client';

export type { PrivacyAlert, PrivacyAlertKind, PrivacyAlertPage } from '../../../src/api/persons';

export type AlertState = 'open' | 'all';

export const privacyAlertKeys = {
  list: (state: AlertState, page: number) => ['privacy-alerts', state, page] as const,
};

export const fetchPrivacyAlerts = (state: AlertState, page: number, pageSize: number) =>
  api.get<PrivacyAlertPage>(`/persons/privacy-alerts${queryString({ state, page, pageSize })}`);

export const acknowledgeAlert = (id: string, note: string) =>
  api.post<PrivacyAlert>(`/persons/privacy-alerts/${encodeURIComponent(id)}/acknowledge`, { note });
