import { loadavg } from 'node:os';
import { bulletinBench } from './bulletin.js';
import { chainGenerationsBench } from './chainGenerations.js';
import { coExposureIngestBench, coExposureSearchBench } from './coExposure.js';
import { dashboardBench } from './dashboard.js';
import { drugSalesIngestBench } from './drugSalesIngest.js';
import { importBench } from './import.js';
import { isolationAllocateBench } from './isolationAllocate.js';
import { landingFormBench } from './landingForm.js';
import { type BenchOptions, machine, readOptions } from './lib/options.js';
import {
  cleanUpAll,
  cleanUpOnSignals,
  dropStaleDatabases,
  removeStaleFolders,
  wasInterrupted,
} from './lib/scratch.js';
import { type SummaryRow, table } from './lib/stats.js';
import { loadBench } from './load.js';
import { monitoringBoardBench } from './monitoringBoard.js';
import { plansBench } from './plans.js';
import { pushClassifyBench } from './pushClassify.js';
import { searchBench } from './search.js';
import { startupBench } from './startup.js';
import { testingIngestBench } from './testingIngest.js';
import { campaignProgressBench } from './testingProgress.js';
import { samplingHttpBench } from './testingSampling.js';
import { triggersBench } from './triggers.js';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- search import` only those named.
 * Sizes come from the environment (see BENCHMARKS.md): BENCH_QUICK=1 for a short run,
 * BENCH_DATABASE_URL to measure PostgreSQL as well as PGlite.
 * It runs under `node --import tsx`, not the tsx CLI: that one kills its child when the child does
 * not acknowledge Ctrl-C within 30 ms, which a PGlite busy with a batch cannot, so the clean-up
 * (dropping scratch databases, removing temp folders) would never run.
 */
const BENCHES: Record<string, (options: BenchOptions) => Promise<SummaryRow[]>> = {
  import: importBench,
  search: searchBench,
  startup: startupBench,
  plans: plansBench,
  pushClassify: pushClassifyBench,
  testingIngest: testingIngestBench,
  campaignProgress: campaignProgressBench,
  samplingHttp: samplingHttpBench,
  load: loadBench,
  dashboard: dashboardBench,
  drugSalesIngest: drugSalesIngestBench,
  landingForm: landingFormBench,
  bulletin: bulletinBench,
  triggers: triggersBench,
  coExposureIngest: coExposureIngestBench,
  coExposureSearch: coExposureSearchBench,
  chainGenerations: chainGenerationsBench,
  monitoringBoard: monitoringBoardBench,
  isolationAllocate: isolationAllocateBench,
};

/** Other work on the machine skews every figure: each section says how busy it was. */
const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function main(): Promise<number> {
  const names = process.argv.slice(2).filter((arg) => arg !== '--');
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
    return 2;
  }
  const options = readOptions();
  console.log(`# Fangkong benchmarks, ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(
    `options: ${JSON.stringify(options, (key, value) => (key === 'databaseUrl' && value ? '(set)' : value))}`,
  );
  cleanUpOnSignals();
  removeStaleFolders();
  if (options.databaseUrl) await dropStaleDatabases(options.databaseUrl);
  const rows: SummaryRow[] = [];
  const started = performance.now();
  try {
    for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
      console.log(`\n(load average before ${name}: ${loadAverage()})`);
      rows.push(...(await BENCHES[name]!(options)));
    }
  } finally {
    await cleanUpAll();
  }
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  console.log(`\n# Summary (${minutes} min, load average at the end ${loadAverage()})\n`);
  console.log(
    table(
      ['benchmark', 'engine', 'measure', 'value', 'baseline', 'ratio'],
      rows.map((r) => [r.bench, r.engine, r.measure, r.value, r.baseline, r.ratio]),
    ),
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed by now; should a stray handle remain, the run still ends.
    setTimeout(() => process.exit(), 2000).unref();
  },
  async (error: unknown) => {
    if (!wasInterrupted()) console.error(error);
    await cleanUpAll();
    process.exit(1);
  },
);
