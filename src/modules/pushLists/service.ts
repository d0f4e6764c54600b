import type { PushImportSummary } from '../../api/pushLists.js';
import type { Actor } from '../../platform/access/actor.js';
import { jobStatusSql } from '../../platform/bulk/jobs.js';
import { DEFAULT_UPLOAD_LIMITS } from '../../platform/bulk/limits.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { FieldCode } from '../../platform/messages.js';
import { inScope } from '../../rules/roles.js';
import { pushRowError, type RowError } from './rowErrors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Row errors shown with an import; the downloadable report has all of them. */
const SHOWN_ERRORS = 200;

/** An import as lists show it; its schema is the API contract in src/api/pushLists.ts. */
export type { PushImportSummary };

export interface PushImportReport extends PushImportSummary {
  errors: RowError[];
  errorReport: string;
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
/** A running import whose heartbeat stopped reads as interrupted (jobStatusSql). */
const summarySql = (staleSeconds: number) => `i.id, i.jurisdiction_code AS "jurisdictionCode",
  i.file_name AS "fileName", i.format, i.mode, ${jobStatusSql('i', staleSeconds)} AS status, i.failure, i.total,
  i.registered, i.unchanged, i.rejected, i.levels, ${iso('i.started_at')} AS "startedAt",
  ${iso('i.finished_at')} AS "finishedAt"`;
const DEFAULT_STALE = DEFAULT_UPLOAD_LIMITS.staleImportSeconds;

/** One import with its first rejected rows; 404 outside the caller's scope. */
export async function getPushImport(
  tx: Queryable,
  actor: Actor,
  id: string,
  staleSeconds = DEFAULT_STALE,
): Promise<PushImportReport> {
  if (!UUID.test(id)) throw notFound();
  const [found] = await tx.query<PushImportSummary>(
    `SELECT ${summarySql(staleSeconds)} FROM push_imports i WHERE i.id = $1`,
    [id],
  );
  if (!found || !inScope(found.jurisdictionCode, actor.scopes)) throw notFound();
  const errors = await tx.query<{ line: number; field: string; code: FieldCode }>(
    `SELECT line, field, code FROM push_import_errors WHERE import_id = $1 ORDER BY line, seq LIMIT ${SHOWN_ERRORS}`,
    [id],
  );
  return {
    ...found,
    errors: errors.map((e) => pushRowError(e.line, e.field, e.code)),
    errorReport: `/api/push-lists/${id}/errors`,
  };
}

/** The imports filed in the caller's subtrees (or in `jurisdiction`), newest first. */
export async function listPushImports(
  tx: Queryable,
  actor: Actor,
  query: { jurisdiction?: string | undefined; page: number; pageSize: number },
  staleSeconds = DEFAULT_STALE,
): Promise<{ items: PushImportSummary[]; total: number; page: number; pageSize: number }> {
  if (query.jurisdiction && !inScope(query.jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  const where = '($1::text IS NULL OR i.jurisdiction_code ^@ $1)';
  const counted = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM push_imports i WHERE ${where}`,
    [query.jurisdiction ?? null],
  );
  const count = firstRow(counted, 'SELECT count(*) FROM push_imports');
  const items = await tx.query<PushImportSummary>(
    `SELECT ${summarySql(staleSeconds)} FROM push_imports i WHERE ${where} ORDER BY i.started_at DESC, i.id
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    [query.jurisdiction ?? null],
  );
  return { items, total: count.n, page: query.page, pageSize: query.pageSize };
}
