import type { Static } from 'typebox';
import type {
  AwaitingListView,
  HospitalDetailView,
  HospitalInput,
  HospitalListView,
  HospitalUpdate,
  HospitalView,
  StayView,
  TransferInput,
} from '../../../src/api/hospitals';
import { api, queryString } from '../api/client';

export type Hospital = HospitalView;
export type Stay = StayView;
export type HospitalList = Static<typeof HospitalListView>;
export type HospitalDetail = Static<typeof HospitalDetailView>;
export type Awaiting = Static<typeof AwaitingListView>['items'][number];
export type { HospitalInput, HospitalUpdate, TransferInput };

export const HOSPITAL_KINDS = ['designated', 'fever_clinic', 'mobile_cabin'] as const;
export const HOSPITAL_STATUSES = ['in_use', 'standby'] as const;

export const hospitalKeys = {
  all: ['hospitals'] as const,
  list: (jurisdiction: string | undefined, filters: Record<string, string | undefined>) =>
    ['hospitals', 'list', jurisdiction, filters] as const,
  awaiting: (jurisdiction: string | undefined) => ['hospitals', 'awaiting', jurisdiction] as const,
  one: (id: string) => ['hospitals', 'one', id] as const,
};

const one = (id: string) => `/hospitals/${encodeURIComponent(id)}`;
const stay = (id: string) => `/hospital-stays/${encodeURIComponent(id)}`;

export const fetchHospitals = (
  jurisdiction: string | undefined,
  filters: Record<string, string | undefined> = {},
) => api.get<HospitalList>(`/hospitals${queryString({ jurisdiction, ...filters })}`);
export const fetchAwaiting = (jurisdiction: string | undefined) =>
  api.get<Static<typeof AwaitingListView>>(`/hospitals/awaiting-transfer${queryString({ jurisdiction })}`);
export const fetchHospital = (id: string) => api.get<HospitalDetail>(one(id));
export const registerHospital = (body: HospitalInput) => api.post<Hospital>('/hospitals', body);
export const updateHospital = (id: string, body: HospitalUpdate) => api.put<Hospital>(one(id), body);
export const requestTransfer = (hospitalId: string, body: TransferInput) =>
  api.post<Stay>(`${one(hospitalId)}/transfers`, body);
export const recordEmptied = (id: string, note: string) =>
  api.post<Hospital>(`${one(id)}/emptied`, note ? { note } : {});
export const stepStay = (id: string, step: 'depart' | 'admit') => api.post<Stay>(`${stay(id)}/${step}`, {});
export const dischargeStay = (id: string, note: string) =>
  api.post<Stay>(`${stay(id)}/discharge`, note ? { note } : {});
export const cancelStay = (id: string, reason: string) => api.post<Stay>(`${stay(id)}/cancel`, { reason });
