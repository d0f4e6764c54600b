import { type Static, Type } from 'typebox';
import { RowErrorSchema } from './bulk.js';
import { DateTime, Nullable, OptionalNullable, Page, SafeText } from './common.js';

/** Other regions' published risk areas, whole-division overrides and origin classification (ZON-5, ARR-7, ARR-9). */
export const AREA_LEVELS = ['high', 'medium', 'key_concern', 'low'] as const;
export const OVERRIDE_LEVELS = ['high', 'medium'] as const;
export const AreaLevel = Type.Enum(AREA_LEVELS);
export const OverrideLevel = Type.Enum(OVERRIDE_LEVELS);

/** An instant with its offset (ISO 8601), as every time of this API is given. */
/** Any division code, padded (310000) or not (31), down to a community (12 digits). */
export const AnyCode = Type.String({ pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$', maxLength: 12 });

/** A published risk area; `inForce` at the time the list was asked for. */
export const RiskAreaView = Type.Object({
  id: Type.String(),
  level: AreaLevel,
  divisionCode: Type.String(),
  areaName: Type.String(),
  provinceName: Nullable(Type.String()),
  cityName: Nullable(Type.String()),
  districtName: Nullable(Type.String()),
  publishedAt: Type.String({ format: 'date-time' }),
  liftedAt: Nullable(Type.String({ format: 'date-time' })),
  publisher: Type.String(),
  sourceUrl: Nullable(Type.String()),
  inForce: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

/** A page of areas and the instant `inForce` refers to. */
export const AreaPageView = Type.Object({
  ...Page(RiskAreaView).properties,
  at: Type.String(),
});

/** ARR-9 whole-division override (全域参照高风险地区管控). */
export const OverrideView = Type.Object({
  id: Type.String(),
  divisionPrefix: Type.String(),
  name: Type.String(),
  treatAs: OverrideLevel,
  validFrom: Type.String({ format: 'date-time' }),
  validUntil: Nullable(Type.String({ format: 'date-time' })),
  reason: Type.String(),
  inForce: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ClassificationView = Type.Object({
  code: Type.String({ description: 'The origin code as classified (GB/T 2260 padding removed)' }),
  at: Type.String({ format: 'date-time' }),
  originRisk: Nullable(AreaLevel),
  originDistrictRisk: Nullable(OverrideLevel),
  areas: Type.Array(
    Type.Object({
      id: Type.String(),
      level: AreaLevel,
      areaName: Type.String(),
      divisionCode: Type.String(),
      relation: Type.Enum(['contains', 'district']),
    }),
  ),
  overrides: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      divisionPrefix: Type.String(),
      treatAs: OverrideLevel,
    }),
  ),
});

/** What an import of published areas did, with every rejected row. */
export const AreaImportReportView = Type.Object({
  total: Type.Integer(),
  created: Type.Integer(),
  lifted: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  superseded: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
});

export const AreaBody = Type.Object(
  {
    level: AreaLevel,
    divisionCode: Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', maxLength: 12 }),
    areaName: OptionalNullable(SafeText(200)),
    provinceName: OptionalNullable(SafeText(50)),
    cityName: OptionalNullable(SafeText(50)),
    districtName: OptionalNullable(SafeText(50)),
    publishedAt: DateTime,
    liftedAt: OptionalNullable(DateTime),
    publisher: SafeText(100, { minLength: 1 }),
    sourceUrl: OptionalNullable(Type.String({ maxLength: 500, pattern: '^https?://[^\\s<>"]+$' })),
  },
  { additionalProperties: false },
);

export const OverrideBody = Type.Object(
  {
    divisionCode: AnyCode,
    name: SafeText(100, { minLength: 1 }),
    treatAs: Type.Optional(OverrideLevel),
    validFrom: DateTime,
    validUntil: OptionalNullable(DateTime),
    reason: SafeText(500, { minLength: 1 }),
  },
  { additionalProperties: false },
);

export type AreaLevel = Static<typeof AreaLevel>;
export type OverrideLevel = Static<typeof OverrideLevel>;
export type RiskArea = Static<typeof RiskAreaView>;
export type AreaPage = Static<typeof AreaPageView>;
export type RiskOverride = Static<typeof OverrideView>;
export type Classification = Static<typeof ClassificationView>;
export type AreaRowError = Static<typeof RowErrorSchema>;
export type AreaImportReport = Static<typeof AreaImportReportView>;
export type AreaBody = Static<typeof AreaBody>;
export type OverrideBody = Static<typeof OverrideBody>;
