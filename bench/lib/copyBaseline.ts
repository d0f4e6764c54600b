import type { Database } from '../../src/platform/db/types.js';
import { timed } from './stats.js';

/** Rows per COPY: a bulk loader's chunk, so that neither engine holds one huge CSV text at once. */
const CHUNK = 10_000;

type TextRow = Record<string, string | null>;

/** NULL unquoted, everything else quoted (the database's own text form, so COPY reads it back as it was). */
const cell = (value: string | null) => (value === null ? '' : `"${value.replaceAll('"', '""')}"`);

/** Every row of `table` with every column in its text form, in column order. */
async function readAsText(db: Database, table: string): Promise<{ columns: string[]; rows: TextRow[] }> {
  const columns = (
    await db.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
  ).map((c) => c.name);
  const rows = await db.query<TextRow>(
    `SELECT ${columns.map((c) => `${c}::text AS ${c}`).join(', ')} FROM ${table}`,
  );
  return { columns, rows };
}

function csvChunks(columns: readonly string[], rows: readonly TextRow[]): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    chunks.push(
      rows
        .slice(i, i + CHUNK)
        .map((row) => columns.map((c) => cell(row[c] ?? null)).join(','))
        .join('\n')
        .concat('\n'),
    );
  }
  return chunks;
}

/**
 * The baseline of a bulk write: the rows of `table` COPYed into a new table with its columns and
 * none of its indexes, keys, defaults, checks, triggers or row-level security. Times the COPYs
 * alone (the CSV text is built beforehand); the copy is dropped afterwards.
 */
export async function copyIntoPlainTable(
  db: Database,
  table: string,
): Promise<{ ms: number; cpuMs: number; rows: number; mib: number }> {
  const plain = `bench_plain_${table}`;
  const { columns, rows } = await readAsText(db, table);
  const chunks = csvChunks(columns, rows);
  await db.exec(`DROP TABLE IF EXISTS ${plain}; CREATE TABLE ${plain} (LIKE ${table})`);
  const copy = await timed(async () => {
    for (const chunk of chunks) await db.copyCsv(plain, columns, chunk);
  });
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${plain}`);
  if (count?.n !== rows.length)
    throw new Error(`COPY into ${plain} loaded ${count?.n} of ${rows.length} rows`);
  await db.exec(`DROP TABLE ${plain}`);
  const mib = chunks.reduce((n, chunk) => n + Buffer.byteLength(chunk), 0) / 2 ** 20;
  return { ms: copy.ms, cpuMs: copy.cpuMs, rows: rows.length, mib };
}
