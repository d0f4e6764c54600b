import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Actor } from '../../src/platform/access/actor.js';
import { openContext } from '../../src/platform/boot.js';
import { loadConfig } from '../../src/platform/config.js';
import type { AppContext } from '../../src/platform/context.js';
import type { DatabaseKind } from '../../src/platform/db/types.js';
import { createLogger } from '../../src/platform/logger.js';
import { permissionsOf, type Role } from '../../src/rules/roles.js';

/** Key material of every scratch database; the data is synthetic and dropped afterwards. */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const PREFIX = 'fk_bench_';

type Task = () => Promise<void>;
const pending = new Set<Task>();

/**
 * Registers clean-up that must run even when a benchmark fails or is interrupted. The task runs
 * once; calling it again (or cleanUpAll while it runs) waits for that one run.
 */
export function onCleanup(task: Task): Task {
  let running: Promise<void> | undefined;
  const once: Task = () => {
    running ??= task().finally(() => pending.delete(once));
    return running;
  };
  pending.add(once);
  return once;
}

/** Runs every clean-up still pending, newest first. */
export async function cleanUpAll(): Promise<void> {
  for (const task of [...pending].reverse()) {
    await task().catch((error: unknown) => console.error('clean-up failed:', error));
  }
}

/** Waits for `promise` at most `ms`: a database busy with an interrupted load may never close. */
async function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

let signalsHandled = false;
let interrupted = false;
/** True once Ctrl-C or a kill arrived: errors after it are the interruption's, not the benchmark's. */
export const wasInterrupted = () => interrupted;

/** Ctrl-C or a kill still drops the scratch databases and removes the temp folders. */
export function cleanUpOnSignals() {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: cleaning up…`);
      void cleanUpAll().finally(() => process.exit(130));
    });
  }
}

const TEMP_PREFIX = 'fk-bench-';

export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${process.pid}-${label}-`));
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Removes temporary folders left behind by a benchmark process that was killed outright. */
export function removeStaleFolders(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const pid = Number(name.slice(TEMP_PREFIX.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/** Drops scratch databases left behind by a benchmark process that no longer runs. */
export async function dropStaleDatabases(url: string): Promise<void> {
  await withAdmin(url, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`,
    );
    for (const { datname } of rows) {
      const pid = Number(datname.slice(PREFIX.length).split('_')[0]);
      if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
        await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let counter = 0;

/** A new empty PostgreSQL database beside `url`; returns its URL and how to drop it. */
export async function scratchDatabase(url: string, label: string): Promise<{ url: string; drop: Task }> {
  const name = `${PREFIX}${process.pid}_${label}_${++counter}`;
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  const drop = onCleanup(async () => {
    await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  return { url: target.toString(), drop };
}

interface Scratch {
  ctx: AppContext;
  /** Closes the database and drops it (PostgreSQL) or removes its folder (PGlite). */
  dispose: Task;
}

/**
 * A fresh, migrated platform context through the real start-up path (loadConfig + openContext):
 * PGlite in a temporary data folder, or a new PostgreSQL database.
 */
export async function freshContext(engine: DatabaseKind, databaseUrl: string | undefined, label: string) {
  const dataDir = tempDir(label);
  let drop: Task | undefined;
  let url: string | undefined;
  if (engine === 'postgres') {
    if (!databaseUrl) throw new Error('PostgreSQL benchmarks need BENCH_DATABASE_URL');
    ({ url, drop } = await scratchDatabase(databaseUrl, label));
  }
  const config = loadConfig({
    FANGKONG_DATA_DIR: dataDir,
    FANGKONG_SECRET: BENCH_SECRET,
    LOG_LEVEL: 'silent',
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const ctx = await openContext(config, createLogger('silent'));
  const dispose = onCleanup(async () => {
    try {
      await atMost(ctx.db.close(), 10_000);
      await drop?.();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  return { ctx, dispose } satisfies Scratch;
}

/** The actor of an existing account, as a request signed in with it would have. */
export async function actorOf(ctx: AppContext, username: string): Promise<Actor> {
  const [row] = await ctx.db.query<{ id: string; display_name: string; roles: Role[]; scopes: string[] }>(
    'SELECT id, display_name, roles, scopes FROM users WHERE username = $1',
    [username],
  );
  if (!row) throw new Error(`no account ${username}`);
  return {
    userId: row.id,
    username,
    displayName: row.display_name,
    roles: row.roles,
    permissions: permissionsOf(row.roles),
    scopes: row.scopes,
  };
}

/** Peak resident memory of this process so far, in MiB. */
export const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
