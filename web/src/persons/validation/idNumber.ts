import type { IdType } from '../api';

/** The API's field codes for ID number problems (src/modules/persons/validate.ts). */
export type IdProblemCode = 'required' | 'id_length' | 'id_format' | 'id_checksum' | 'id_birth_date';

export type IdCheck =
  | { ok: true; normalized: string; birthDate?: string; sex?: 'male' | 'female' }
  | { ok: false; code: IdProblemCode };

const RESIDENT_ID = /^\d{17}[\dX]$/;
const OTHER_ID = /^[A-Z0-9-]{4,30}$/;
// GB 11643 / ISO 7064 MOD 11-2: weights 2^(17-i) mod 11 of the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1880-01-01';

export function checkDigit(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

function isRealDate(iso: string): boolean {
  const [y = 0, m = 0, d = 0] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A citizen ID number per GB 11643, checked in the server's order so the first message matches:
 * 18 characters, 17 digits and a digit or X, a real birth date not after `today`, the check digit.
 */
export function checkResidentId(raw: string, today: string): IdCheck {
  const value = raw.trim().toUpperCase();
  if (value === '') return { ok: false, code: 'required' };
  if (value.length !== 18) return { ok: false, code: 'id_length' };
  if (!RESIDENT_ID.test(value)) return { ok: false, code: 'id_format' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate > today || birthDate < EARLIEST_BIRTH_DATE) {
    return { ok: false, code: 'id_birth_date' };
  }
  if (checkDigit(value.slice(0, 17)) !== value[17]) return { ok: false, code: 'id_checksum' };
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalized: value, birthDate, sex };
}

/** Passports and permits: 4–30 letters, digits or hyphens, spaces ignored. */
export function checkIdNumber(type: IdType, raw: string, today: string): IdCheck {
  if (type === 'resident_id') return checkResidentId(raw, today);
  const value = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (value === '') return { ok: false, code: 'required' };
  if (!OTHER_ID.test(value)) return { ok: false, code: 'id_format' };
  return { ok: true, normalized: value };
}
