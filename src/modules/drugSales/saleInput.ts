import { type RowError, rowErrorWithLabel } from '../../platform/bulk/index.js';
import type { FieldCode } from '../../platform/messages.js';
import { FUTURE_TOLERANCE_MS } from '../../rules/clockSkew.js';
import { type DrugClass, parseDrugClasses, saleTooOld } from '../../rules/drugSales.js';
import { checkResidentId } from '../../rules/idNumber.js';
import { normalizePhone } from '../../rules/mask.js';
import { isSafeText } from '../../rules/safeText.js';

/** One checked sale; `line` is the row of the file (or the item number of a batch). */
export interface SaleRow {
  line: number;
  /** The client's sale id; null for a sheet row without one (its natural key is then a digest). */
  saleId: string | null;
  soldAt: Date;
  idNumber: string;
  buyerName: string | null;
  phone: string | null;
  classes: DrugClass[];
  quantity: number | null;
}

/** A sale as it arrives, every field still text (or absent). */
export interface RawSale {
  saleId?: string | null | undefined;
  /** Undefined: a time that could not be read; null: none given (sold now). */
  soldAt: Date | null | undefined;
  idNumber: string;
  buyerName?: string | null | undefined;
  phone?: string | null | undefined;
  classes: readonly string[];
  quantity?: number | string | null | undefined;
}

/** The words of the API's field and the header people see, for row errors. */
const LABELS: Record<string, string> = {
  saleId: '销售单号',
  soldAt: '销售时间',
  idNumber: '身份证号',
  buyerName: '姓名',
  phone: '联系电话',
  classes: '药品类别',
  quantity: '数量',
};

export const saleError = (line: number, field: string, code: FieldCode): RowError =>
  rowErrorWithLabel(line, field, LABELS[field] ?? field, code);

const MAX_QUANTITY = 999;
const SALE_ID = /^[\w.:-]{1,64}$/;

/**
 * Checks one sale (MON-2): a GB 11643 ID number (`today` is the outlet's local date), an optional
 * mainland phone, one to four of the four classes, an optional quantity, a time not in the future nor more
 * than SALE_MAX_AGE_DAYS in the past (rules/drugSales.ts).
 * Never echoes a rejected value: a cell may hold anything, an ID number included.
 */
export function checkSale(
  line: number,
  raw: RawSale,
  today: string,
  now: Date,
): { row: SaleRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const saleId = raw.saleId?.trim() || null;
  if (saleId !== null && !SALE_ID.test(saleId)) errors.push(saleError(line, 'saleId', 'format'));
  const id = checkResidentId(raw.idNumber, today);
  if (!id.ok) errors.push(saleError(line, 'idNumber', id.problem));
  const phoneText = raw.phone?.trim() ?? '';
  const phone = phoneText ? normalizePhone(phoneText) : null;
  if (phone === undefined) errors.push(saleError(line, 'phone', 'phone_format'));
  const buyerName = raw.buyerName?.trim() || null;
  if (buyerName !== null && (!isSafeText(buyerName) || buyerName.length > 50))
    errors.push(saleError(line, 'buyerName', buyerName.length > 50 ? 'too_long' : 'unsafe_text'));
  const classes = parseDrugClasses(raw.classes);
  if (!classes)
    errors.push(saleError(line, 'classes', raw.classes.join('').trim() ? 'drug_class' : 'required'));
  const quantity = readQuantity(raw.quantity);
  if (quantity === undefined) errors.push(saleError(line, 'quantity', 'range'));
  if (raw.soldAt === undefined) errors.push(saleError(line, 'soldAt', 'datetime_format'));
  else if (raw.soldAt && raw.soldAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    errors.push(saleError(line, 'soldAt', 'in_future'));
  else if (raw.soldAt && saleTooOld(raw.soldAt, now)) errors.push(saleError(line, 'soldAt', 'sale_too_old'));
  if (errors.length > 0 || !id.ok || !classes || phone === undefined || quantity === undefined)
    return { errors };
  return {
    row: {
      line,
      saleId,
      soldAt: raw.soldAt ?? now,
      idNumber: id.normalized,
      buyerName,
      phone,
      classes,
      quantity,
    },
  };
}

function readQuantity(raw: number | string | null | undefined): number | null | undefined {
  if (raw === null || raw === undefined || raw === '') return null;
  const value =
    typeof raw === 'number' ? raw : /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  return Number.isInteger(value) && value >= 1 && value <= MAX_QUANTITY ? value : undefined;
}
