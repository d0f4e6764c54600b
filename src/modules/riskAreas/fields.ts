import { type FieldError, fieldError } from '../../platform/errors.js';
import { AREA_LEVELS, type AreaLevel, canonicalDivisionCode } from '../../rules/riskClassification.js';
import { isSafeText } from '../../rules/safeText.js';

/** A published area as it arrives (API body or import row), times already parsed. */
export interface AreaInput {
  level: string;
  divisionCode: string;
  areaName?: string | null;
  provinceName?: string | null;
  cityName?: string | null;
  districtName?: string | null;
  publishedAt: Date;
  liftedAt?: Date | null;
  publisher: string;
  sourceUrl?: string | null;
}

/** A checked area: canonical code; `areaName` null until named from the jurisdictions table. */
export interface AreaFields {
  level: AreaLevel;
  divisionCode: string;
  areaName: string | null;
  provinceName: string | null;
  cityName: string | null;
  districtName: string | null;
  publishedAt: Date;
  liftedAt: Date | null;
  publisher: string;
  sourceUrl: string | null;
}

export type AreaField = keyof AreaFields;

const URL_PATTERN = /^https?:\/\/[^\s<>"]+$/;
/** Areas are published down to counties, towns or communities (GB/T 2260 and statistical codes). */
const PUBLISHED_CODE = /^(\d{6}|\d{9}|\d{12})$/;

/** Text limits shared by the API schema and the import. */
const LIMITS = { areaName: 200, place: 50, publisher: 100, sourceUrl: 500 } as const;

function text(
  errors: FieldError[],
  field: AreaField,
  value: string | null | undefined,
  max: number,
  required = false,
): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) errors.push(fieldError(field, 'required'));
    return null;
  }
  if (trimmed.length > max) errors.push(fieldError(field, 'too_long'));
  else if (!isSafeText(trimmed)) errors.push(fieldError(field, 'unsafe_text'));
  return trimmed;
}

const validTime = (date: Date | null | undefined): date is Date =>
  date instanceof Date && !Number.isNaN(date.getTime());

/** Checks everything about one area that needs no database. */
export function checkArea(input: AreaInput): { fields?: AreaFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const level = AREA_LEVELS.find((l) => l === input.level);
  if (!level) errors.push(fieldError('level', 'risk_level_unknown'));
  const rawCode = input.divisionCode?.trim() ?? '';
  const divisionCode = PUBLISHED_CODE.test(rawCode) ? canonicalDivisionCode(rawCode) : undefined;
  if (!rawCode) errors.push(fieldError('divisionCode', 'required'));
  else if (!divisionCode) errors.push(fieldError('divisionCode', 'division_code_format'));
  const areaName = text(errors, 'areaName', input.areaName, LIMITS.areaName);
  const provinceName = text(errors, 'provinceName', input.provinceName, LIMITS.place);
  const cityName = text(errors, 'cityName', input.cityName, LIMITS.place);
  const districtName = text(errors, 'districtName', input.districtName, LIMITS.place);
  const publisher = text(errors, 'publisher', input.publisher, LIMITS.publisher, true);
  const sourceUrl = text(errors, 'sourceUrl', input.sourceUrl, LIMITS.sourceUrl);
  if (sourceUrl && !URL_PATTERN.test(sourceUrl)) errors.push(fieldError('sourceUrl', 'format'));
  if (!validTime(input.publishedAt)) errors.push(fieldError('publishedAt', 'datetime_format'));
  const liftedAt = input.liftedAt ?? null;
  if (liftedAt !== null && !validTime(liftedAt)) errors.push(fieldError('liftedAt', 'datetime_format'));
  else if (liftedAt && validTime(input.publishedAt) && liftedAt <= input.publishedAt) {
    errors.push(fieldError('liftedAt', 'lifted_before_published'));
  }
  if (errors.length > 0 || !level || !divisionCode || !publisher) return { errors };
  return {
    errors,
    fields: {
      level,
      divisionCode,
      areaName,
      provinceName,
      cityName,
      districtName,
      publishedAt: input.publishedAt,
      liftedAt,
      publisher,
      sourceUrl,
    },
  };
}
