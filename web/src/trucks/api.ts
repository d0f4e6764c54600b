import type {
  Division,
  PublicReceipt,
  TruckPage,
  TruckReportBody,
  TruckReportView,
  TruckStatus,
  UnmaskedCrew,
} from '../../../src/api/trucks';
import { api, queryString } from '../api/client';

export type {
  CrewView as CrewMember,
  Division,
  PublicReceipt,
  TruckPage,
  TruckReportBody,
  TruckReportSummary,
  TruckReportView as TruckReport,
  TruckStatus,
} from '../../../src/api/trucks';
export const TRUCK_STATUSES = [
  'reported',
  'escorted',
  'at_checkpoint',
  'staying',
  'left',
] as const satisfies readonly TruckStatus[];

export interface TruckFilter {
  status?: TruckStatus;
  late?: boolean;
  plate?: string;
}

/** The body of a report, from the public form or staff. */
export const truckKeys = {
  list: (filter: TruckFilter, page: number, pageSize: number) =>
    ['trucks', 'list', filter, page, pageSize] as const,
  detail: (id: string) => ['trucks', 'detail', id] as const,
};

const one = (id: string) => `/trucks/reports/${encodeURIComponent(id)}`;

export const fetchTruckReports = (filter: TruckFilter, page: number, pageSize: number) =>
  api.get<TruckPage>(
    `/trucks/reports${queryString({ ...filter, late: filter.late === undefined ? undefined : String(filter.late), page, pageSize })}`,
  );
export const fetchTruckReport = (id: string) => api.get<TruckReportView>(one(id));
export const fileTruckReport = (body: TruckReportBody) => api.post<TruckReportView>('/trucks/reports', body);
export const assignEscort = (id: string, escortName: string) =>
  api.post<TruckReportView>(`${one(id)}/escort`, { escortName });
export const recordArrival = (id: string, at: string) =>
  api.post<TruckReportView>(`${one(id)}/arrival`, { at });
export const recordStay = (id: string, reason: string, lastDate: string) =>
  api.post<TruckReportView>(`${one(id)}/stay`, { reason, lastDate });
export const recordDeparture = (id: string, at: string) =>
  api.post<TruckReportView>(`${one(id)}/departure`, { at });
export const unmaskCrew = (id: string, position: number, reason: string) =>
  api.post<UnmaskedCrew>(`${one(id)}/crew/${position}/unmask`, { reason });

/** No sign-in: the consignee's form and its pickers. */
export const filePublicReport = (body: TruckReportBody) =>
  api.post<PublicReceipt>('/trucks/public/reports', body);
export const fetchOrigins = (parent?: string) =>
  api.get<Division[]>(`/trucks/public/origins${queryString({ parent })}`);
export const fetchDestinations = (parent?: string) =>
  api.get<Division[]>(`/trucks/public/destinations${queryString({ parent })}`);
