/** Free text from people: no markup and no control characters, so it is safe wherever it is shown. */
export const SAFE_TEXT_PATTERN = '^[^<>\\u0000-\\u001f\\u007f]*$';
const SAFE_TEXT = new RegExp(SAFE_TEXT_PATTERN, 'u');

export function isSafeText(value: string): boolean {
  return SAFE_TEXT.test(value);
}
