import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { exited, spawnServer } from '../../support/serverProcess.js';

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
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

/**
 * Starts the real platform (`fangkong serve --demo`) as a child process and waits until it listens.
 * With `clockFile`, the server's clock is the real time shifted by the milliseconds that file holds
 * (src/platform/clock.ts), so a test can let days pass.
 */
export async function startServer(options: { clockFile?: string } = {}): Promise<RunningServer> {
  // Rebuilds only when a web source is newer than the last build.
  const build = spawnSync(process.execPath, ['scripts/build-web-if-needed.js'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web app did not build');
  const storage = await freshStorage();
  const clock: Record<string, string> = options.clockFile
    ? { FANGKONG_TEST_CLOCK_FILE: options.clockFile, NODE_ENV: 'test' }
    : {};
  const server = await spawnServer(
    ['serve', '--demo', '--demo-persons', '300'],
    { ...storage.env, ...clock },
    120_000,
  );
  return {
    url: server.url,
    output: server.output,
    stop: async () => {
      server.child.kill('SIGTERM');
      await exited(server.child);
      await storage.remove();
    },
  };
}
