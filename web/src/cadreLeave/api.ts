import type {
  ApplyInput,
  DecisionBody,
  LeavePage,
  LeaveStatus,
  LeaveView,
  ReturnInput,
} from '../../../src/api/cadreLeave';
import type { Person, PersonPage } from '../../../src/api/persons';
import { api, queryString } from '../api/client';

export type {
  ApplyInput as ApplyBody,
  LeavePage,
  LeaveStatus,
  LeaveView as Leave,
  ReturnInput as ReturnBody,
} from '../../../src/api/cadreLeave';
export const LEAVE_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'returned',
  'withdrawn',
] as const satisfies readonly LeaveStatus[];

/** A person to pick for an application: the fields the picker shows of a person search. */
export type PersonOption = Pick<Person, 'id' | 'name' | 'idNumberMasked' | 'jurisdictionName'>;

export const leaveKeys = {
  list: (status: LeaveStatus | undefined, page: number, pageSize: number) =>
    ['cadre-leaves', 'list', status, page, pageSize] as const,
};

const one = (id: string) => `/cadre-leaves/${encodeURIComponent(id)}`;

export const fetchLeaves = (status: LeaveStatus | undefined, page: number, pageSize: number) =>
  api.get<LeavePage>(`/cadre-leaves${queryString({ status, page, pageSize })}`);
export const applyForLeave = (body: ApplyInput) => api.post<LeaveView>('/cadre-leaves', body);
export const decideLeave = (id: string, decision: DecisionBody['decision'], note: string) =>
  api.post<LeaveView>(`${one(id)}/decision`, note ? { decision, note } : { decision });
export const reportReturn = (id: string, body: ReturnInput) => api.post<LeaveView>(`${one(id)}/return`, body);
export const withdrawLeave = (id: string, reason: string) =>
  api.post<LeaveView>(`${one(id)}/withdraw`, { reason });
export const searchPersons = (q: string) =>
  api.get<PersonPage>(`/persons${queryString({ q, pageSize: 10 })}`).then((page) => page.items);
