import type {
  CounterSaleInput,
  CounterSaleResult,
  FollowUpInput,
  FollowUpResult,
  OutletInput,
  OutletViewType,
  SaleIdentityType,
  SaleViewType,
} from '../../../src/api/drugSales';
import type { DrugClass } from '../../../src/rules/drugSales';
import { api, queryString } from '../api/client';

export { DRUG_CLASSES, FOLLOW_UP_OUTCOMES } from '../../../src/rules/drugSales';
export type { DrugClass, FollowUpInput, OutletInput };
export type Outlet = OutletViewType;
export type Sale = SaleViewType;
export type SaleState = 'awaiting' | 'overdue' | 'done' | 'all';

export interface SaleFilter {
  jurisdiction?: string | undefined;
  outletId?: string | undefined;
  batch?: string | undefined;
  state: SaleState;
  drugClass?: DrugClass | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const drugSaleKeys = {
  outlets: ['drug-outlets'] as const,
  counter: (outletId: string) => ['drug-sales', 'counter', outletId] as const,
  list: (filter: SaleFilter) => ['drug-sales', 'list', filter] as const,
};

export const fetchOutlets = () => api.get<Outlet[]>('/drug-outlets');
export const createOutlet = (body: OutletInput) => api.post<Outlet>('/drug-outlets', body);
export const fetchCounterSales = (outletId: string) =>
  api.get<Sale[]>(`/drug-sales/counter${queryString({ outletId })}`);
export const registerSale = (body: CounterSaleInput) => api.post<CounterSaleResult>('/drug-sales', body);
export const fetchSales = (filter: SaleFilter) =>
  api.get<{ items: Sale[]; total: number; page: number; pageSize: number }>(
    `/drug-sales${queryString({ ...filter })}`,
  );
export const recordFollowUp = (body: FollowUpInput) =>
  api.post<FollowUpResult>('/drug-sales/follow-ups', body);
export const unmaskBuyer = (id: string, reason: string) =>
  api.post<SaleIdentityType>(`/drug-sales/${encodeURIComponent(id)}/unmask`, { reason });
