import { createHash } from 'node:crypto';
import { type FieldError, fieldError } from '../../platform/errors.js';
import type { PiiCipher } from '../../platform/pii/cipher.js';
import { idHash } from '../../platform/pii/seal.js';
import { FUTURE_TOLERANCE_MS } from '../../rules/clockSkew.js';
import { checkResidentId } from '../../rules/idNumber.js';
import { parseLocalDateTime } from '../../rules/localDateTime.js';
import { normalizePhone } from '../../rules/mask.js';
import { inScope } from '../../rules/roles.js';
import { isSafeText } from '../../rules/safeText.js';
import type { PushField, PushHeader } from './columns.js';

/** One accepted row of a push list, ready for registerArrival and for staging. */
export interface PushRow {
  line: number;
  name: string;
  idNumber: string;
  phone: string | null;
  overseas: boolean;
  originCode: string | null;
  originName: string | null;
  originCountry: string | null;
  leftOriginAt: Date;
  arrivedAt: Date;
  enteredAt: Date | null;
  destinationCode: string;
  /** The row's natural key (ID number hash, arrival time, origin): the arrival's sourceRef. */
  key: string;
}

export interface RowContext {
  cipher: PiiCipher;
  today: string;
  now: Date;
  timeZone: string;
  /** The importer's jurisdiction: destinations outside it are refused (CMD-1). */
  scope: string;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '境外']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0', '境内']);
const ORIGIN_CODE = /^\d{6}(\d{3}){0,2}$/;
const DESTINATION_CODE = /^\d{6,15}$/;
const LIMITS: Partial<Record<PushField, number>> = { name: 50, originName: 100, originCountry: 60 };

function text(errors: FieldError[], field: PushField, value: string, required = false): string | null {
  if (value === '') {
    if (required) errors.push(fieldError(field, 'required'));
    return null;
  }
  if (value.length > (LIMITS[field] ?? 100)) errors.push(fieldError(field, 'too_long'));
  else if (!isSafeText(value)) errors.push(fieldError(field, 'unsafe_text'));
  return value;
}

function time(errors: FieldError[], field: PushField, value: string, ctx: RowContext, required = false) {
  if (value === '') {
    if (required) errors.push(fieldError(field, 'required'));
    return null;
  }
  const at = parseLocalDateTime(value, ctx.timeZone);
  if (!at) errors.push(fieldError(field, 'datetime_format'));
  else if (at.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS)
    errors.push(fieldError(field, 'in_future'));
  return at ?? null;
}

/** The natural key, hashed again so the sourceRef reveals nothing. */
function naturalKey(ctx: RowContext, idNumber: string, arrivedAt: Date, origin: string): string {
  const hash = idHash(ctx.cipher, idNumber).toString('hex');
  const key = createHash('sha256').update(`${hash}|${arrivedAt.toISOString()}|${origin}`).digest('base64url');
  return `push:${key.slice(0, 32)}`;
}

/** Checks one row without the database, every problem at once. */
export function toPushRow(
  values: readonly string[],
  header: PushHeader,
  line: number,
  ctx: RowContext,
): { row: PushRow } | { errors: FieldError[] } {
  const cell: Partial<Record<PushField, string>> = {};
  header.forEach((field, i) => {
    if (field) cell[field] = values[i]?.trim() ?? '';
  });
  const errors: FieldError[] = [];
  const name = text(errors, 'name', cell.name ?? '', true);
  const id = checkResidentId(cell.idNumber ?? '', ctx.today);
  if (!id.ok) errors.push(fieldError('idNumber', id.problem));
  let phone: string | null = null;
  if (cell.phone) {
    phone = normalizePhone(cell.phone) ?? null;
    if (!phone) errors.push(fieldError('phone', 'phone_format'));
  }
  const flag = (cell.overseas ?? '').toLowerCase();
  const overseas = YES.has(flag);
  if (!overseas && !NO.has(flag)) errors.push(fieldError('overseas', 'yes_no'));
  const originCode = cell.originCode || null;
  if (!overseas && !originCode) errors.push(fieldError('originCode', 'origin_code_required'));
  else if (originCode && !ORIGIN_CODE.test(originCode)) errors.push(fieldError('originCode', 'format'));
  const originName = text(errors, 'originName', cell.originName ?? '');
  const originCountry = text(errors, 'originCountry', cell.originCountry ?? '');
  const arrivedAt = time(errors, 'arrivedAt', cell.arrivedAt ?? '', ctx, true);
  const leftOriginAt = time(errors, 'leftOriginAt', cell.leftOriginAt ?? '', ctx);
  const enteredAt = time(errors, 'enteredAt', cell.enteredAt ?? '', ctx);
  for (const [field, at] of [
    ['leftOriginAt', leftOriginAt],
    ['enteredAt', enteredAt],
  ] as const)
    if (at && arrivedAt && at > arrivedAt) errors.push(fieldError(field, 'after_arrival'));
  const destinationCode = cell.destinationCode ?? '';
  if (destinationCode === '') errors.push(fieldError('destinationCode', 'required'));
  else if (!DESTINATION_CODE.test(destinationCode)) errors.push(fieldError('destinationCode', 'format'));
  else if (!inScope(destinationCode, [ctx.scope]))
    errors.push(fieldError('destinationCode', 'jurisdiction_out_of_scope'));
  // A domestic row without an origin code has its error already.
  const origin = overseas ? 'overseas' : originCode;
  if (errors.length > 0 || !name || !id.ok || !arrivedAt || !origin) return { errors };
  return {
    row: {
      line,
      name,
      idNumber: id.normalized,
      phone,
      overseas,
      originCode: overseas ? null : originCode,
      originName,
      originCountry,
      leftOriginAt: leftOriginAt ?? arrivedAt,
      arrivedAt,
      enteredAt,
      destinationCode,
      key: naturalKey(ctx, id.normalized, arrivedAt, origin),
    },
  };
}
