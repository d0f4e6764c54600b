import type { Readable } from 'node:stream';
import type { Actor } from '../../../platform/access/actor.js';
import { withScope } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/record.js';
import { type RawRow, readRows, type SheetFormat } from '../../../platform/bulk/index.js';
import { tooManyRejected } from '../../../platform/bulk/jobs.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/types.js';
import { AppError, type FieldError, fieldError } from '../../../platform/errors.js';
import type { FieldCode } from '../../../platform/messages.js';
import { type AreaFields, checkArea } from '../fields.js';
import { requireWriter } from '../service.js';
import { type Applied, applyAreas } from '../store.js';
import {
  columnLabel,
  columnOrder,
  type HeaderMap,
  looksLikeHeader,
  mapHeader,
  missingHeaders,
  toAreaInput,
} from './columns.js';

/** One problem of one row: the English message names the field, the Chinese one the column. */
interface AreaRowError {
  line: number;
  field: string;
  code: FieldCode;
  message: string;
  message_zh: string;
}

export interface AreaImportReport {
  total: number;
  created: number;
  /** Known areas the file lifted (a row with 解除时间). */
  lifted: number;
  unchanged: number;
  rejected: number;
  /** Earlier records ended by a later publication for the same area in this import. */
  superseded: number;
  errors: AreaRowError[];
}

/** Published lists run to thousands of rows; the whole file is committed in one transaction. */
const MAX_IMPORT_ROWS = 100_000;
const MAX_ROWS_BEFORE_HEADER = 5;

const rowError = (line: number, error: FieldError): AreaRowError => ({
  line,
  field: error.field,
  code: error.code,
  message: error.message,
  message_zh: fieldError(columnLabel(error.field), error.code).message_zh,
});

/**
 * Imports a list of published risk areas (ZON-5) from .csv (UTF-8 or GB18030) or .xlsx with
 * Chinese headers. Every rejected row is reported with its line, column and reason; the accepted
 * rows are committed together, atomically; importing the same file again changes nothing, and a
 * row with 解除时间 lifts an area imported before.
 */
export async function importAreas(
  ctx: AppContext,
  actor: Actor | undefined,
  stream: Readable,
  format: SheetFormat,
  fileName = '',
): Promise<AreaImportReport> {
  requireWriter(actor);
  const limits = ctx.config.uploads;
  const rows = readRows(stream, format, limits);
  const header = await readHeader(rows);
  const candidates: Array<{ line: number; fields: AreaFields }> = [];
  const errors: AreaRowError[] = [];
  let total = 0;
  let rejected = 0;
  for await (const row of rows) {
    if (row.values.every((value) => value.trim() === '')) continue;
    if (++total > MAX_IMPORT_ROWS) {
      await rows.return(undefined);
      throw new AppError('bad_file', [fieldError('file', 'too_many_rows')], { maxRows: MAX_IMPORT_ROWS });
    }
    const { input, errors: cellErrors } = toAreaInput(row.values, header, ctx.config.defaultTimeZone);
    const checked = checkArea(input);
    if (checked.fields && cellErrors.length === 0)
      candidates.push({ line: row.line, fields: checked.fields });
    else {
      errors.push(...firstPerField([...cellErrors, ...checked.errors]).map((e) => rowError(row.line, e)));
      // Nothing is committed yet: the file is refused whole, not stored error by error.
      if (++rejected > limits.maxRejectedRows) {
        await rows.return(undefined);
        throw tooManyRejected(limits.maxRejectedRows, { rejected });
      }
    }
  }
  const write = async (tx: Queryable) => {
    const applied = await applyAreas(
      tx,
      actor?.userId ?? null,
      candidates.map((c) => c.fields),
    );
    const report = tally(total, candidates, applied, errors);
    if (report.created + report.lifted + report.superseded > 0) {
      await recordAudit(tx, actor, {
        action: 'import',
        entity: 'risk_area',
        jurisdictionCode: actor?.scopes[0] ?? candidates[0]?.fields.divisionCode ?? '',
        detail: { fileName: fileName.slice(0, 200), ...report, errors: undefined, ...changedIds(applied) },
      });
    }
    return report;
  };
  return actor ? withScope(ctx.db, actor, write) : ctx.db.transaction(write);
}

function firstPerField(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors
    .filter((error) => !seen.has(error.field) && seen.add(error.field))
    .sort((a, b) => columnOrder(a.field) - columnOrder(b.field));
}

function tally(
  total: number,
  candidates: ReadonlyArray<{ line: number }>,
  applied: Applied,
  errors: AreaRowError[],
): AreaImportReport {
  const counts = { created: 0, lifted: 0, unchanged: 0 };
  const rejectedLines = new Set(errors.map((e) => e.line));
  applied.results.forEach((result, i) => {
    // biome-ignore lint/style/noNonNullAssertion: applyAreas returns one result per candidate, in order.
    const line = candidates[i]!.line;
    if ('errors' in result) {
      rejectedLines.add(line);
      errors.push(...result.errors.map((e) => rowError(line, e)));
    } else counts[result.outcome]++;
  });
  errors.sort((a, b) => a.line - b.line || columnOrder(a.field) - columnOrder(b.field));
  return { total, ...counts, rejected: rejectedLines.size, superseded: applied.superseded.length, errors };
}

/** The ids an import created or lifted, for its audit entry (bounded). */
function changedIds(applied: Applied) {
  const ids = (outcome: string) =>
    applied.results.flatMap((r) => ('outcome' in r && r.outcome === outcome ? [r.id] : [])).slice(0, 1000);
  return {
    createdIds: ids('created'),
    liftedIds: ids('lifted'),
    supersededIds: applied.superseded.slice(0, 1000),
  };
}

async function readHeader(rows: AsyncGenerator<RawRow>): Promise<HeaderMap> {
  let first: HeaderMap | undefined;
  for (let seen = 0; seen < MAX_ROWS_BEFORE_HEADER; ) {
    const next = await rows.next();
    if (next.done) break;
    if (next.value.values.every((value) => value.trim() === '')) continue;
    seen++;
    const map = mapHeader(next.value.values);
    first ??= map;
    if (looksLikeHeader(map)) {
      const missing = missingHeaders(map);
      if (missing.length === 0) return map;
      await rows.return(undefined);
      throw new AppError('bad_file', missing);
    }
  }
  await rows.return(undefined);
  throw new AppError('bad_file', first ? missingHeaders(first) : [fieldError('file', 'file_empty')]);
}
