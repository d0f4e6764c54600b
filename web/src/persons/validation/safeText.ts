const DELETE = 0x7f;
const FIRST_PRINTABLE = 0x20;

/** Markup and control characters, refused by the API in every free-text field (SAFE_TEXT_PATTERN). */
export function isUnsafeText(value: string): boolean {
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    if (character === '<' || character === '>' || code < FIRST_PRINTABLE || code === DELETE) return true;
  }
  return false;
}
