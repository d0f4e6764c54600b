const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** A mainland mobile (11 digits from 1) or a landline with area code, as the API accepts it. */
export function normalizePhone(raw: string): string | undefined {
  const value = raw
    .trim()
    .replace(/[\s()]/g, '')
    .replace(/^\+?86/, '');
  return PHONE.test(value) ? value.replace('-', '') : undefined;
}
