import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.js';
import { firstScope, withScope } from '../../platform/access/scope.js';
import { MAX_REPORTED_ERRORS, type RawRow, readRows, type SheetFormat } from '../../platform/bulk/index.js';
import { failureOf, tooManyRejected, yieldToOthers } from '../../platform/bulk/jobs.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, type FieldError, fieldError } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { looksLikePushHeader, mapPushHeader, missingPushHeaders, type PushHeader } from './columns.js';
import { PushImportJob, type PushMode } from './job.js';
import { type PushRow, type RowContext, toPushRow } from './pushRow.js';
import { pushRowError, type RowError, rowErrors } from './rowErrors.js';
import { getPushImport, type PushImportReport } from './service.js';

export interface PushImportOptions {
  /** Client-given import id (the page polls it for progress; a retry is recognised). */
  id?: string | undefined;
  /** Where the import is filed, and the subtree every destination must lie in; default the first scope. */
  jurisdiction?: string | undefined;
  fileName?: string | undefined;
  mode?: PushMode;
  /** Rows per transaction (default by mode); for tests and benchmarks. */
  batchSize?: number;
  onProgress?(rows: number): void;
}

/** Rows per transaction: registering runs several statements per row. */
const REGISTER_BATCH = 200;
const CLASSIFY_BATCH = 20_000;
const MAX_ROWS_BEFORE_HEADER = 5;

/**
 * Imports a big-data push list, streamed (004 §3 “大数据排查”). In 'register' mode every accepted row
 * becomes an arrival through registerArrival (person found or registered, origin classified, plan
 * made, its deadlines on the destination's lists), idempotent on the row's natural key, so a
 * re-import changes nothing. In 'classify' mode (large lists) rows are COPYed into staging and only
 * counted by risk level. Every rejected row is reported with line, field and reason.
 */
