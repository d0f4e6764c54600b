#!/usr/bin/env node
// `npm test`: unit and integration tests (PGlite, or PostgreSQL with TEST_DATABASE_URL), then the
// end-to-end tests in Chromium when it is installed, saying plainly when it is not.
// `--no-e2e` runs only the first part (CI repeats it under another Node version).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from './chromium.js';

// Vitest runs under the Node that runs this script, whatever `node` is first on PATH.
const vitest = join('node_modules', 'vitest', 'vitest.mjs');
const outDir = mkdtempSync(join(tmpdir(), 'fangkong-results-'));

function run(label, args) {
  const file = join(outDir, `${label}.json`);
  const { status } = spawnSync(
    process.execPath,
    [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    {
      stdio: 'inherit',
    },
  );
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, status: status ?? 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0),
    skipped: report.numPendingTests + report.numTodoTests,
    status: status ?? 1,
  };
}

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite (embedded)';
console.log(`Unit and integration tests on ${engine}, Node ${process.version}`);
const results = [['unit+integration', run('unit', [])]];

const browser = chromiumPath();
if (process.argv.includes('--no-e2e')) {
  console.log('\ne2e: not run (--no-e2e).');
} else if (browser) {
  console.log(`\nEnd-to-end tests in ${browser}`);
  results.push(['e2e', run('e2e', ['--config', 'vitest.e2e.config.ts'])]);
} else {
  console.log(
    '\ne2e: SKIPPED — Chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH).',
  );
}

rmSync(outDir, { recursive: true, force: true });
console.log('');
for (const [label, r] of results)
  console.log(`${label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
const total = results.reduce(
  (sum, [, r]) => ({
    passed: sum.passed + r.passed,
    failed: sum.failed + r.failed,
    skipped: sum.skipped + r.skipped,
  }),
  {
    passed: 0,
    failed: 0,
    skipped: 0,
  },
);
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(results.every(([, r]) => r.status === 0) ? 0 : 1);
