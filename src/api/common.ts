import { type TSchema, Type } from 'typebox';
import { SAFE_TEXT_PATTERN } from '../rules/safeText.js';
import { TUBE_BARCODE_INPUT_PATTERN } from '../rules/tubeBarcode.js';

export const SafeText = (maxLength: number, options: { minLength?: number } = {}) =>
  Type.String({ maxLength, pattern: SAFE_TEXT_PATTERN, ...options });

export const JurisdictionCode = Type.String({ pattern: '^\\d{2,15}$', maxLength: 15 });
export const IsoDate = Type.String({ format: 'date', maxLength: 10 });
export const Uuid = Type.String({ format: 'uuid' });
/** A tube barcode in a path: refused at once when it cannot name a tube (rules/tubeBarcode.ts). */
export const TubeBarcode = Type.String({ pattern: TUBE_BARCODE_INPUT_PATTERN, maxLength: 64 });
/** An instant as the API sends it: ISO 8601 in UTC (`2026-12-07T08:30:00Z`). */
export const DateTime = Type.String({ format: 'date-time', maxLength: 40 });
/** A value or null: the API sends every field, null where there is nothing. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** A field a request may leave out or send as null. */
export const OptionalNullable = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

export const FieldErrorSchema = Type.Object({
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
  message_zh: Type.String(),
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.String(),
    detail_zh: Type.String(),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { additionalProperties: true },
);

export const Paging = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
