/**
 * Masked forms shown by default: 110105********002X (resident IDs keep region and last four),
 * E1*****78 for shorter documents, and 138****5678 for phones.
 */
export function maskIdNumber(value: string): string {
  if (value.length >= 15) return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
  if (value.length >= 5) return `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
  return '*'.repeat(value.length);
}

export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** Mainland mobile (11 digits starting with 1) or a landline with area code. */
export function normalizePhone(raw: string): string | undefined {
  const value = raw
    .trim()
    .replace(/[\s()]/g, '')
    .replace(/^\+?86/, '');
  return PHONE.test(value) ? value.replace('-', '') : undefined;
}
