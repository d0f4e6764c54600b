import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseKind } from '../../src/platform/db/types.js';

/**
 * Benchmark sizes, read once from the environment. `BENCH_QUICK=1` shrinks every default so the
 * whole suite runs in a few minutes; an explicit size always wins.
 */
export interface BenchOptions {
  readonly quick: boolean;
  /** Engines to measure: PGlite always (unless BENCH_ENGINES says otherwise), PostgreSQL with a URL. */
  readonly engines: readonly DatabaseKind[];
  /** A PostgreSQL superuser URL; scratch databases `fk_bench_*` are created and dropped beside it. */
  readonly databaseUrl: string | undefined;
  readonly persons: number;
  /** Persons for the PGlite search run (defaults to `persons`): 1,000,000 on PGlite is slow to load. */
  readonly pglitePersons: number;
  readonly searchRounds: number;
  /** ANALYZE after loading the search data (BENCH_ANALYZE=0: only what the application and engine do). */
  readonly analyze: boolean;
  readonly importRows: number;
  readonly startupRuns: number;
  /** Arrivals registered (and planned) by the plans benchmark. */
  readonly planArrivals: number;
  /** Arrivals per transaction in the plans benchmark. */
  readonly planBatch: number;
  /** Rows of the push list classified by the pushClassify benchmark. */
  readonly pushRows: number;
  /** The same for PGlite only (defaults to `pushRows`). */
  readonly pglitePushRows: number;
  /** Records of the generated risk-area history the push list is classified against. */
  readonly riskAreas: number;
  /** Persons sampled in pools of 10 whose lab results the testingIngest benchmark posts. */
  readonly ingestPersons: number;
  /** Persons of the county whose campaign progress the campaignProgress benchmark reads. */
  readonly progressPersons: number;
  /** The same for PGlite only (defaults to `progressPersons`). */
  readonly pgliteProgressPersons: number;
  /** Rounds of each progress and missing-list read (p50/p95 over them). */
  readonly progressRounds: number;
  /** Registrations sent through POST /api/sampling/samples at each concurrency. */
  readonly samplingRequests: number;
  /** Residents of the county the load benchmark's users work in. */
  readonly loadPersons: number;
  /** Requests a second the load benchmark sends (open loop), and for how many seconds. */
  readonly loadRate: number;
  readonly loadSeconds: number;
  /** Residents of the county whose dashboard the dashboard benchmark reads. */
  readonly dashboardPersons: number;
  /** The same for PGlite only (defaults to `dashboardPersons`). */
  readonly pgliteDashboardPersons: number;
  /** Reads of the dashboard at each level (p50/p95 over them). */
  readonly dashboardRounds: number;
}

function size(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function engines(databaseUrl: string | undefined): DatabaseKind[] {
  const raw = process.env.BENCH_ENGINES;
  const wanted = raw ? raw.split(',').map((e) => e.trim()) : ['pglite', 'postgres'];
  for (const engine of wanted) {
    if (engine !== 'pglite' && engine !== 'postgres')
      throw new Error(`BENCH_ENGINES: unknown engine "${engine}" (pglite, postgres)`);
  }
  if (raw && wanted.includes('postgres') && !databaseUrl)
    throw new Error('BENCH_ENGINES names postgres but BENCH_DATABASE_URL is not set');
  return (['pglite', 'postgres'] as const).filter(
    (engine) => wanted.includes(engine) && (engine === 'pglite' || databaseUrl !== undefined),
  );
}

export function readOptions(): BenchOptions {
  const quick = process.env.BENCH_QUICK === '1';
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const persons = size('BENCH_PERSONS', quick ? 20_000 : 1_000_000);
  const pushRows = size('BENCH_PUSH_ROWS', quick ? 50_000 : 1_000_000);
  const progressPersons = size('BENCH_PROGRESS_PERSONS', quick ? 50_000 : 2_500_000);
  const dashboardPersons = size('BENCH_DASHBOARD_PERSONS', quick ? 50_000 : 2_500_000);
  return Object.freeze({
    quick,
    engines: engines(databaseUrl),
    databaseUrl,
    persons,
    pglitePersons: size('BENCH_PGLITE_PERSONS', persons),
    searchRounds: size('BENCH_SEARCH_ROUNDS', quick ? 50 : 500),
    analyze: process.env.BENCH_ANALYZE !== '0',
    importRows: size('BENCH_IMPORT_ROWS', quick ? 5_000 : 100_000),
    startupRuns: size('BENCH_STARTUP_RUNS', quick ? 1 : 3),
    planArrivals: size('BENCH_PLAN_ARRIVALS', quick ? 5_000 : 100_000),
    planBatch: size('BENCH_PLAN_BATCH', 500),
    pushRows,
    pglitePushRows: size('BENCH_PGLITE_PUSH_ROWS', pushRows),
    riskAreas: size('BENCH_RISK_AREAS', quick ? 2_000 : 20_000),
    ingestPersons: size('BENCH_INGEST_PERSONS', quick ? 50_000 : 1_000_000),
    progressPersons,
    pgliteProgressPersons: size('BENCH_PGLITE_PROGRESS_PERSONS', progressPersons),
    progressRounds: size('BENCH_PROGRESS_ROUNDS', quick ? 5 : 20),
    samplingRequests: size('BENCH_SAMPLING_REQUESTS', quick ? 500 : 5_000),
    loadPersons: size('BENCH_LOAD_PERSONS', quick ? 20_000 : 500_000),
    loadRate: size('BENCH_LOAD_RATE', 100),
    loadSeconds: size('BENCH_LOAD_SECONDS', quick ? 30 : 300),
    dashboardPersons,
    pgliteDashboardPersons: size('BENCH_PGLITE_DASHBOARD_PERSONS', dashboardPersons),
    dashboardRounds: size('BENCH_DASHBOARD_ROUNDS', quick ? 5 : 20),
  });
}

function pgliteVersion(): string {
  const file = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    'node_modules',
    '@electric-sql',
    'pglite',
    'package.json',
  );
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The machine and engines, as BENCHMARKS.md records them. */
export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let postgres = '';
  try {
    postgres = execSync('psql --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    postgres = 'psql not found';
  }
  return [
    `${cpus().length} cores (${cpu})`,
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node ${process.version}`,
    `PGlite ${pgliteVersion()}`,
    postgres,
  ].join(', ');
}
