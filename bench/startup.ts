import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openContext } from '../src/platform/boot.js';
import { loadConfig } from '../src/platform/config.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { createLogger } from '../src/platform/logger.js';
import type { BenchOptions } from './lib/options.js';
import { log, saveJson } from './lib/report.js';
import { BENCH_SECRET, onCleanup, scratchDatabase, tempDir } from './lib/scratch.js';
import { median, ratio, type SummaryRow, seconds, table, timed } from './lib/stats.js';

/**
 * Seconds from `npm start` to "is ready at" and to the first good GET /api/health, on a fresh data
 * folder (migrations + the demo county) and again on the folder it left, against a bare
 * node:http server started the same way.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 300_000;
const POLL_MS = 20;
const READY = /is ready at .*\(database: \w+, ([\d.]+) s\)/;

interface Start {
  readyMs: number;
  healthMs: number;
  /** What the server itself reports on its ready line: serve() alone, after opening and migrating. */
  inProcessMs: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the process group we started (npm → tsx → node), politely first, so PGlite closes its files. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
}

/** Polls until `url` answers 200; resolves with the time it did, relative to `start`. */
async function firstOk(url: string, start: number, gone: () => boolean): Promise<number> {
  while (!gone()) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error('the process ended before it answered');
}

/** Spawns `command`, times the ready line and the first good response, then stops it. */
async function timeStart(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyPattern: RegExp,
  healthPath: string,
): Promise<Start> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = onCleanup(() => stopGroup(child));
  let output = '';
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const ready = new Promise<{ ms: number; inProcessMs: number }>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = readyPattern.exec(output);
      if (match) resolve({ ms: performance.now() - start, inProcessMs: Number(match[1] ?? 0) * 1000 });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    const [line, healthMs] = await Promise.race([
      Promise.all([ready, firstOk(`http://127.0.0.1:${port}${healthPath}`, start, () => exited)]),
      timeout,
    ]);
    return { readyMs: line.ms, healthMs, inProcessMs: line.inProcessMs };
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')}: ${(error as Error).message}\n${output.slice(-2000)}`);
  } finally {
    clearTimeout(timer);
    await stop();
    if (!exited) await once(child, 'exit');
  }
}

/** The environment of `npm start`, without any database settings this shell may carry. */
function platformEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, FANGKONG_SECRET: _secret, FANGKONG_DATA_DIR: _dir, ...env } = process.env;
  return { ...env, ...extra };
}

