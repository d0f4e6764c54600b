import type { Actor } from '../../../platform/access/actor.js';
import { withScope } from '../../../platform/access/scope.js';
import { type AuditEntry, recordAudit } from '../../../platform/audit/record.js';
import type { SheetRow } from '../../../platform/bulk/index.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/types.js';

/** Rows per query and per transaction. */
export const EXPORT_PAGE = 2000;

/** Where a keyset page of persons ended, in their list order (jurisdiction, name, id). */
export interface PersonKey {
  jurisdictionCode: string;
  name: string;
  id: string;
}

/** The condition for persons `p` after `key` in list order (empty on the first page); appends its parameters. */
export function afterPerson(key: PersonKey | undefined, params: unknown[]): string {
  if (!key) return '';
  params.push(key.jurisdictionCode, key.name, key.id);
  const n = params.length;
  return ` AND (p.jurisdiction_code, p.name, p.id) > ($${n - 2}, $${n - 1}, $${n}::uuid)`;
}

/**
 * Pages of an exported list of persons by keyset (no OFFSET), each page read by `read` (which
 * returns up to EXPORT_PAGE rows after the key) in its own short scoped transaction. When the list
 * is done — or the export stops — the export is audited with the rows sent and whether it finished.
 */
export async function* auditedExportPages<Row>(
  ctx: AppContext,
  actor: Actor,
  read: (tx: Queryable, after: PersonKey | undefined) => Promise<Row[]>,
  keyOf: (row: Row) => PersonKey,
  toSheetRow: (row: Row) => SheetRow,
  audit: (rows: number, complete: boolean) => AuditEntry,
): AsyncGenerator<SheetRow[]> {
  let after: PersonKey | undefined;
  let rows = 0;
  let complete = false;
  try {
    while (true) {
      const page = await withScope(ctx.db, actor, (tx) => read(tx, after));
      if (page.length > 0) {
        rows += page.length;
        yield page.map(toSheetRow);
      }
      const last = page.at(-1);
      if (page.length < EXPORT_PAGE || !last) break;
      after = keyOf(last);
    }
    complete = true;
  } finally {
    await withScope(ctx.db, actor, (tx) => recordAudit(tx, actor, audit(rows, complete)));
  }
}
