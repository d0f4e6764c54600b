import type { Queryable } from './types.js';

/**
 * Day partitions of the high-volume tables (check-ins, DESIGN "time-partitioned high-volume tables"):
 * one partition per UTC day, named `<table>_pYYYYMMDD`, created before rows of that day arrive and
 * dropped whole at the end of retention, the same way on PGlite and on a PostgreSQL server. DDL runs
 * as the database's owner, outside any request's scoped transaction.
 */

const DAY = 86_400_000;
const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

function checkTable(table: string): string {
  if (!TABLE_NAME.test(table)) throw new Error(`not a partitioned table name: ${table}`);
  return table;
}

const partitionName = (table: string, day: string) => `${table}_p${day.replaceAll('-', '')}`;

/** Every UTC day from `from` to `to` inclusive. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

const isDuplicate = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42P07';

/** Create the day partitions of `table` for the given UTC days (YYYY-MM-DD) that do not exist yet. */
export async function ensureDayPartitions(
  db: Queryable,
  table: string,
  days: Iterable<string>,
): Promise<void> {
  const name = checkTable(table);
  const existing = new Set(await partitionDays(db, name));
  for (const day of new Set(days)) {
    if (existing.has(day)) continue;
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    try {
      await db.exec(
        `CREATE TABLE IF NOT EXISTS ${partitionName(name, day)} PARTITION OF ${name}
         FOR VALUES FROM ('${day}T00:00:00Z') TO ('${next}T00:00:00Z')`,
      );
    } catch (error) {
      // Another process created it between our read and our CREATE (PostgreSQL server only).
      if (!isDuplicate(error)) throw error;
    }
  }
}

/** Create the partitions of every day from `from` to `to` (UTC days, inclusive). */
export function ensureDayRange(db: Queryable, table: string, from: string, to: string): Promise<void> {
  return ensureDayPartitions(db, table, daysBetween(from, to));
}

/** The UTC days `table` has partitions for, oldest first. */
export async function partitionDays(db: Queryable, table: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname = $1 ORDER BY c.relname`,
    [checkTable(table)],
  );
  const pattern = new RegExp(`^${table}_p(\\d{4})(\\d{2})(\\d{2})$`);
  return rows.flatMap(({ name }) => {
    const m = pattern.exec(name);
    return m ? [`${m[1]}-${m[2]}-${m[3]}`] : [];
  });
}

/** Drop the partitions of days before `cutoff` (a UTC day): retention ends there. Returns the days dropped. */
export async function dropDayPartitionsBefore(
  db: Queryable,
  table: string,
  cutoff: string,
): Promise<string[]> {
  const name = checkTable(table);
  const dropped: string[] = [];
  for (const day of await partitionDays(db, name)) {
    if (day >= cutoff) break;
    await db.exec(`DROP TABLE IF EXISTS ${partitionName(name, day)}`);
    dropped.push(day);
  }
  return dropped;
}
