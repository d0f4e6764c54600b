import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { DEMO_COUNTY } from '../src/modules/demo/index.js';
import { ingestSales, type SaleRow, salesFromFile } from '../src/modules/drugSales/index.js';
import { importDivisions } from '../src/modules/jurisdictions/index.js';
import { createUser } from '../src/platform/access/accounts.js';
import { withScope } from '../src/platform/access/scope.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { withCheckDigit } from '../src/rules/idNumber.js';
import { localDate } from '../src/rules/time.js';
import { copyIntoPlainTable } from './lib/copyBaseline.js';
import type { BenchOptions } from './lib/options.js';
import { log } from './lib/report.js';
import { actorOf, freshContext, peakRssMiB, tempDir } from './lib/scratch.js';
import { ratio, type SummaryRow, seconds, table, thousands, timed } from './lib/stats.js';

/**
 * Four-class drug sales ingested (MON-2; issue 14 item 8): `BENCH_DRUG_SALES` sales (default
 * 200,000; 20,000 with BENCH_QUICK) of one county's pharmacies, sent as the till API sends them
 * (batches of 5,000, one transaction each: check, encrypt, hash, insert, follow-up deadlines) and
 * as an outlet's .csv sheet (streamed read, one transaction), then the same sheet again (nothing
 * changes). Baseline in the same run and database: a raw COPY of the stored rows into a plain table
 * with the same columns and no key, index or row-level security.
 */
const ZONE = 'Asia/Shanghai';
const BATCH = 5_000;
const CLASS_SETS = [
  ['antipyretic'],
  ['antitussive'],
  ['antipyretic', 'antitussive'],
  ['antiviral'],
  ['antibiotic'],
];
const CLASS_WORDS: Record<string, string> = {
  antipyretic: '退热',
  antitussive: '止咳',
  antiviral: '抗病毒',
  antibiotic: '抗生素',
};

function salesCount(quick: boolean): number {
  const raw = process.env.BENCH_DRUG_SALES;
  const value = raw ? Number(raw.replaceAll('_', '')) : quick ? 20_000 : 200_000;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`BENCH_DRUG_SALES must be a positive integer, got "${raw}"`);
  return value;
}

/** `count` sales over the last 7 days, buyers from a pool of synthetic valid ID numbers. */
function makeSales(count: number, now: Date, prefix: string): SaleRow[] {
  return Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    saleId: `${prefix}-${i}`,
    soldAt: new Date(now.getTime() - ((i * 7919) % (7 * 86_400)) * 1000),
    idNumber: withCheckDigit(
      `2111221980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`,
    ),
    buyerName: null,
    phone: i % 3 === 0 ? null : `139${String(i).padStart(8, '0')}`,
    classes: CLASS_SETS[i % CLASS_SETS.length] as SaleRow['classes'],
    quantity: 1 + (i % 3),
  }));
}

function writeSheet(file: string, rows: readonly SaleRow[]) {
  const local = (at: Date) => format(new TZDate(at, ZONE), 'yyyy-MM-dd HH:mm:ss');
  const lines = rows.map(
    (r) =>
      `${r.saleId},${local(r.soldAt)},${r.idNumber},${r.phone ?? ''},${r.classes.map((c) => CLASS_WORDS[c]).join('、')},${r.quantity}\n`,
  );
  writeFileSync(file, `\uFEFF销售单号,销售时间,身份证号,联系电话,药品类别,数量\n${lines.join('')}`);
}

