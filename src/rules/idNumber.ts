/** The identity documents a person can be registered with. */
export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];

/** What is wrong with an ID number, named as the API's field error codes. */
type IdProblem = 'required' | 'id_length' | 'id_format' | 'id_checksum' | 'id_birth_date';

export type IdCheck =
  | { ok: true; normalized: string; birthDate?: string; sex?: 'male' | 'female' }
  | { ok: false; problem: IdProblem };

const RESIDENT_ID = /^\d{17}[\dX]$/;
const OTHER_ID = /^[A-Z0-9-]{4,30}$/;
// GB 11643 check digit, ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1880-01-01';

/** The check character of a 17-digit body. */
function checkDigit(body17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + Number(body17.charAt(i)) * weight, 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** Appends the GB 11643 check digit to a 17-digit body (used to make valid synthetic IDs). */
export function withCheckDigit(body17: string): string {
  return body17 + checkDigit(body17);
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Validates a citizen ID number per GB 11643: 18 characters, 17 digits and a digit or X, a real
 * birth date not after `today` (YYYY-MM-DD in the jurisdiction's zone), the check digit. Shared by
 * the API and the web forms, so both say the same thing in the same order.
 */
export function checkResidentId(raw: string, today: string): IdCheck {
  const value = raw.trim().toUpperCase();
  if (value === '') return { ok: false, problem: 'required' };
  if (value.length !== 18) return { ok: false, problem: 'id_length' };
  if (!RESIDENT_ID.test(value)) return { ok: false, problem: 'id_format' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate > today || birthDate < EARLIEST_BIRTH_DATE) {
    return { ok: false, problem: 'id_birth_date' };
  }
  if (checkDigit(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'id_checksum' };
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalized: value, birthDate, sex };
}

/** Passports and permits: 4–30 letters, digits or hyphens, spaces ignored. */
export function checkIdNumber(type: IdType, raw: string, today: string): IdCheck {
  if (type === 'resident_id') return checkResidentId(raw, today);
  const value = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (value === '') return { ok: false, problem: 'required' };
  if (!OTHER_ID.test(value)) return { ok: false, problem: 'id_format' };
  return { ok: true, normalized: value };
}
