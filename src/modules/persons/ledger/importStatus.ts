import type { ImportJob, ImportJobPage } from '../../../api/personImports.js';
import { jobStatusSql } from '../../../platform/bulk/jobs.js';
import type { Queryable } from '../../../platform/db/types.js';
import { notFound } from '../../../platform/errors.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = (staleSeconds: number) =>
  `i.id AS "jobId", ${jobStatusSql('i', staleSeconds)} AS status, i.failure, i.file_name AS "fileName",
   i.format, i.total, i.created, i.unchanged, i.rejected, ${iso('i.started_at')} AS "startedAt",
   ${iso('i.finished_at')} AS "finishedAt", '/api/persons/imports/' || i.id || '/errors.xlsx' AS "errorReport"`;

/**
 * One ledger import as it stands (under the caller's row-level security: another subtree's import
 * is not found). While it runs its counts grow batch by batch; a running import whose heartbeat
 * is older than `staleSeconds` reads as interrupted.
 */
export async function getImportJob(tx: Queryable, id: string, staleSeconds: number): Promise<ImportJob> {
  if (!UUID.test(id)) throw notFound();
  const [found] = await tx.query<ImportJob>(
    `SELECT ${columns(staleSeconds)} FROM person_imports i WHERE i.id = $1`,
    [id],
  );
  if (!found) throw notFound();
  return found;
}

/** The ledger imports the caller may see, newest first. */
export async function listImportJobs(
  tx: Queryable,
  query: { page: number; pageSize: number },
  staleSeconds: number,
): Promise<ImportJobPage> {
  const [count] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM person_imports');
  const items = await tx.query<ImportJob>(
    `SELECT ${columns(staleSeconds)} FROM person_imports i ORDER BY i.started_at DESC, i.id
     LIMIT $1 OFFSET $2`,
    [query.pageSize, (query.page - 1) * query.pageSize],
  );
  return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