async function ingestOn(engine: DatabaseKind, options: BenchOptions): Promise<SummaryRow[]> {
  const count = salesCount(options.quick);
  log(`\n## drugSalesIngest on ${engine}: ${thousands(count)} sales`);
  const { ctx, dispose } = await freshContext(engine, options.databaseUrl, 'drugsales');
  try {
    await importDivisions(ctx.db, DEMO_COUNTY);
    await createUser(ctx.db, undefined, {
      username: 'pharmacy',
      displayName: 'pharmacy',
      password: 'Bench-password-1',
      roles: ['pharmacy'],
      scopes: [DEMO_COUNTY],
    });
    const actor = await actorOf(ctx, 'pharmacy');
    const outlets = await ctx.db.query<{
      id: string;
      jurisdictionCode: string;
      name: string;
      kind: 'pharmacy';
    }>(
      `INSERT INTO drug_outlets (jurisdiction_code, name, kind) VALUES ($1 || '001', '甲药房', 'pharmacy'),
         ($1 || '001', '乙药房', 'pharmacy')
       RETURNING id, jurisdiction_code AS "jurisdictionCode", name, kind`,
      [DEMO_COUNTY],
    );
    const [apiOutlet, sheetOutlet] = outlets.map((o) => ({ ...o, jurisdictionName: null }));
    if (!apiOutlet || !sheetOutlet) throw new Error('outlets not created');
    const now = ctx.now();
    const rows = makeSales(count, now, 'api');

    const api = await timed(async () => {
      let inserted = 0;
      for (let i = 0; i < rows.length; i += BATCH) {
        const report = await withScope(ctx.db, actor, (tx) =>
          ingestSales(tx, ctx, actor, apiOutlet, ZONE, rows.slice(i, i + BATCH), { kind: 'api' }),
        );
        inserted += report.inserted;
      }
      return inserted;
    });
    log(`  batch API path: ${seconds(api.ms)} s, ${thousands(api.result)} inserted`);
    const copy = await copyIntoPlainTable(ctx.db, 'drug_sales');
    log(
      `  raw COPY of the ${thousands(copy.rows)} stored rows: ${seconds(copy.ms)} s (${copy.mib.toFixed(1)} MiB)`,
    );

    const file = join(tempDir('drugsales'), 'sales.csv');
    writeSheet(file, makeSales(count, now, 'sheet'));
    const today = localDate(now, ZONE);
    const sheet = async () => {
      const parse = await timed(() =>
        salesFromFile(createReadStream(file), 'csv', ZONE, today, now, ctx.config.uploads),
      );
      const posted = await timed(() =>
        withScope(ctx.db, actor, (tx) =>
          ingestSales(tx, ctx, actor, sheetOutlet, ZONE, parse.result.rows, {
            kind: 'file',
            fileName: 'sales.csv',
            rejectedBefore: parse.result.errors,
          }),
        ),
      );
      return { ms: parse.ms + posted.ms, parseMs: parse.ms, report: posted.result };
    };
    const first = await sheet();
    log(
      `  .csv import: ${seconds(first.ms)} s (read ${seconds(first.parseMs)} s), ${thousands(first.report.inserted)} inserted, ${first.report.rejected} rejected`,
    );
    const again = await sheet();
    log(
      `  .csv import again: ${seconds(again.ms)} s, ${thousands(again.report.unchanged)} unchanged, ${again.report.inserted} inserted`,
    );
    const [deadlines] = await ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deadlines WHERE subject_type = 'drug_sale_day' AND done_at IS NULL",
    );
    const measures = [
      { label: `batch API (${BATCH.toLocaleString('en-US')} per transaction)`, ms: api.ms },
      { label: '.csv import, one transaction', ms: first.ms },
      { label: '.csv import again (all unchanged)', ms: again.ms },
    ];
    log(
      `\n${table(
        ['run', 'seconds', 'sales/s', '/ COPY'],
        measures.map((m) => [m.label, seconds(m.ms), thousands((count / m.ms) * 1000), ratio(m.ms, copy.ms)]),
      )}`,
    );
    log(`open follow-up deadlines: ${deadlines?.n} (one per outlet and day); peak RSS ${peakRssMiB()} MiB`);
    return measures.map((m) => ({
      bench: 'drugSalesIngest',
      engine,
      measure: `${thousands(count)} sales: ${m.label}`,
      value: `${seconds(m.ms)} s`,
      baseline: `${seconds(copy.ms)} s raw COPY`,
      ratio: ratio(m.ms, copy.ms),
    }));
  } finally {
    await dispose();
  }
}

export async function drugSalesIngestBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const engine of options.engines) rows.push(...(await ingestOn(engine, options)));
  return rows;
}
