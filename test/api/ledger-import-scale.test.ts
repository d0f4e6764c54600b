import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_PAGE,
  exportPersons,
  importPersons,
  mapHeader,
  sealPerson,
  toPersonInput,
  validatePerson,
} from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import type { SheetFormat } from '../../src/platform/bulk/index.js';
import type { AppContext } from '../../src/platform/context.js';
import type { Database } from '../../src/platform/db/types.js';
import { localDate } from '../../src/rules/time.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { seedWorld, VILLAGE_A } from '../support/world.js';
import { residentId } from './ledgerFiles.js';

/**
 * Bulk data is streamed (design, "Bulk data"): importing 20,000 rows holds about one batch, not the
 * file. Live heap is measured after a full collection at every batch, so the figure is what the
 * import keeps, not garbage awaiting collection; it is compared with what merely holding the parsed
 * rows takes. No timing is asserted; the rate is printed for the record.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const ROWS = 20_000;
const HEADER = ['姓名', '证件号码', '联系电话', '现住址区划代码', '详细地址', '重点人群'];
/** Every 100th row has a wrong jurisdiction, so rejected rows are on the path too. */
const row = (i: number, offset: number) => [
  `测试人员${i}`,
  residentId(offset + i),
  `139${String(offset + i).padStart(8, '0')}`,
  i % 100 === 99 ? '211122001999' : VILLAGE_A,
  `幸福小区${i % 50}号楼${i % 6}单元`,
  i % 3 === 0 ? '快递外卖从业人员' : '',
];

function* csvChunks(offset: number, rows = ROWS): Generator<string> {
  yield `${HEADER.join(',')}\n`;
  for (let start = 0; start < rows; start += 500) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(start + 500, rows); i++) lines.push(row(i, offset).join(','));
    yield `${lines.join('\n')}\n`;
  }
}

/**
 * Excel's own files keep text in a shared-strings table, which any streaming reader must hold
 * (exceljs caches it: memory grows with the distinct texts, not the rows). This file has inline
 * strings, so that the test measures the streaming of rows itself.
 */
async function writeXlsx(file: string, offset: number, rows = ROWS) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet('人员');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row(i, offset)).commit();
  sheet.commit();
  await workbook.commit();
}

let db: Database;
let drop: () => Promise<void>;
let ctx: AppContext;
let actor: Actor;
let dir: string;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  ctx = testContext(db).ctx;
  actor = (await seedWorld(ctx)).users.a_admin!;
  dir = mkdtempSync(join(tmpdir(), 'fangkong-ledger-'));
  // Warm up: code compiled on first use is not what the import holds.
  await importPersons(ctx, actor, Readable.from(csvChunks(900_000, 1500)), 'csv');
  await writeXlsx(join(dir, 'warm.xlsx'), 910_000, 1500);
  await importPersons(ctx, actor, createReadStream(join(dir, 'warm.xlsx')), 'xlsx');
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await drop?.();
});

/**
 * Heap that holding every row would take in an import that does not stream: the rows as read, and
 * the sealed rows it would insert (their ciphertexts' bytes live outside the JS heap, not counted).
 */
function heldRowsHeap(offset: number): number {
  const header = mapHeader(HEADER);
  const today = localDate(ctx.now(), ctx.config.defaultTimeZone);
  const before = liveHeap();
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const values = row(i, offset);
    const { fields } = validatePerson(toPersonInput(values, header).input, today);
    return { line: i + 2, values, sealed: fields && sealPerson(ctx.cipher, fields) };
  });
  const held = liveHeap() - before;
  expect(rows.filter((r) => r.sealed)).toHaveLength(ROWS);
  return held;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/**
 * Imports with the live heap sampled after every batch. `growth` is the most the import held over
 * the start; `perRow` is what it kept from the second batch on, where fixed costs (parser buffers,
 * the worksheet spooled by exceljs) are paid and only what grows with the rows is left. `perRow`
 * compares the median of the last five samples with the median of the second to fourth, so that one
 * sample taken while a batch's buffers were still in flight (seen once on a loaded machine) does not
 * pass for growth; a non-streaming import would raise every late sample, not one.
 */
async function measuredImport(source: () => Readable, format: SheetFormat, offset: number) {
  const stream = source();
  const before = liveHeap();
  const samples: number[] = [];
  let measuring = 0;
  const started = performance.now();
  const report = await importPersons(ctx, actor, stream, format, {
    fileName: `scale.${format}`,
    onProgress: () => {
      const start = performance.now();
      samples.push(liveHeap() - before);
      measuring += performance.now() - start;
    },
  });
  const seconds = (performance.now() - started - measuring) / 1000;
  const held = heldRowsHeap(offset);
  expect(samples.length).toBeGreaterThanOrEqual(10);
  const growth = Math.max(...samples);
  const perRow = median(samples.slice(-5)) - median(samples.slice(1, 4));
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `${format} on ${db.kind}: ${ROWS} rows in ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} rows/s, ` +
      `measurement excluded); live heap: growth ${mb(growth)} MiB, from the second batch ${mb(perRow)} MiB; ` +
      `holding the rows read and sealed takes ${mb(held)} MiB`,
  );
  return { report, growth, perRow, held };
}

/** Streaming: what grows with the rows (the ID-number hashes) is a small part of the rows themselves. */
function expectBounded({ growth, perRow, held }: { growth: number; perRow: number; held: number }) {
  expect(perRow).toBeLessThan(held / 4);
  expect(growth).toBeLessThan(held * 0.75);
}

describe('ledger import at scale', () => {
  it('imports 20,000 csv rows holding a batch, not the file', async () => {
    const { report, ...heap } = await measuredImport(() => Readable.from(csvChunks(0)), 'csv', 0);
    expect(report).toMatchObject({
      total: ROWS,
      created: ROWS - ROWS / 100,
      unchanged: 0,
      rejected: ROWS / 100,
    });
    expect(report.errors[0]).toMatchObject({
      line: 101,
      field: 'jurisdictionCode',
      code: 'jurisdiction_unknown',
    });
    const [count] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM person_import_errors WHERE import_id = $1',
      [report.jobId],
    );
    expect(count!.n).toBe(ROWS / 100);
    expectBounded(heap);
  });

  it('imports 20,000 xlsx rows streamed from disk', async () => {
    const file = join(dir, 'scale.xlsx');
    await writeXlsx(file, ROWS);

    const { report, ...heap } = await measuredImport(() => createReadStream(file), 'xlsx', ROWS);
    expect(report).toMatchObject({ total: ROWS, created: ROWS - ROWS / 100, rejected: ROWS / 100 });
    expectBounded(heap);
  });

  it('exports the imported rows through several keyset pages, in list order, masked', async () => {
    const stream = await exportPersons(ctx, actor, { jurisdiction: VILLAGE_A });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const names: string[] = [];
    const masked: string[] = [];
    workbook.worksheets[0]!.eachRow((r, n) => {
      if (n === 1) return;
      names.push(String(r.getCell(1).value));
      masked.push(String(r.getCell(3).value));
    });
    const expected = await db.query<{ name: string }>(
      'SELECT name FROM persons WHERE jurisdiction_code = $1 ORDER BY jurisdiction_code, name, id',
      [VILLAGE_A],
    );
    expect(expected.length).toBeGreaterThan(3 * EXPORT_PAGE);
    expect(names).toEqual(expected.map((r) => r.name));
    expect(masked.every((id) => /^\d{6}\*{8}\d{3}[\dX]$/.test(id))).toBe(true);
  });
});
