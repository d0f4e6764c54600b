import type { Readable } from 'node:stream';
import type { Actor } from '../../../platform/access/actor.js';
import { type RawRow, type RowError, readRows, type SheetFormat } from '../../../platform/bulk/index.js';
import { failureOf, tooManyRejected, yieldToOthers } from '../../../platform/bulk/jobs.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError, type FieldError, fieldError } from '../../../platform/errors.js';
import { idHash } from '../../../platform/pii/seal.js';
import { inScope } from '../../../rules/roles.js';
import { localDate } from '../../../rules/time.js';
import { type PersonFields, validatePerson } from '../validate.js';
import {
  fieldOrder,
  type HeaderMap,
  looksLikeHeader,
  mapHeader,
  missingHeaders,
  toPersonInput,
} from './columns.js';
import { type Candidate, ImportJob, type ImportReport, rowError } from './importJob.js';

export type { ImportReport } from './importJob.js';

export interface ImportOptions {
  /** Client-given import id, so the page can follow the import while it uploads; default a new one. */
  id?: string | undefined;
  fileName?: string;
  onProgress?(rows: number): void;
}

/** Rows per transaction: short enough never to block PGlite's single connection for long. */
const IMPORT_BATCH = 1000;
/** Title rows above the header (「某某社区重点人群台账」) are skipped, this many at most. */
const MAX_ROWS_BEFORE_HEADER = 5;

/**
 * Imports a persons ledger (台账), streamed and idempotent (see the design's "Bulk data"): each
 * batch of accepted rows is inserted in its own transaction, a person whose ID number is already
 * registered is left as it is (`unchanged`), and every rejected row is reported with its line,
 * field and reason. With an actor every batch runs under row-level security in the actor's scope
 * (CMD-1); without one (the CLI) as the database owner.
 * The import is filed and audited before the file is read (ImportJob.start), stops and is marked
 * failed past the configured number of rejected rows, and lets other requests run between batches.
 */
export async function importPersons(
  ctx: AppContext,
  actor: Actor | undefined,
  stream: Readable,
  format: SheetFormat,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const job = new ImportJob(ctx, actor, safeFileName(options.fileName ?? ''), format, options.id);
  await job.start();
  const limits = ctx.config.uploads;
  const rows = readRows(stream, format, limits);
  const today = localDate(ctx.now(), ctx.config.defaultTimeZone);
  // Keyed hashes of the ID numbers seen so far: the only memory that grows with the rows.
  const seen = new Set<string>();
  let candidates: Candidate[] = [];
  let problems: RowError[] = [];
  let pendingRejected = 0;
  let read = 0;
  try {
    const header = await readHeader(rows);
    for await (const row of rows) {
      if (row.values.every((value) => value.trim() === '')) continue;
      read++;
      const checked = checkRow(ctx, actor, header, row, today, seen);
      if ('fields' in checked) candidates.push({ line: row.line, fields: checked.fields });
      else {
        problems.push(...checked.errors);
        pendingRejected++;
      }
      const tooMany = job.rejectedRows + pendingRejected > limits.maxRejectedRows;
      if (read % IMPORT_BATCH === 0 || tooMany) {
        await job.commitBatch(candidates, problems);
        candidates = [];
        problems = [];
        pendingRejected = 0;
        options.onProgress?.(read);
        // A file wrong on every line would otherwise store an error row for each (3.5 million seen).
        if (job.rejectedRows > limits.maxRejectedRows) throw tooManyRejected(limits.maxRejectedRows);
        await yieldToOthers();
      }
    }
    await job.commitBatch(candidates, problems);
    options.onProgress?.(read);
  } catch (error) {
    // Batches already committed stay; the import is recorded as failed, as far as it got.
    await job
      .finish(failureOf(error))
      .catch((secondary: unknown) => ctx.log.error({ err: secondary }, 'import not recorded'));
    if (error instanceof AppError)
      throw new AppError(error.code, error.fields, { ...error.extra, ...job.partial() });
    throw error;
  }
  const report = await job.finish();
  if (report.created > 0) await ctx.db.refreshStatistics(['persons']);
  return report;
}

/** The first row naming at least two ledger columns, within the first few non-empty rows. */
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
      if (missing.length > 0) return fail(rows, missing);
      return map;
    }
  }
  return fail(rows, first ? missingHeaders(first) : [fieldError('file', 'file_empty')]);
}

async function fail(rows: AsyncGenerator<RawRow>, errors: FieldError[]): Promise<never> {
  await rows.return(undefined);
  throw new AppError('bad_file', errors);
}

function checkRow(
  ctx: AppContext,
  actor: Actor | undefined,
  header: HeaderMap,
  row: RawRow,
  today: string,
  seen: Set<string>,
): { fields: PersonFields } | { errors: RowError[] } {
  const { input, errors: ledgerErrors } = toPersonInput(row.values, header);
  const { fields, errors } = validatePerson(input, today);
  const problems = [...ledgerErrors, ...errors];
  if (fields && problems.length === 0) {
    if (actor && !inScope(fields.jurisdictionCode, actor.scopes)) {
      problems.push(fieldError('jurisdictionCode', 'jurisdiction_out_of_scope'));
    } else {
      // 16 bytes of the keyed hash as a short string: among a million rows a collision has odds of 2^-88.
      const key = idHash(ctx.cipher, fields.idNumber).toString('latin1', 0, 16);
      if (!seen.has(key)) {
        seen.add(key);
        return { fields };
      }
      problems.push(fieldError('idNumber', 'id_duplicate_in_file'));
    }
  }
  const unique = new Map(problems.map((p) => [`${p.field}:${p.code}`, p]));
  return {
    errors: [...unique.values()]
      .sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field))
      .map((p) => rowError(row.line, p.field, p.code)),
  };
}

/** The client's name for the file, kept for the record: no markup or control characters, bounded. */
function safeFileName(name: string): string {
  const unsafe = (char: string) => char < ' ' || char === '\u007f' || char === '<' || char === '>';
  return Array.from(name.slice(0, 200), (char) => (unsafe(char) ? '_' : char)).join('');
}
