import type { Readable } from 'node:stream';
import { normalizeHeader, type RowError, readRows, type SheetFormat } from '../../platform/bulk/index.js';
import { tooManyRejected } from '../../platform/bulk/jobs.js';
import type { UploadLimits } from '../../platform/bulk/limits.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { parseLocalDateTime } from '../../rules/localDateTime.js';
import { checkSale, type SaleRow } from './saleInput.js';

type Column = 'saleId' | 'soldAt' | 'idNumber' | 'buyerName' | 'phone' | 'classes' | 'quantity';

const HEADERS: Record<string, Column> = {
  销售单号: 'saleId',
  单号: 'saleId',
  流水号: 'saleId',
  saleid: 'saleId',
  销售时间: 'soldAt',
  购药时间: 'soldAt',
  时间: 'soldAt',
  soldat: 'soldAt',
  身份证号: 'idNumber',
  身份证号码: 'idNumber',
  证件号码: 'idNumber',
  idnumber: 'idNumber',
  姓名: 'buyerName',
  购药人: 'buyerName',
  buyername: 'buyerName',
  联系电话: 'phone',
  电话: 'phone',
  手机号: 'phone',
  phone: 'phone',
  药品类别: 'classes',
  类别: 'classes',
  classes: 'classes',
  数量: 'quantity',
  quantity: 'quantity',
};

const MAX_ROWS_BEFORE_HEADER = 5;

/**
 * Reads an outlet's sales sheet (.csv or .xlsx), streamed: 身份证号 and 药品类别 required; 销售单号,
 * 销售时间 (the outlet's local time; the upload's time when empty), 姓名, 联系电话 and 数量 optional.
 * Returns the checked rows and every rejected row with its line and reason (MON-2).
 */
export async function salesFromFile(
  stream: Readable,
  format: SheetFormat,
  timeZone: string,
  today: string,
  now: Date,
  limits: UploadLimits,
) {
  const rows: SaleRow[] = [];
  const errors: RowError[] = [];
  let header: Map<Column, number> | undefined;
  let beforeHeader = 0;
  let rejected = 0;
  for await (const raw of readRows(stream, format, limits)) {
    if (raw.values.every((value) => value.trim() === '')) continue;
    if (!header) {
      const map = new Map<Column, number>();
      raw.values.forEach((value, i) => {
        const column = HEADERS[normalizeHeader(value)];
        if (column && !map.has(column)) map.set(column, i);
      });
      if (map.has('idNumber') && map.has('classes')) header = map;
      else if (++beforeHeader >= MAX_ROWS_BEFORE_HEADER) break;
      continue;
    }
    const columns = header;
    const cell = (column: Column) => {
      const i = columns.get(column);
      return i === undefined ? '' : (raw.values[i] ?? '').trim();
    };
    const time = cell('soldAt');
    const checked = checkSale(
      raw.line,
      {
        saleId: cell('saleId'),
        soldAt: time ? parseLocalDateTime(time, timeZone) : null,
        idNumber: cell('idNumber'),
        buyerName: cell('buyerName'),
        phone: cell('phone'),
        classes: [cell('classes')],
        quantity: cell('quantity'),
      },
      today,
      now,
    );
    if ('row' in checked) rows.push(checked.row);
    else {
      errors.push(...checked.errors);
      // The file is refused whole (nothing is written) once too many rows are wrong.
      if (++rejected > limits.maxRejectedRows) throw tooManyRejected(limits.maxRejectedRows, { rejected });
    }
  }
  if (!header)
    throw new AppError('bad_file', [fieldError('身份证号/idNumber, 药品类别/classes', 'header_missing')]);
  return { rows, errors };
}
