import type { Readable } from 'node:stream';
import type { Actor } from '../../../platform/access/actor.js';
import { withScope } from '../../../platform/access/scope.js';
import { type SheetColumn, type SheetRow, streamWorkbook } from '../../../platform/bulk/index.js';
import type { AppContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import type { FieldCode } from '../../../platform/messages.js';
import { inScope } from '../../../rules/roles.js';
import { fieldLabel } from './columns.js';
import { rowError } from './importJob.js';

const PAGE = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS: SheetColumn[] = [
  { header: '行号 Line', key: 'line', width: 10 },
  { header: '列 Column', key: 'column', width: 16 },
  { header: '字段 Field', key: 'field', width: 18 },
  { header: '错误代码 Code', key: 'code', width: 26 },
  { header: '说明', key: 'message_zh', width: 40 },
  { header: 'Message', key: 'message', width: 50 },
];

interface ErrorRow {
  line: number;
  seq: number;
  field: string;
  code: FieldCode;
}

async function* errorPages(ctx: AppContext, actor: Actor, importId: string): AsyncGenerator<SheetRow[]> {
  let after: ErrorRow | undefined;
  while (true) {
    const page = await withScope(ctx.db, actor, (tx) =>
      tx.query<ErrorRow>(
        `SELECT line, seq, field, code FROM person_import_errors
         WHERE import_id = $1 AND (line, seq) > ($2, $3) ORDER BY line, seq LIMIT ${PAGE}`,
        [importId, after?.line ?? -1, after?.seq ?? -1],
      ),
    );
    if (page.length > 0) {
      yield page.map((e) => ({ ...rowError(e.line, e.field, e.code), column: fieldLabel(e.field) }));
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1];
  }
}

/** Every rejected row of one import in the caller's scope, as a streamed .xlsx; 404 otherwise. */
export async function importErrorReport(ctx: AppContext, actor: Actor, importId: string): Promise<Readable> {
  if (!UUID.test(importId)) throw notFound();
  const [found] = await withScope(ctx.db, actor, (tx) =>
    tx.query<{ jurisdiction_code: string }>('SELECT jurisdiction_code FROM person_imports WHERE id = $1', [
      importId,
    ]),
  );
  if (!found || !inScope(found.jurisdiction_code, actor.scopes)) throw notFound();
  return streamWorkbook('错误报告', COLUMNS, errorPages(ctx, actor, importId), (error) =>
    ctx.log.warn({ err: error }, 'import error report stopped'),
  );
}
