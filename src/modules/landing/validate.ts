import { type FieldError, fieldError } from '../../platform/errors.js';
import { FUTURE_TOLERANCE_MS } from '../../rules/clockSkew.js';
import { ID_TYPES, type IdType } from '../../rules/idNumber.js';
import { validatePerson } from '../persons/index.js';
import { originName } from './origins.js';

/** A landing-code report as the traveller (or staff on their behalf) enters it. */
export interface ReportInput {
  name: string;
  idType?: IdType | undefined;
  idNumber: string;
  phone: string;
  origin: 'domestic' | 'overseas';
  originDivisionCode?: string | null | undefined;
  originCountry?: string | null | undefined;
  enteredAt?: string | null | undefined;
  portIsolationDays?: number | null | undefined;
  leftOriginAt: string;
  arrivedAt: string;
  destinationCode: string;
  address: string;
  homeIsolationConditions: boolean;
  negativeNatAt?: string | null | undefined;
  itineraryStar: boolean;
  truckDriver: boolean;
}

export interface ReportFields {
  name: string;
  idType: IdType;
  idNumber: string;
  phone: string;
  origin: 'domestic' | 'overseas';
  originDivisionCode: string | null;
  originName: string | null;
  originCountry: string | null;
  enteredAt: Date | null;
  portIsolationDays: number | null;
  leftOriginAt: Date;
  arrivedAt: Date;
  destinationCode: string;
  address: string;
  homeIsolationConditions: boolean;
  negativeNatAt: Date | null;
  itineraryStar: boolean;
  truckDriver: boolean;
}

/** A landing report is made on arrival; one a month late is a mistake (a wrong year, say). */
const OLDEST_ARRIVAL_MS = 30 * 24 * 3_600_000;

function instant(errors: FieldError[], field: string, value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    errors.push(fieldError(field, 'format'));
    return null;
  }
  return date;
}

function timeErrors(
  errors: FieldError[],
  fields: Pick<ReportFields, 'arrivedAt'>,
  now: Date,
  others: Record<string, Date | null>,
) {
  const arrived = fields.arrivedAt.getTime();
  if (arrived > now.getTime() + FUTURE_TOLERANCE_MS) errors.push(fieldError('arrivedAt', 'in_future'));
  else if (arrived < now.getTime() - OLDEST_ARRIVAL_MS) errors.push(fieldError('arrivedAt', 'range'));
  for (const [field, value] of Object.entries(others)) {
    if (value && value.getTime() > arrived) errors.push(fieldError(field, 'after_arrival'));
  }
}

/**
 * Checks a report field by field (ARR-11: every problem named, in both languages) and returns
 * either the clean fields or every error at once. The destination's place in the landing code's
 * area is checked against the database by the caller.
 */
export function validateReport(
  input: ReportInput,
  now: Date,
  today: string,
): { fields?: ReportFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const idType = input.idType ?? 'resident_id';
  const person = validatePerson(
    {
      name: input.name,
      idType,
      idNumber: input.idNumber,
      phone: input.phone,
      jurisdictionCode: input.destinationCode,
    },
    today,
  );
  for (const error of person.errors)
    errors.push(error.field === 'jurisdictionCode' ? fieldError('destinationCode', error.code) : error);
  if (!input.phone?.trim()) errors.push(fieldError('phone', 'required'));
  if (!ID_TYPES.includes(idType)) errors.push(fieldError('idType', 'enum'));

  const address = input.address.trim();
  if (address === '') errors.push(fieldError('address', 'required'));

  let originDivisionCode: string | null = null;
  let place: string | null = null;
  let originCountry: string | null = null;
  let enteredAt: Date | null = null;
  let portIsolationDays: number | null = null;
  if (input.origin === 'domestic') {
    originDivisionCode = input.originDivisionCode?.trim() || null;
    if (!originDivisionCode) errors.push(fieldError('originDivisionCode', 'origin_code_required'));
    else {
      place = originName(originDivisionCode) ?? null;
      if (!place) errors.push(fieldError('originDivisionCode', 'jurisdiction_unknown'));
    }
  } else {
    originCountry = input.originCountry?.trim() || null;
    if (!originCountry) errors.push(fieldError('originCountry', 'required'));
    enteredAt = instant(errors, 'enteredAt', input.enteredAt);
    if (!input.enteredAt) errors.push(fieldError('enteredAt', 'required'));
    portIsolationDays = input.portIsolationDays ?? null;
    if (portIsolationDays === null) errors.push(fieldError('portIsolationDays', 'required'));
  }

  const arrivedAt = instant(errors, 'arrivedAt', input.arrivedAt);
  const leftOriginAt = instant(errors, 'leftOriginAt', input.leftOriginAt);
  const negativeNatAt = instant(errors, 'negativeNatAt', input.negativeNatAt);
  if (arrivedAt) timeErrors(errors, { arrivedAt }, now, { leftOriginAt, enteredAt, negativeNatAt });

  if (errors.length > 0 || !person.fields || !arrivedAt || !leftOriginAt) return { errors };
  return {
    errors,
    fields: {
      name: person.fields.name,
      idType,
      idNumber: person.fields.idNumber,
      phone: person.fields.phone ?? '',
      origin: input.origin,
      originDivisionCode,
      originName: place ?? originCountry,
      originCountry,
      enteredAt,
      portIsolationDays,
      leftOriginAt,
      arrivedAt,
      destinationCode: input.destinationCode,
      address,
      homeIsolationConditions: input.homeIsolationConditions,
      negativeNatAt,
      itineraryStar: input.itineraryStar,
      truckDriver: input.truckDriver,
    },
  };
}
