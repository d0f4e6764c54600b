import { stdnum } from 'stdnum';

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

export type IdProblem = 'required' | 'length' | 'format' | 'checksum' | 'birth_date';

export type IdCheck =
  | { ok: true; normalized: string; birthDate?: string; sex?: 'male' | 'female' }
  | { ok: false; problem: IdProblem };

/** GB 11643 (中国居民身份证) from stdnum; present in every release of the package. */
const ric = stdnum.CN!.ric!;
const RESIDENT_ID = /^\d{17}[\dX]$/;
const OTHER_ID = /^[A-Z0-9-]{4,30}$/;

/**
 * Validates a citizen ID number per GB 11643: 18 characters, ISO 7064 MOD 11-2 check digit,
 * and a real birth date that is not after `today` (YYYY-MM-DD in the jurisdiction's zone).
 */
export function checkResidentId(raw: string, today: string): IdCheck {
  const value = raw.trim().toUpperCase();
  if (value === '') return { ok: false, problem: 'required' };
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!RESIDENT_ID.test(value)) return { ok: false, problem: 'format' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate > today || birthDate < '1880-01-01') {
    return { ok: false, problem: 'birth_date' };
  }
  if (!ric.validate(value).isValid) return { ok: false, problem: 'checksum' };
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalized: value, birthDate, sex };
}

export function checkIdNumber(type: IdType, raw: string, today: string): IdCheck {
  if (type === 'resident_id') return checkResidentId(raw, today);
  const value = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (value === '') return { ok: false, problem: 'required' };
  if (!OTHER_ID.test(value)) return { ok: false, problem: 'format' };
  return { ok: true, normalized: value };
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Appends the GB 11643 check digit to a 17-digit body (used to make valid synthetic IDs). */
export function withCheckDigit(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * weights[i]!;
  return body17 + '10X98765432'[sum % 11];
}
