import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { importPersons } from '../modules/persons/index.js';
import { formatOf } from '../platform/bulk/index.js';
import type { AppContext } from '../platform/context.js';
import { progressBar } from './progress.js';

/** Row errors printed on the terminal; the full report is stored with the import. */
const PRINTED_ERRORS = 20;

/**
 * `fangkong import persons FILE`: streams the ledger from disk as the database owner (no scope),
 * with a progress bar of rows read. Rejected rows are reported but do not fail the command; a file
 * that cannot be read does (the caller prints the AppError and exits 1).
 */
export async function importPersonsFromFile(ctx: AppContext, file: string, log = console.log): Promise<void> {
  const format = formatOf(file);
  await access(file);
  const bar = progressBar('rows');
  const report = await importPersons(ctx, undefined, createReadStream(file), format, {
    fileName: basename(file),
    onProgress: (rows) => bar.update(rows),
  }).finally(() => bar.stop());
  log(
    `${report.total} rows: ${report.created} created, ${report.unchanged} unchanged (already registered), ${report.rejected} rejected`,
  );
  log(
    `共 ${report.total} 行：新增 ${report.created}，未变（已登记）${report.unchanged}，拒绝 ${report.rejected}`,
  );
  for (const error of report.errors.slice(0, PRINTED_ERRORS)) {
    log(`  第${error.line}行 ${error.message_zh} / line ${error.line}: ${error.message}`);
  }
  if (report.errors.length > PRINTED_ERRORS) {
    log(`  … 完整错误报告 / full report: GET /api/persons/imports/${report.jobId}/errors.xlsx`);
  }
}
