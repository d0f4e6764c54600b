import { fieldError } from '../errors.js';
import type { FieldCode } from '../messages.js';

/** One problem of one row of an imported file; never carries the rejected value (it may be an ID number). */
export interface RowError {
  line: number;
  field: string;
  code: FieldCode;
  message: string;
  message_zh: string;
}

/**
 * How many row errors an import's answer lists; every one of them is kept for the downloadable
 * report. Bounds the answer of a file that is wrong on every one of a million lines.
 */
export const MAX_REPORTED_ERRORS = 10_000;

/**
 * Each error's place among the errors of its line (0, 1, …), for errors sorted by line: with the
 * line it keys a stored error, so an error report pages in a stable order.
 */
export function seqWithinLine(errors: readonly Pick<RowError, 'line'>[]): number[] {
  let line = Number.NaN;
  let seq = 0;
  return errors.map((error) => {
    seq = error.line === line ? seq + 1 : 0;
    line = error.line;
    return seq;
  });
}

/** A row error whose Chinese message names the column header people see (`label`). */
export function rowErrorWithLabel(line: number, field: string, label: string, code: FieldCode): RowError {
  return {
    line,
    field,
    code,
    message: fieldError(field, code).message,
    message_zh: fieldError(label, code).message_zh,
  };
}

/**
 * Lowers a column header to what matching cares about, so that '姓名*', ' 证件号码(必填) ',
 * 'ID Number' and 'idNumber' all name the same column.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[(（][^)）]*[)）]\s*$/, '')
    .replace(/[\s*＊_]/g, '')
    .toLowerCase();
}
