import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import type { Database } from '../../src/platform/db/types.js';

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
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dump = process.env.FANGKONG_TEST_PGLITE_DUMP;
  if (!dump) throw new Error('test/support/globalSetup.ts did not run');
  const db = await openPglite(undefined, new Blob([readFileSync(dump)]));
  return { db, drop: () => db.close() };
}
