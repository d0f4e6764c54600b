import { type RowError, rowErrorWithLabel, seqWithinLine } from '../../platform/bulk/index.js';
import type { Queryable } from '../../platform/db/types.js';
import type { FieldError } from '../../platform/errors.js';
import { pushFieldLabel, pushFieldOrder } from './columns.js';

export type { RowError };

/** The English message names the field, the Chinese one the column header people see. */
export function pushRowError(line: number, field: string, code: RowError['code']): RowError {
  return rowErrorWithLabel(line, field, pushFieldLabel(field), code);
}

/** A row's problems once each, left to right as the columns stand. */
export function rowErrors(line: number, problems: readonly FieldError[]): RowError[] {
  const unique = new Map(problems.map((p) => [`${p.field}:${p.code}`, p]));
  return [...unique.values()]
    .sort((a, b) => pushFieldOrder(a.field) - pushFieldOrder(b.field))
    .map((p) => pushRowError(line, p.field, p.code));
}

/** Stores a batch's row errors (sorted by line) under the import. */
export async function storeRowErrors(
  tx: Queryable,
  importId: string,
  jurisdictionCode: string,
  errors: readonly RowError[],
): Promise<void> {
  if (errors.length === 0) return;
  await tx.query(
    `INSERT INTO push_import_errors (import_id, jurisdiction_code, line, seq, field, code)
     SELECT $1, $2, l, s, f, c FROM unnest($3::int[], $4::int[], $5::text[], $6::text[]) AS e(l, s, f, c)`,
    [
      importId,
      jurisdictionCode,
      errors.map((e) => e.line),
      seqWithinLine(errors),
      errors.map((e) => e.field),
      errors.map((e) => e.code),
    ],
  );
}
