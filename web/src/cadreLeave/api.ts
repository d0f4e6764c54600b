import { api, queryString } from '../api/client';

export type LeaveStatus = 'pending' | 'approved' | 'rejected' | 'returned';
export const LEAVE_STATUSES: readonly LeaveStatus[] = ['pending', 'approved', 'rejected', 'returned'];

/** A leave application (ARR-14) with its approver and return report. */
export interface Leave {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  personId: string;
  personName: string;
  personIdNumberMasked: string;
  destinationName: string;
  destinationDivisionCode: string | null;
  reason: string;
  leaveDate: string;
  plannedReturnDate: string;
  status: LeaveStatus;
  appliedByName: string;
  appliedAt: string;
  applicantScope: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  returnDueAt: string | null;
  returnOverdue: boolean;
  returnedAt: string | null;
  returnOriginName: string | null;
  returnOriginDivisionCode: string | null;
  returnReportedAt: string | null;
  arrivalId: string | null;
  plan: {
    packId: string;
    packVersion: string;
    protocolId: string;
    ruleId: string;
    releaseDate: string;
  } | null;
}

export interface LeavePage {
  items: Leave[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ApplyBody {
  personId: string;
  destinationName: string;
  destinationDivisionCode: string;
  reason: string;
  leaveDate: string;
  plannedReturnDate: string;
}

export interface ReturnBody {
  returnedAt: string;
  originDivisionCode?: string;
  negativeNatAt?: string | null;
  homeIsolationConditions?: boolean | null;
}

export interface PersonOption {
  id: string;
  name: string;
  idNumberMasked: string;
  jurisdictionName: string;
}

export const leaveKeys = {
  list: (status: LeaveStatus | undefined, page: number, pageSize: number) =>
    ['cadre-leaves', 'list', status, page, pageSize] as const,
};

const one = (id: string) => `/cadre-leaves/${encodeURIComponent(id)}`;

export const fetchLeaves = (status: LeaveStatus | undefined, page: number, pageSize: number) =>
  api.get<LeavePage>(`/cadre-leaves${queryString({ status, page, pageSize })}`);
export const applyForLeave = (body: ApplyBody) => api.post<Leave>('/cadre-leaves', body);
export const decideLeave = (id: string, decision: 'approved' | 'rejected', note: string) =>
  api.post<Leave>(`${one(id)}/decision`, note ? { decision, note } : { decision });
export const reportReturn = (id: string, body: ReturnBody) => api.post<Leave>(`${one(id)}/return`, body);
export const searchPersons = (q: string) =>
  api
    .get<{ items: PersonOption[] }>(`/persons${queryString({ q, pageSize: 10 })}`)
    .then((page) => page.items);
