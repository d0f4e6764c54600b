import type { KeyGroupOption, Person, PersonPage, Sex, UnmaskedPerson } from '../../../src/api/persons';
import { ID_TYPES } from '../../../src/rules/idNumber';
import { api, queryString } from '../api/client';

export { ID_TYPES };
export type IdType = (typeof ID_TYPES)[number];

export type { KeyGroupOption, Person, PersonPage, Sex, UnmaskedPerson } from '../../../src/api/persons';

/** The body of POST /api/persons; empty optional fields are null, never "". */
export interface PersonBody {
  name: string;
  idType: IdType;
  /** Omitted on an edit: keep the stored number. */
  idNumber?: string;
  /** Omitted on an edit: keep the stored phone; null clears it. */
  phone?: string | null;
  sex: Sex | null;
  birthDate: string | null;
  jurisdictionCode: string;
  address: string | null;
  employer: string | null;
  householdCode: string | null;
  keyGroups: string[];
}

export interface PersonFilter {
  q?: string;
  idNumber?: string;
  phone?: string;
  jurisdiction?: string;
  keyGroup?: string;
}

export function isIdType(value: string): value is IdType {
  return ID_TYPES.includes(value as IdType);
}

export const personKeys = {
  list: (filter: PersonFilter, page: number, pageSize: number) =>
    ['persons', 'list', filter, page, pageSize] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
  keyGroups: ['persons', 'key-groups'] as const,
};

export const fetchPersons = (filter: PersonFilter, page: number, pageSize: number) =>
  api.get<PersonPage>(`/persons${queryString({ ...filter, page, pageSize })}`);

export const fetchPerson = (id: string) => api.get<Person>(`/persons/${encodeURIComponent(id)}`);
export const fetchKeyGroups = () => api.get<KeyGroupOption[]>('/persons/key-groups');
export const createPerson = (body: PersonBody) => api.post<Person>('/persons', body);

export const updatePerson = (id: string, version: number, body: PersonBody) =>
  api.put<Person>(`/persons/${encodeURIComponent(id)}`, { ...body, version });

export const unmaskPerson = (id: string, reason: string) =>
  api.post<UnmaskedPerson>(`/persons/${encodeURIComponent(id)}/unmask`, { reason });

/** The spreadsheet of every person matching the filter (the server streams it). */
export const exportUrl = (filter: PersonFilter) => `/api/persons/export.xlsx${queryString({ ...filter })}`;
