import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A fresh database for the server: a new PostgreSQL database with TEST_DATABASE_URL, else a PGlite folder. */
async function freshStorage(): Promise<{ env: Record<string, string>; remove: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fangkong-e2e-'));
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    return {
      env: { FANGKONG_DATA_DIR: dataDir },
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  const name = `fk_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: {
      FANGKONG_DATA_DIR: dataDir,
      DATABASE_URL: target.toString(),
      FANGKONG_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
    },
    remove: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the real platform (`fangkong serve --demo`) as a child process and waits until it listens. */
export async function startServer(): Promise<RunningServer> {
  // Rebuilds only when a web source is newer than the last build.
  const build = spawnSync(process.execPath, ['scripts/build-web-if-needed.js'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web app did not build');
  const port = await freePort();
  const storage = await freshStorage();
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--demo', '--demo-persons', '300'],
    {
      env: { ...process.env, ...storage.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const started = Date.now();
  while (!log.includes('is ready at')) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    if (Date.now() - started > 120_000) throw new Error(`server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => log,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      await storage.remove();
    },
  };
}
