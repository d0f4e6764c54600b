import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import type { Database } from '../../src/platform/db/types.js';

/**
 * Drops a test database. An autovacuum worker may be busy in it: PostgreSQL 15 then refuses FORCE
 * to a role without pg_signal_backend (42501), so wait for the worker to finish and try again.
 */
async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== '42501' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** A fresh, migrated database of the engine under test; `drop()` removes it. */
export async function freshDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  const template = process.env.FANGKONG_TEST_TEMPLATE;
  if (url && template) {
    const name = `fk_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = await openPostgres(target.toString(), 4);
    return {
      db,
      drop: async () => {
        await db.close();
        await dropDatabase(admin, name);
        await admin.end();
      },
    };
  }
  const dump = process.env.FANGKONG_TEST_PGLITE_DUMP;
  if (!dump) throw new Error('test/support/globalSetup.ts did not run');
  const db = await openPglite(undefined, new Blob([readFileSync(dump)]));
  return { db, drop: () => db.close() };
}