async function fangkongStarts(engine: DatabaseKind, options: BenchOptions) {
  const runs: { first: Start; second: Start }[] = [];
  for (let i = 0; i < options.startupRuns; i++) {
    const dataDir = tempDir('startup');
    const extra: Record<string, string> = { FANGKONG_DATA_DIR: dataDir };
    let drop: (() => Promise<void>) | undefined;
    if (engine === 'postgres') {
      const scratch = await scratchDatabase(options.databaseUrl!, 'startup');
      Object.assign(extra, { DATABASE_URL: scratch.url, FANGKONG_SECRET: BENCH_SECRET });
      drop = scratch.drop;
    }
    try {
      const env = platformEnv(extra);
      const first = await timeStart('npm', ['start'], env, READY, '/api/health');
      const second = await timeStart('npm', ['start'], env, READY, '/api/health');
      log(
        `  run ${i + 1}: fresh ${seconds(first.readyMs)} s to ready, ${seconds(first.healthMs)} s to health; ` +
          `again ${seconds(second.readyMs)} s / ${seconds(second.healthMs)} s`,
      );
      runs.push({ first, second });
    } finally {
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return runs;
}

/**
 * A landmark for reading the figures above: openContext (open the database, apply migrations)
 * timed in this process, on a fresh folder or database and again on the one it left.
 */
async function openTimes(engine: DatabaseKind, options: BenchOptions) {
  const times: { fresh: number; again: number }[] = [];
  for (let i = 0; i < options.startupRuns; i++) {
    const dataDir = tempDir('open');
    const scratch = engine === 'postgres' ? await scratchDatabase(options.databaseUrl!, 'open') : undefined;
    try {
      const config = loadConfig({
        FANGKONG_DATA_DIR: dataDir,
        FANGKONG_SECRET: BENCH_SECRET,
        ...(scratch ? { DATABASE_URL: scratch.url } : {}),
      });
      const open = () => timed(() => openContext(config, createLogger('silent')));
      const fresh = await open();
      await fresh.result.db.close();
      const again = await open();
      await again.result.db.close();
      times.push({ fresh: fresh.ms, again: again.ms });
    } finally {
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { fresh: median(times.map((t) => t.fresh)), again: median(times.map((t) => t.again)) };
}

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok'))
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));`;

export async function startupBench(options: BenchOptions): Promise<SummaryRow[]> {
  log(`\n## startup: ${options.startupRuns} runs each`);
  const bare: Start[] = [];
  for (let i = 0; i < options.startupRuns; i++) {
    bare.push(await timeStart(process.execPath, ['-e', BARE_SERVER], process.env, /listening/, '/'));
  }
  const bareMs = median(bare.map((b) => b.healthMs));
  log(`bare node:http: ${bare.map((b) => seconds(b.healthMs)).join(', ')} s to first response`);
  // Not the baseline, a landmark: the same server through tsx, the TypeScript loader `npm start` uses.
  const viaTsx: Start[] = [];
  for (let i = 0; i < options.startupRuns; i++) {
    viaTsx.push(
      await timeStart(
        join(root, 'node_modules', '.bin', 'tsx'),
        ['-e', BARE_SERVER],
        process.env,
        /listening/,
        '/',
      ),
    );
  }
  const tsxMs = median(viaTsx.map((b) => b.healthMs));
  log(`the same through tsx: ${viaTsx.map((b) => seconds(b.healthMs)).join(', ')} s to first response`);

  const summary: SummaryRow[] = [];
  const figures: Record<string, unknown> = { bare, viaTsx };
  for (const engine of options.engines) {
    log(`npm start on ${engine}:`);
    const runs = await fangkongStarts(engine, options);
    const opened = await openTimes(engine, options);
    figures[engine] = { runs, openContextMs: opened };
    const rows = (['first', 'second'] as const).flatMap((which) => {
      const label = which === 'first' ? 'fresh data folder' : 'initialised folder';
      const ready = runs.map((r) => r[which].readyMs);
      const health = runs.map((r) => r[which].healthMs);
      const inProcess = runs.map((r) => r[which].inProcessMs);
      return [
        {
          label: `${label}: to "is ready at"`,
          runs: ready,
          median: median(ready),
          inProcess: median(inProcess),
        },
        {
          label: `${label}: to GET /api/health 200`,
          runs: health,
          median: median(health),
          inProcess: Number.NaN,
        },
      ];
    });
    log(
      table(
        ['npm start', 'runs (s)', 'median (s)', 'serve() itself (s)', 'ratio to bare node:http'],
        rows.map((r) => [
          r.label,
          r.runs.map(seconds).join(', '),
          seconds(r.median),
          Number.isNaN(r.inProcess) ? '' : seconds(r.inProcess),
          ratio(r.median, bareMs),
        ]),
      ),
    );
    log(
      `  for reading the table: openContext (open the database + migrations) in this process takes ` +
        `${seconds(opened.fresh)} s on a fresh ${engine === 'pglite' ? 'folder' : 'database'}, ` +
        `${seconds(opened.again)} s on the initialised one; serve() itself is timed by the server ` +
        `(loading the demo county on a fresh start, building the app, listening).`,
    );
    summary.push(
      ...rows.map((r) => ({
        bench: 'startup',
        engine,
        measure: `npm start, ${r.label} (median of ${r.runs.length})`,
        value: `${seconds(r.median)} s`,
        baseline: `${seconds(bareMs)} s node:http`,
        ratio: ratio(r.median, bareMs),
      })),
    );
  }
  summary.push({
    bench: 'startup',
    engine: '–',
    measure: `tsx -e (node:http through the TypeScript loader), median of ${viaTsx.length}`,
    value: `${seconds(tsxMs)} s`,
    baseline: `${seconds(bareMs)} s node:http`,
    ratio: ratio(tsxMs, bareMs),
  });
  log(`figures saved to ${saveJson('startup', figures)}`);
  return summary;
}
