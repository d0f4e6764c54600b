import { type Static, Type } from 'typebox';
import { RowErrorSchema } from './bulk.js';
import { DateTime, Nullable, Page } from './common.js';

/** The answer to a persons-ledger import (台账): counts, the first rejected rows and where all of them are. */
export const ImportReportSchema = Type.Object({
  jobId: Type.String(),
  total: Type.Integer(),
  created: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(RowErrorSchema, { description: 'The first 10,000 row errors' }),
  errorReport: Type.String({ description: 'Where every row error can be downloaded as .xlsx' }),
});

export type ImportReport = Static<typeof ImportReportSchema>;

/** Where an import stands: 'interrupted' is a running import whose server stopped before its end. */
const ImportStatus = Type.Enum(['running', 'done', 'failed', 'interrupted']);
/** Why an import failed (failureOf in src/platform/bulk/jobs.ts). */
const ImportFailure = Type.Enum(['bad_file', 'too_many_rejected', 'upload', 'error']);

/** One ledger import as it stands, while it runs and after: the counts are what its batches committed. */
export const ImportJobSchema = Type.Object({
  jobId: Type.String(),
  status: ImportStatus,
  failure: Nullable(ImportFailure),
  fileName: Type.String(),
  format: Type.Enum(['csv', 'xlsx']),
  total: Type.Integer(),
  created: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  startedAt: DateTime,
  finishedAt: Nullable(DateTime),
  errorReport: Type.String({ description: 'Where every row error so far can be downloaded as .xlsx' }),
});
export const ImportJobPage = Page(ImportJobSchema);

export type ImportJob = Static<typeof ImportJobSchema>;
export type ImportJobPage = Static<typeof ImportJobPage>;
export type { RowError as ImportRowError } from './bulk.js';
