import type {
  CrewCandidates,
  CrewMatch,
  Division,
  PublicReceipt,
  TruckPage,
  TruckRejectReason,
  TruckReportBody,
  TruckReportView,
  TruckStatus,
  UnmaskedCrew,
} from '../../../src/api/trucks';
import { api, queryString } from '../api/client';
import { postWithChallenge } from '../public/challenge';

export type {
  CrewCandidates,
  CrewMatch,
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
  'unverified',
  'reported',
  'escorted',
  'at_checkpoint',
  'staying',
  'left',
  'rejected',
  'cancelled',
] as const satisfies readonly TruckStatus[];
export const REJECT_REASONS = [
  'duplicate',
  'not_genuine',
  'test',
] as const satisfies readonly TruckRejectReason[];

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
export const recordStay = (id: string, reason: string, lastDate: string, crew?: CrewMatch[]) =>
  api.post<TruckReportView>(`${one(id)}/stay`, { reason, lastDate, ...(crew ? { crew } : {}) });
export const verifyTruck = (id: string) => api.post<TruckReportView>(`${one(id)}/verify`);
export const rejectTruck = (id: string, reason: TruckRejectReason, note: string | null) =>
  api.post<TruckReportView>(`${one(id)}/reject`, { reason, note });
export const cancelTruck = (id: string, note: string | null) =>
  api.post<TruckReportView>(`${one(id)}/cancel`, { note });
export const fetchCrewCandidates = (id: string) => api.get<CrewCandidates>(`${one(id)}/candidates`);
export const recordDeparture = (id: string, at: string) =>
  api.post<TruckReportView>(`${one(id)}/departure`, { at });
export const unmaskCrew = (id: string, position: number, reason: string) =>
  api.post<UnmaskedCrew>(`${one(id)}/crew/${position}/unmask`, { reason });

/** No sign-in: the consignee's form and its pickers. */
export const filePublicReport = (body: TruckReportBody) =>
  postWithChallenge<PublicReceipt>('/trucks/public/reports', body);
export const fetchOrigins = (parent?: string) =>
  api.get<Division[]>(`/trucks/public/origins${queryString({ parent })}`);
export const fetchDestinations = (parent?: string) =>
  api.get<Division[]>(`/trucks/public/destinations${queryString({ parent })}`);
