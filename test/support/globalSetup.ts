import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadShippedDocuments } from '../../src/modules/documents/index.js';
import { loadShippedPacks } from '../../src/modules/policy/index.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';

/**
 * Migrates one template per run: a PostgreSQL database when TEST_DATABASE_URL is set (each test
 * file then copies it with CREATE DATABASE … TEMPLATE), else a PGlite dump each file loads.
 * Everything made here is removed at the end.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `fk_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const db = await openPostgres(templateUrl.toString(), 1);
    await migrate(db);
    await loadShippedDocuments(db);
    await loadShippedPacks(db);
    await db.close();
    process.env.FANGKONG_TEST_TEMPLATE = template;
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'fk\\_t\\_%' OR datname = $1",
        [template],
      );
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'fangkong-test-'));
  const db = await openPglite(undefined);
  await migrate(db);
  await loadShippedDocuments(db);
  await loadShippedPacks(db);
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await db.close();
  process.env.FANGKONG_TEST_PGLITE_DUMP = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
