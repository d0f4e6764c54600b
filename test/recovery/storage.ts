import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import type { Database } from '../../src/platform/db/types.js';

/** A database of its own for a server the test kills: a PGlite folder, or a PostgreSQL database with TEST_DATABASE_URL. */
export interface Storage {
  env: Record<string, string>;
  /** The database, opened for setting up and checking while no server holds it (PGlite) or alongside it (PostgreSQL). */
  open: () => Promise<Database>;
  /** PostgreSQL only: a connection watching the server's statements. */
  watch?: pg.Client;
  remove: () => Promise<void>;
}

export async function freshStorage(): Promise<Storage> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fangkong-kill-'));
  const url = process.env.TEST_DATABASE_URL;
  const template = process.env.FANGKONG_TEST_TEMPLATE;
  if (url && template) {
    const name = `fk_t_kill_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const watch = new pg.Client({ connectionString: target.toString() });
    await watch.connect();
    return {
      env: {
        FANGKONG_DATA_DIR: dataDir,
        DATABASE_URL: target.toString(),
        FANGKONG_SECRET: 'kill-secret-kill-secret-kill-secret-0123456789',
      },
      open: () => openPostgres(target.toString(), 1),
      watch,
      remove: async () => {
        await watch.end();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const dump = new Blob([readFileSync(process.env.FANGKONG_TEST_PGLITE_DUMP!)]);
  let first = true;
  return {
    env: { FANGKONG_DATA_DIR: dataDir },
    open: () => {
      const load = first ? dump : undefined;
      first = false;
      // The server keeps its PGlite folder in <data dir>/pgdata (src/platform/db/open.ts).
      return openPglite(join(dataDir, 'pgdata'), load);
    },
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
