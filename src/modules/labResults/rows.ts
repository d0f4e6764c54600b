import type { Readable } from 'node:stream';
import { normalizeHeader, readRows, type SheetFormat } from '../../platform/bulk/index.js';
import { tooManyRejected } from '../../platform/bulk/jobs.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../../platform/bulk/limits.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { LAB_CLOCK_SLACK_MS } from '../../rules/clockSkew.js';
import { parseLocalDateTime } from '../../rules/localDateTime.js';
import { isSafeText } from '../../rules/safeText.js';
import { checkBarcode, parseResult, type ResultRow, type RowError, rowError } from './input.js';

/** What a lab sends through the API (TST-2 posting): one item per tube. */
export interface ResultItem {
  barcode: string;
  result: string;
  testedAt?: string | undefined;
  ct?: { orf1ab?: number | undefined; n?: number | undefined } | undefined;
  reference?: string | undefined;
}

/** Checks each item; `line` is the item's number (1-based) so that errors point at it. */
export function rowsFromItems(items: readonly ResultItem[], now: Date) {
  const rows: ResultRow[] = [];
  const errors: RowError[] = [];
  items.forEach((item, index) => {
    const checked = toRow(
      index + 1,
      item.barcode,
      item.result,
      item.testedAt ? new Date(item.testedAt) : null,
      now,
    );
    if ('errors' in checked) errors.push(...checked.errors);
    else
      rows.push({
        ...checked.row,
        ctOrf1ab: item.ct?.orf1ab ?? null,
        ctN: item.ct?.n ?? null,
        reference: item.reference?.trim() || null,
      });
  });
  return { rows, errors };
}

function toRow(
  line: number,
  rawBarcode: string,
  rawResult: string,
  testedAt: Date | null | undefined,
  now: Date,
): { row: ResultRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const barcode = checkBarcode(rawBarcode);
  if ('problem' in barcode) errors.push(rowError(line, 'barcode', barcode.problem));
  // Only a well-formed barcode is named (a malformed cell may hold anything, an ID number included).
  const named = 'barcode' in barcode ? barcode.barcode : undefined;
  const result = parseResult(rawResult);
  if (!result) errors.push(rowError(line, 'result', rawResult.trim() ? 'result_value' : 'required', named));
  if (testedAt === undefined) errors.push(rowError(line, 'testedAt', 'datetime_format', named));
  else if (testedAt && testedAt.getTime() > now.getTime() + LAB_CLOCK_SLACK_MS)
    errors.push(rowError(line, 'testedAt', 'in_future', named));
  if (errors.length > 0 || 'problem' in barcode || !result) return { errors };
  return {
    row: {
      line,
      barcode: barcode.barcode,
      result,
      testedAt: testedAt ?? null,
      ctOrf1ab: null,
      ctN: null,
      reference: null,
    },
  };
}

const HEADERS: Record<string, 'barcode' | 'result' | 'testedAt' | 'ctOrf1ab' | 'ctN' | 'reference'> = {
  条码: 'barcode',
  条码号: 'barcode',
  试管条码: 'barcode',
  采样管条码: 'barcode',
  barcode: 'barcode',
  结果: 'result',
  检测结果: 'result',
  result: 'result',
  检测时间: 'testedAt',
  报告时间: 'testedAt',
  testedat: 'testedAt',
  tested_at: 'testedAt',
  orf1ab: 'ctOrf1ab',
  ctorf1ab: 'ctOrf1ab',
  n基因: 'ctN',
  ctn: 'ctN',
  报告编号: 'reference',
  reference: 'reference',
};

const MAX_ROWS_BEFORE_HEADER = 5;
const CT = /^\d{1,2}(\.\d{1,2})?$/;

/**
 * Reads a lab's result sheet (.csv or .xlsx; 条码/barcode, 结果/result, 检测时间/tested_at, optional
 * ORF1ab / N Ct values and 报告编号) into checked rows and row errors with the lines people see.
 */
export async function rowsFromFile(
  stream: Readable,
  format: SheetFormat,
  timeZone: string,
  now: Date,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
) {
  const rows: ResultRow[] = [];
  const errors: RowError[] = [];
  let header: Map<string, number> | undefined;
  let beforeHeader = 0;
  let rejected = 0;
  for await (const raw of readRows(stream, format, limits)) {
    if (raw.values.every((value) => value.trim() === '')) continue;
    if (!header) {
      const map = new Map<string, number>();
      raw.values.forEach((value, i) => {
        const field = HEADERS[normalizeHeader(value)];
        if (field && !map.has(field)) map.set(field, i);
      });
      if (map.has('barcode') && map.has('result')) header = map;
      else if (++beforeHeader >= MAX_ROWS_BEFORE_HEADER) break;
      continue;
    }
    const columns = header;
    const cell = (field: string) => {
      const i = columns.get(field);
      return i === undefined ? '' : (raw.values[i] ?? '').trim();
    };
    const time = cell('testedAt');
    const testedAt = time ? parseLocalDateTime(time, timeZone) : null;
    const checked = toRow(raw.line, cell('barcode'), cell('result'), testedAt, now);
    let badCt = false;
    const ct = (field: string) => {
      const text = cell(field);
      if (!text) return null;
      if (CT.test(text) && Number(text) <= 60) return Number(text);
      badCt = true;
      return null;
    };
    const [ctOrf1ab, ctN] = [ct('ctOrf1ab'), ct('ctN')];
    if ('errors' in checked) errors.push(...checked.errors);
    const reference = cell('reference').slice(0, 60);
    const named = 'row' in checked ? checked.row.barcode : undefined;
    if (badCt) errors.push(rowError(raw.line, 'ct', 'range', named));
    if (!isSafeText(reference)) errors.push(rowError(raw.line, 'reference', 'unsafe_text', named));
    else if (!badCt && !('errors' in checked))
      rows.push({ ...checked.row, ctOrf1ab, ctN, reference: reference || null });
    // The file is refused whole (nothing is applied before its end) once too many rows are wrong.
    if (errors.at(-1)?.line === raw.line && ++rejected > limits.maxRejectedRows)
      throw tooManyRejected(limits.maxRejectedRows, { rejected });
  }
  if (!header) throw new AppError('bad_file', [fieldError('条码/barcode, 结果/result', 'header_missing')]);
  return { rows, errors };
}
