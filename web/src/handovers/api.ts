import type { Handover, HandoverPage } from '../../../src/api/persons';
import { api, queryString } from '../api/client';

export type { Handover, HandoverPage, HandoverState } from '../../../src/api/persons';

export type HandoverFilter = 'pending' | 'all';

export const handoverKeys = {
  list: (state: HandoverFilter, page: number) => ['handovers', state, page] as const,
};

export const fetchHandovers = (state: HandoverFilter, page: number, pageSize: number) =>
  api.get<HandoverPage>(`/persons/handovers${queryString({ state, page, pageSize })}`);

export const decideHandover = (id: string, decision: 'accept' | 'decline', note: string) =>
  api.post<Handover>(`/persons/handovers/${encodeURIComponent(id)}/decision`, { decision, note });
