import { type Static, Type } from 'typebox';
import { RowErrorSchema } from './bulk.js';

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
export type { RowError as ImportRowError } from './bulk.js';
