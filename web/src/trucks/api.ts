import { api, queryString } from '../api/client';

export type TruckStatus = 'reported' | 'escorted' | 'at_checkpoint' | 'left' | 'staying';
export const TRUCK_STATUSES: readonly TruckStatus[] = [
  'reported',
  'escorted',
  'at_checkpoint',
  'staying',
  'left',
];

export interface CrewMember {
  position: number;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  personId: string | null;
  arrivalId: string | null;
}

/** A truck pre-report as staff see it (ARR-12): crew ID numbers and phones masked. */
export interface TruckReport {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  source: 'public' | 'staff';
  unitName: string;
  unitCreditCode: string;
  plate: string;
  plannedArrivalAt: string;
  originName: string;
  originDivisionCode: string | null;
  starred: boolean;
  reportedAt: string;
  late: boolean;
  leadMinutes: number;
  status: TruckStatus;
  escortName: string | null;
  escortAssignedAt: string | null;
  arrivedAt: string | null;
  leftAt: string | null;
  stayReason: string | null;
  stayFirstDate: string | null;
  stayLastDate: string | null;
  crewCount: number;
  crew?: CrewMember[];
}

export interface TruckPage {
  items: TruckReport[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TruckFilter {
  status?: TruckStatus;
  late?: boolean;
  plate?: string;
}

/** The body of a report, from the public form or staff. */
export interface TruckReportBody {
  unitName: string;
  unitCreditCode: string;
  plate: string;
  plannedArrivalAt: string;
  jurisdictionCode: string;
  originDivisionCode: string;
  starred: boolean;
  crew: Array<{ name: string; idNumber: string; phone: string }>;
}

export interface PublicReceipt {
  id: string;
  plate: string;
  plannedArrivalAt: string;
  late: boolean;
  jurisdictionName: string;
  message: string;
  message_zh: string;
}

export interface Division {
  code: string;
  name: string;
  leaf: boolean;
}

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
export const fetchTruckReport = (id: string) => api.get<TruckReport>(one(id));
export const fileTruckReport = (body: TruckReportBody) => api.post<TruckReport>('/trucks/reports', body);
export const assignEscort = (id: string, escortName: string) =>
  api.post<TruckReport>(`${one(id)}/escort`, { escortName });
export const recordArrival = (id: string, at: string) => api.post<TruckReport>(`${one(id)}/arrival`, { at });
export const recordStay = (id: string, reason: string, lastDate: string) =>
  api.post<TruckReport>(`${one(id)}/stay`, { reason, lastDate });
export const recordDeparture = (id: string, at: string) =>
  api.post<TruckReport>(`${one(id)}/departure`, { at });
export const unmaskCrew = (id: string, position: number, reason: string) =>
  api.post<{ idNumber: string; phone: string }>(`${one(id)}/crew/${position}/unmask`, { reason });

/** No sign-in: the consignee's form and its pickers. */
export const filePublicReport = (body: TruckReportBody) =>
  api.post<PublicReceipt>('/trucks/public/reports', body);
export const fetchOrigins = (parent?: string) =>
  api.get<Division[]>(`/trucks/public/origins${queryString({ parent })}`);
export const fetchDestinations = (parent?: string) =>
  api.get<Division[]>(`/trucks/public/destinations${queryString({ parent })}`);
