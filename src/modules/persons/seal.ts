import type { PiiCipher } from '../../platform/pii/cipher.js';
import { type SealedIdentifiers, sealIdentifiers } from '../../platform/pii/seal.js';
import type { PersonFields } from './validate.js';

/** Column values of a person as stored: personal identifiers encrypted, hashed and masked. */
export interface SealedPerson extends SealedIdentifiers {
  jurisdiction_code: string;
  name: string;
  id_type: string;
  sex: string | null;
  birth_date: string | null;
  address: string | null;
  employer: string | null;
  household_code: string | null;
  key_groups: string[];
}

export const SEALED_COLUMNS: ReadonlyArray<keyof SealedPerson> = [
  'jurisdiction_code',
  'name',
  'id_type',
  'id_cipher',
  'id_hash',
  'id_masked',
  'phone_cipher',
  'phone_hash',
  'phone_masked',
  'sex',
  'birth_date',
  'address',
  'employer',
  'household_code',
  'key_groups',
];

export function sealPerson(cipher: PiiCipher, fields: PersonFields): SealedPerson {
  return {
    jurisdiction_code: fields.jurisdictionCode,
    name: fields.name,
    id_type: fields.idType,
    ...sealIdentifiers(cipher, fields.idNumber, fields.phone),
    sex: fields.sex,
    birth_date: fields.birthDate,
    address: fields.address,
    employer: fields.employer,
    household_code: fields.householdCode,
    key_groups: fields.keyGroups,
  };
}
