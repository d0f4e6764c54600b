import { Type } from 'typebox';

/** An instant with its offset (ISO 8601), as every time of this module's API is given. */
export const DateTime = Type.String({ format: 'date-time', maxLength: 40 });
/** Any division code, padded (310000) or not (31), down to a community (12 digits). */
export const AnyCode = Type.String({ pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$', maxLength: 12 });
