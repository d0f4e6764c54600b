import { type FieldError, fieldError } from '../../platform/errors.js';
import type { HealthCode } from '../../rules/checkpointOutcome.js';
import { FUTURE_TOLERANCE_MS } from '../../rules/clockSkew.js';
import { checkResidentId } from '../../rules/idNumber.js';
import { normalizePhone } from '../../rules/mask.js';
import { isSafeText } from '../../rules/safeText.js';

/** One traveller as the checkpoint's phone sends it (HC-3: identity, code, itinerary, NAT proof). */
export interface PassInput {
  id?: string | undefined;
  name: string;
  idNumber: string;
  phone?: string | null | undefined;
  healthCode: HealthCode;
  temperature: number;
  origin: 'domestic' | 'overseas';
  originDivisionCode?: string | null | undefined;
  originName?: string | null | undefined;
  originCountry?: string | null | undefined;
  /** When the traveller left the origin (itinerary card); default: now. */
  leftOriginAt?: string | null | undefined;
  /** The NAT proof's sampling time, if shown. */
  natAt?: string | null | undefined;
  destinationCode: string;
  plate?: string | null | undefined;
  /** HC-3: 进 (in) or 出 (out); unrecorded when absent. */
  direction?: 'in' | 'out' | null | undefined;
  /** HC-3: the itinerary card (行程卡) shown or not, and the places it listed. */
  itineraryShown?: boolean | null | undefined;
  itineraryPlaces?: string[] | undefined;
  registerEveryArrival?: boolean | undefined;
}

export interface PassFields {
  name: string;
  idNumber: string;
  phone: string | null;
  healthCode: HealthCode;
  temperature: number;
  origin: 'domestic' | 'overseas';
  originDivisionCode: string | null;
  originName: string | null;
  originCountry: string | null;
  leftOriginAt: Date;
  natAt: Date | null;
  destinationCode: string;
  plate: string | null;
  direction: 'in' | 'out' | null;
  itineraryShown: boolean | null;
  itineraryPlaces: string[] | null;
}

const LIMITS = { name: 50, originName: 100, originCountry: 60, plate: 12 } as const;

function text(
  errors: FieldError[],
  field: keyof typeof LIMITS,
  value: string | null | undefined,
  required = false,
) {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (required) errors.push(fieldError(field, 'required'));
    return null;
  }
  if (trimmed.length > LIMITS[field]) errors.push(fieldError(field, 'too_long'));
  else if (!isSafeText(trimmed)) errors.push(fieldError(field, 'unsafe_text'));
  return trimmed;
}

function instant(
  errors: FieldError[],
  field: string,
  value: string | null | undefined,
  now: Date,
): Date | null {
  if (!value) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) errors.push(fieldError(field, 'format'));
  else if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) errors.push(fieldError(field, 'in_future'));
  return at;
}

/**
 * Checks a pass before anything is written, every problem at once: the ID number by GB 11643
 * (the same rule the web form runs), the phone, and a domestic origin named by code or name.
 */
export function validatePass(
  input: PassInput,
  today: string,
  now: Date,
): { fields?: PassFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = text(errors, 'name', input.name, true);
  const id = checkResidentId(input.idNumber ?? '', today);
  if (!id.ok) errors.push(fieldError('idNumber', id.problem));
  let phone: string | null = null;
  if (input.phone?.trim()) {
    phone = normalizePhone(input.phone) ?? null;
    if (!phone) errors.push(fieldError('phone', 'phone_format'));
  }
  if (!Number.isFinite(input.temperature) || input.temperature < 30 || input.temperature > 45)
    errors.push(fieldError('temperature', 'range'));
  const originDivisionCode = input.originDivisionCode?.trim() || null;
  const originName = text(errors, 'originName', input.originName);
  const originCountry = text(errors, 'originCountry', input.originCountry);
  if (input.origin === 'domestic' && !originDivisionCode && !originName)
    errors.push(fieldError('originDivisionCode', 'origin_missing'));
  const leftOriginAt = instant(errors, 'leftOriginAt', input.leftOriginAt, now) ?? now;
  const natAt = instant(errors, 'natAt', input.natAt, now);
  const plate = text(errors, 'plate', input.plate?.toUpperCase().replace(/\s+/g, ''));
  const places = (input.itineraryPlaces ?? []).map((p) => p.trim()).filter((p) => p !== '');
  if (places.length > 20 || places.some((p) => p.length > 40 || !isSafeText(p)))
    errors.push(fieldError('itineraryPlaces', 'unsafe_text'));
  const itineraryShown = input.itineraryShown ?? (places.length > 0 ? true : null);
  if (errors.length > 0 || !name || !id.ok) return { errors };
  return {
    errors,
    fields: {
      name,
      idNumber: id.normalized,
      phone,
      healthCode: input.healthCode,
      temperature: Math.round(input.temperature * 10) / 10,
      origin: input.origin,
      originDivisionCode: input.origin === 'domestic' ? originDivisionCode : null,
      originName,
      originCountry,
      leftOriginAt: leftOriginAt.getTime() > now.getTime() ? now : leftOriginAt,
      natAt,
      destinationCode: input.destinationCode,
      plate,
      direction: input.direction ?? null,
      itineraryShown,
      // Places are the card's; a card not shown lists none.
      itineraryPlaces: itineraryShown ? [...new Set(places)] : null,
    },
  };
}
