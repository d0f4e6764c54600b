import dayjs, { type Dayjs } from 'dayjs';
import type { IdType, Person, PersonBody, Sex, UnmaskedPerson } from './api';
import { isIdType } from './api';

/** What the person form holds; converted to the API body on submit. */
export interface PersonFormValues {
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  sex?: Sex | null;
  birthDate?: Dayjs | null;
  jurisdictionCode?: string;
  address?: string;
  employer?: string;
  householdCode?: string;
  keyGroups: string[];
}

export const PERSON_FIELDS = [
  'name',
  'idType',
  'idNumber',
  'phone',
  'sex',
  'birthDate',
  'jurisdictionCode',
  'address',
  'employer',
  'householdCode',
  'keyGroups',
] as const satisfies readonly (keyof PersonFormValues)[];

export const EMPTY_PERSON: PersonFormValues = {
  name: '',
  idType: 'resident_id',
  idNumber: '',
  keyGroups: [],
};

/** Blank optional text is sent as null: the API refuses "" for optional fields. */
function optional(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * `keepMaskedBlank`: editing a record whose ID number and phone are shown masked; a field left blank
 * is omitted, which tells the API to keep the stored value.
 */
export function toPersonBody(values: PersonFormValues, keepMaskedBlank = false): PersonBody {
  const idNumber = values.idNumber.trim().toUpperCase();
  const phone = optional(values.phone);
  return {
    name: values.name.trim(),
    idType: values.idType,
    ...(keepMaskedBlank && idNumber === '' ? {} : { idNumber }),
    ...(keepMaskedBlank && phone === null ? {} : { phone }),
    sex: values.sex ?? null,
    birthDate: values.birthDate ? values.birthDate.format('YYYY-MM-DD') : null,
    jurisdictionCode: values.jurisdictionCode ?? '',
    address: optional(values.address),
    employer: optional(values.employer),
    householdCode: optional(values.householdCode),
    keyGroups: values.keyGroups,
  };
}

/**
 * The form for editing `person`. The API shows ID number and phone only masked, so they are filled
 * in only when the user has unmasked them; otherwise they stay blank, meaning "unchanged".
 */
export function fromPerson(person: Person, unmasked: UnmaskedPerson | null): PersonFormValues {
  return {
    name: person.name,
    idType: isIdType(person.idType) ? person.idType : 'other',
    idNumber: unmasked?.idNumber ?? '',
    phone: unmasked?.phone ?? '',
    sex: person.sex,
    birthDate: person.birthDate ? dayjs(person.birthDate) : null,
    jurisdictionCode: person.jurisdictionCode,
    address: person.address ?? '',
    employer: person.employer ?? '',
    householdCode: person.householdCode ?? '',
    keyGroups: person.keyGroups,
  };
}
