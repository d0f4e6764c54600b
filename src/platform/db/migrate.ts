import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './types.js';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Migrations live beside the code that owns their tables: platform/db/migrations and modules/<name>/migrations. */
function findMigrations(): Migration[] {
  const folders = [join(srcDir, 'platform', 'db', 'migrations')];
  for (const module of readdirSync(join(srcDir, 'modules'))) {
    const folder = join(srcDir, 'modules', module, 'migrations');
    if (existsSync(folder)) folders.push(folder);
  }
  const migrations = folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
      .map((file) => ({
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql: readFileSync(join(folder, file), 'utf8'),
      })),
  );
  migrations.sort((a, b) => a.version - b.version);
  for (const [i, migration] of migrations.entries()) {
    if (migration.version === migrations[i - 1]?.version) {
      throw new Error(`two migrations share version ${migration.version}`);
    }
  }
  return migrations;
}

export async function schemaVersion(db: Database): Promise<number> {
  const rows = await db.query<{ version: number | null }>(
    'SELECT max(version)::int AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}

/** Applies every pending migration, each in its own transaction; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const done: string[] = [];
  for (const migration of findMigrations()) {
    if (applied.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
    done.push(`${migration.version}_${migration.name}`);
  }
  return done;
}
