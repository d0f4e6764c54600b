import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadDemo } from '../src/modules/demo/index.js';
import type { PersonFields } from '../src/modules/persons/index.js';
import {
  type ImportReport,
  importPersons,
  SEALED_COLUMNS,
  sealPerson,
} from '../src/modules/persons/index.js';
import type { Actor } from '../src/platform/access/actor.js';
import type { AppContext } from '../src/platform/context.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { demoGrids, ledgerPeople, sealedCsv, writeLedgerCsv, writeLedgerXlsx } from './lib/ledger.js';
import type { BenchOptions } from './lib/options.js';
import { log, saveJson } from './lib/report.js';
import { actorOf, freshContext, peakRssMiB, tempDir } from './lib/scratch.js';
import { ratio, type SummaryRow, seconds, table, thousands, timed } from './lib/stats.js';

/**
 * Ledger import (台账) of generated persons from .csv and .xlsx through `importPersons`, each into a
 * fresh database holding the demo county's divisions and grids, against a raw COPY of the same rows
 * (already sealed) into the persons table of another fresh database.
 */

interface Ledger {
  people: PersonFields[];
  csv: string;
  xlsx: string;
}

interface Measure {
  label: string;
  ms: number;
  /** CPU time of this process meanwhile: all of the work on PGlite, the client's share on a server. */
  cpuMs: number;
  report?: ImportReport;
}

/** A fresh database with the demo county's divisions, grids and accounts (no persons). */
async function freshCounty(engine: DatabaseKind, options: BenchOptions) {
  const scratch = await freshContext(engine, options.databaseUrl, 'import');
  await loadDemo(scratch.ctx, 0);
  return scratch;
}

async function makeLedger(ctx: AppContext, rows: number): Promise<Ledger> {
  const dir = tempDir('ledger');
  const people = ledgerPeople(await demoGrids(ctx), rows);
  const ledger = { people, csv: join(dir, '人员台账.csv'), xlsx: join(dir, '人员台账.xlsx') };
  const csv = await timed(() => writeLedgerCsv(ledger.csv, people));
  const xlsx = await timed(() => writeLedgerXlsx(ledger.xlsx, people));
  const mb = (file: string) => (statSync(file).size / 2 ** 20).toFixed(1);
  log(
    `generated ${thousands(rows)} rows: .csv ${mb(ledger.csv)} MiB (${seconds(csv.ms)} s), .xlsx ${mb(ledger.xlsx)} MiB (${seconds(xlsx.ms)} s)`,
  );
  return ledger;
}

async function runImport(
  ctx: AppContext,
  actor: Actor | undefined,
  file: string,
  format: 'csv' | 'xlsx',
  label: string,
  expectCreated: number,
): Promise<Measure> {
  const {
    result: report,
    ms,
    cpuMs,
  } = await timed(() =>
    importPersons(ctx, actor, createReadStream(file), format, { fileName: file.split('/').pop()! }),
  );
  const { total, created, unchanged, rejected } = report;
  log(
    `  ${label}: ${seconds(ms)} s — total ${total}, created ${created}, unchanged ${unchanged}, rejected ${rejected}`,
  );
  if (created !== expectCreated || rejected > 0) {
    log(
      `  ! expected ${expectCreated} created and none rejected; first errors: ${JSON.stringify(report.errors.slice(0, 3))}`,
    );
  }
  return { label, ms, cpuMs, report };
}

async function importOn(engine: DatabaseKind, options: BenchOptions, ledgerCache: { ledger?: Ledger }) {
  const rows = options.importRows;
  log(`\n## import on ${engine}: ${thousands(rows)} persons`);
  const measures: Measure[] = [];

  const first = await freshCounty(engine, options);
  let sealMs = 0;
  try {
    ledgerCache.ledger ??= await makeLedger(first.ctx, rows);
    const { ledger } = ledgerCache;
    const admin = await actorOf(first.ctx, 'admin');
    measures.push(
      await runImport(first.ctx, admin, ledger.csv, 'csv', 'csv, web upload path (admin, RLS)', rows),
    );
    measures.push(await runImport(first.ctx, admin, ledger.csv, 'csv', 're-import of the same csv', 0));
  } finally {
    await first.dispose();
  }

  const { ledger } = ledgerCache;
  for (const [format, actorName, label] of [
    ['xlsx', 'admin', 'xlsx, web upload path (admin, RLS)'],
    ['csv', undefined, 'csv, CLI path (owner, no RLS)'],
  ] as const) {
    const scratch = await freshCounty(engine, options);
    try {
      const actor = actorName ? await actorOf(scratch.ctx, actorName) : undefined;
      measures.push(await runImport(scratch.ctx, actor, ledger[format], format, label, rows));
    } finally {
      await scratch.dispose();
    }
  }

  const copyDb = await freshCounty(engine, options);
  try {
    const sealed = await timed(async () => ledger.people.map((p) => sealPerson(copyDb.ctx.cipher, p)));
    sealMs = sealed.ms;
    const csv = sealedCsv(sealed.result);
    const copy = await timed(() => copyDb.ctx.db.copyCsv('persons', SEALED_COLUMNS, csv));
    const [count] = await copyDb.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
    if (count?.n !== rows) throw new Error(`COPY loaded ${count?.n} rows, expected ${rows}`);
    measures.push({ label: 'baseline: raw COPY of the sealed rows', ms: copy.ms, cpuMs: copy.cpuMs });
    log(`  raw COPY: ${seconds(copy.ms)} s (sealing the rows beforehand, not counted: ${seconds(sealMs)} s)`);
  } finally {
    await copyDb.dispose();
  }

  const copyMs = measures.at(-1)!.ms;
  log(
    `\n${table(
      ['run', 'seconds', 'rows/s', 'ratio to COPY', 'CPU s (this process)'],
      measures.map((m) => [
        m.label,
        seconds(m.ms),
        thousands((rows / m.ms) * 1000),
        ratio(m.ms, copyMs),
        seconds(m.cpuMs),
      ]),
    )}\n(${thousands(rows)} rows; sealing them alone — AES-GCM and HMAC of ID numbers and phones — took ${seconds(sealMs)} s; peak RSS ${peakRssMiB()} MiB)`,
  );
  const file = saveJson(`import-${engine}`, {
    engine,
    rows,
    sealMs,
    measures: measures.map(({ label, ms, cpuMs, report }) => ({
      label,
      ms,
      cpuMs,
      report: report && { ...report, errors: report.errors.length },
    })),
  });
  log(`figures saved to ${file}`);
  return measures.map(
    (m): SummaryRow => ({
      bench: 'import',
      engine,
      measure: `${thousands(rows)} persons: ${m.label}`,
      value: `${seconds(m.ms)} s (${thousands((rows / m.ms) * 1000)}/s)`,
      baseline: `${seconds(copyMs)} s COPY`,
      ratio: ratio(m.ms, copyMs),
    }),
  );
}

export async function importBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  // The ledger files are generated once and imported on every engine.
  const cache: { ledger?: Ledger } = {};
  for (const engine of options.engines) rows.push(...(await importOn(engine, options, cache)));
  return rows;
}
