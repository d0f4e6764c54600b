import { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import { type SheetColumn, type SheetRow, streamWorkbook } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { FieldCode } from '../../platform/messages.js';
import { pushFieldLabel } from './columns.js';
import { pushRowError } from './rowErrors.js';
import { getPushImport } from './service.js';

const PAGE = 2000;

const COLUMNS: SheetColumn[] = [
  { header: '行号 Line', key: 'line', width: 10 },
  { header: '列 Column', key: 'column', width: 18 },
  { header: '字段 Field', key: 'field', width: 18 },
  { header: '错误代码 Code', key: 'code', width: 26 },
  { header: '说明', key: 'message_zh', width: 40 },
  { header: 'Message', key: 'message', width: 50 },
];

async function* errorPages(ctx: AppContext, actor: Actor, importId: string): AsyncGenerator<SheetRow[]> {
  let after = { line: -1, seq: -1 };
  while (true) {
    const page = await withScope(ctx.db, actor, (tx) =>
      tx.query<{ line: number; seq: number; field: string; code: FieldCode }>(
        `SELECT line, seq, field, code FROM push_import_errors
         WHERE import_id = $1 AND (line, seq) > ($2, $3) ORDER BY line, seq LIMIT ${PAGE}`,
        [importId, after.line, after.seq],
      ),
    );
    if (page.length > 0) {
      yield page.map((e) => ({ ...pushRowError(e.line, e.field, e.code), column: pushFieldLabel(e.field) }));
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last) return;
    after = last;
  }
}

const csvCell = (value: string | number | null | undefined) => {
  const text = String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Every rejected row of one import in the caller's scope, as a streamed .xlsx or UTF-8 .csv; 404 otherwise. */
export async function pushErrorReport(
  ctx: AppContext,
  actor: Actor,
  importId: string,
  format: 'xlsx' | 'csv',
): Promise<Readable> {
  await withScope(ctx.db, actor, (tx) => getPushImport(tx, actor, importId));
  const pages = errorPages(ctx, actor, importId);
  if (format === 'xlsx') {
    return streamWorkbook('错误报告', COLUMNS, pages, (error) =>
      ctx.log.warn({ err: error }, 'push error report stopped'),
    );
  }
  async function* csv() {
    // The BOM makes Excel read the file as UTF-8.
    yield `\uFEFF${COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n`;
    for await (const page of pages) {
      yield page.map((row) => `${COLUMNS.map((c) => csvCell(row[c.key])).join(',')}\r\n`).join('');
    }
  }
  return Readable.from(csv());
}