export async function importPushList(
  ctx: AppContext,
  actor: Actor,
  stream: Readable,
  format: SheetFormat,
  options: PushImportOptions = {},
): Promise<PushImportReport> {
  const jurisdiction = options.jurisdiction ?? firstScope(actor.scopes);
  if (!inScope(jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  const id = options.id ?? randomUUID();
  // The same import sent again (a retry after a lost answer): its report; the file is not read.
  const done = options.id ? await finishedImport(ctx, actor, id) : undefined;
  if (done) return done;
  const limits = ctx.config.uploads;
  const rows = readRows(stream, format, limits);
  const header = await readHeader(rows);
  const mode = options.mode ?? 'register';
  const meta = {
    id,
    jurisdictionCode: jurisdiction,
    fileName: safeFileName(options.fileName ?? ''),
    format,
    mode,
  };
  const job = new PushImportJob(ctx, actor, meta, MAX_REPORTED_ERRORS);
  if (!(await job.start())) {
    // Finished between the check above and now.
    await rows.return(undefined);
    return withScope(ctx.db, actor, (tx) => getPushImport(tx, actor, id));
  }
  const timeZone = await withScope(ctx.db, actor, (tx) =>
    effectiveTimeZone(tx, jurisdiction, ctx.config.defaultTimeZone),
  );
  const now = ctx.now();
  const rowCtx: RowContext = {
    cipher: ctx.cipher,
    today: localDate(now, timeZone),
    now,
    timeZone,
    scope: jurisdiction,
  };
  const batchSize = options.batchSize ?? (mode === 'register' ? REGISTER_BATCH : CLASSIFY_BATCH);
  const commit = (accepted: PushRow[], problems: RowError[]) =>
    mode === 'register' ? job.commitBatch(accepted, problems) : job.stageBatch(accepted, problems);
  // Short hashes of the natural keys seen so far: the only memory that grows with the rows.
  const seen = new Set<string>();
  let accepted: PushRow[] = [];
  let problems: RowError[] = [];
  let pendingRejected = 0;
  let read = 0;
  try {
    for await (const raw of rows) {
      if (raw.values.every((value) => value.trim() === '')) continue;
      read++;
      const checked = toPushRow(raw.values, header, raw.line, rowCtx);
      if ('errors' in checked) {
        problems.push(...rowErrors(raw.line, checked.errors));
        pendingRejected++;
      } else if (seen.has(checked.row.key.slice(5, 21))) {
        problems.push(pushRowError(raw.line, 'idNumber', 'row_duplicate_in_file'));
        pendingRejected++;
      } else {
        seen.add(checked.row.key.slice(5, 21));
        accepted.push(checked.row);
      }
      const tooMany = job.rejectedRows + pendingRejected > limits.maxRejectedRows;
      if (read % batchSize === 0 || tooMany) {
        await commit(accepted, problems);
        accepted = [];
        problems = [];
        pendingRejected = 0;
        options.onProgress?.(read);
        // A list wrong on every line would otherwise store an error row for each.
        if (job.rejectedRows > limits.maxRejectedRows) throw tooManyRejected(limits.maxRejectedRows);
        await yieldToOthers();
      }
    }
    await commit(accepted, problems);
    options.onProgress?.(read);
  } catch (error) {
    // Batches already committed stay; the import is recorded as failed as far as it got.
    await job
      .finish('failed', failureOf(error))
      .catch((secondary: unknown) => ctx.log.error({ err: secondary }, 'push import not closed'));
    if (error instanceof AppError)
      throw new AppError(error.code, error.fields, {
        ...error.extra,
        importId: id,
        rejected: job.rejectedRows,
      });
    throw error;
  }
  await job.finish('done');
  if (mode === 'classify') await ctx.db.refreshStatistics(['push_staging']);
  const report = await withScope(ctx.db, actor, (tx) =>
    getPushImport(tx, actor, id, limits.staleImportSeconds),
  );
  return { ...report, errors: job.errors };
}

async function finishedImport(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<PushImportReport | undefined> {
  return withScope(ctx.db, actor, async (tx) => {
    const [row] = await tx.query<{ status: string }>('SELECT status FROM push_imports WHERE id = $1', [id]);
    if (!row) return undefined;
    if (row.status === 'running') throw new AppError('import_running', [fieldError('id', 'duplicate_id')]);
    return getPushImport(tx, actor, id);
  });
}

async function readHeader(rows: AsyncGenerator<RawRow>): Promise<PushHeader> {
  let first: PushHeader | undefined;
  for (let seen = 0; seen < MAX_ROWS_BEFORE_HEADER; ) {
    const next = await rows.next();
    if (next.done) break;
    if (next.value.values.every((value) => value.trim() === '')) continue;
    seen++;
    const map = mapPushHeader(next.value.values);
    first ??= map;
    if (looksLikePushHeader(map)) {
      const missing = missingPushHeaders(map);
      if (missing.length > 0) return fail(rows, missing);
      return map;
    }
  }
  return fail(rows, first ? missingPushHeaders(first) : [fieldError('file', 'file_empty')]);
}

async function fail(rows: AsyncGenerator<RawRow>, errors: FieldError[]): Promise<never> {
  await rows.return(undefined);
  throw new AppError('bad_file', errors);
}

function safeFileName(name: string): string {
  const unsafe = (char: string) => char < ' ' || char === '\u007f' || char === '<' || char === '>';
  return Array.from(name.slice(0, 200), (char) => (unsafe(char) ? '_' : char)).join('');
}

/**
 * The set-based path for very large lists (the 1,000,000-row benchmark): rows are checked
 * and COPYed into staging, then classified by classifyStaged in one query; nobody is registered.
 */
export function classifyPushRows(
  ctx: AppContext,
  actor: Actor,
  stream: Readable,
  format: SheetFormat,
  options: Omit<PushImportOptions, 'mode'> = {},
): Promise<PushImportReport> {
  return importPushList(ctx, actor, stream, format, { ...options, mode: 'classify' });
}
