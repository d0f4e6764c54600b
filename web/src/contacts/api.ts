import type {
  BatchBodyT,
  BatchResultT,
  ContactClassT,
  ContactPageT,
  ContactViewT,
  CreateBodyT,
  SecondaryCandidatesT,
} from '../../../src/api/contacts';
import { api, queryString } from '../api/client';

export type Contact = ContactViewT;
export type ContactRow = ContactPageT['items'][number];
export type ContactClass = ContactClassT;
export type Candidates = SecondaryCandidatesT;
export const CLASSES = ['close', 'secondary_close', 'general'] as const satisfies readonly ContactClass[];
const STATUSES = ['identified', 'under_control', 'released', 'discarded'] as const;
export type ContactStatus = (typeof STATUSES)[number];

export interface ContactFilter {
  caseId?: string | undefined;
  class?: ContactClass | undefined;
  status?: ContactStatus | undefined;
  jurisdiction?: string | undefined;
  open?: boolean | undefined;
}

export const contactKeys = {
  all: ['contacts'] as const,
  list: (filter: ContactFilter, page: number) => ['contacts', 'list', filter, page] as const,
  one: (id: string) => ['contacts', 'one', id] as const,
  candidates: (id: string) => ['contacts', 'candidates', id] as const,
};

const one = (id: string) => `/contacts/${encodeURIComponent(id)}`;

export const fetchContacts = (filter: ContactFilter, page: number, pageSize: number) =>
  api.get<ContactPageT>(
    `/contacts${queryString({ ...filter, open: filter.open ? 'true' : undefined, page, pageSize })}`,
  );
export const fetchContact = (id: string) => api.get<Contact>(one(id));
export const fetchCandidates = (id: string) => api.get<Candidates>(`${one(id)}/secondary-candidates`);
export const createContact = (body: CreateBodyT) => api.post<Contact>('/contacts', body);
export const createBatch = (body: BatchBodyT) => api.post<BatchResultT>('/contacts/batch', body);
export const reclassifyContact = (id: string, cls: ContactClass, reason: string) =>
  api.post<Contact>(`${one(id)}/reclassify`, { class: cls, reason });
export const closeContact = (id: string, how: 'release' | 'discard', reason: string) =>
  api.post<Contact>(`${one(id)}/${how}`, { reason });
export const acceptContact = (id: string) => api.post<Contact>(`${one(id)}/accept`);
