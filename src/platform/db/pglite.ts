import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable } from './types.js';

/** Dates stay 'YYYY-MM-DD' strings: a calendar date has no time zone to shift it. */
const parsers = { [types.DATE]: (value: string) => value };

/** `loadDataDir` starts from a dump (tests start from an already migrated template this way). */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const pg = await PGlite.create(dataDir, { parsers, ...(loadDataDir ? { loadDataDir } : {}) });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async copyCsv(table, columns, csv) {
      await pg.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    async refreshStatistics(tables) {
      await pg.exec(`ANALYZE ${tables.join(', ')}`);
    },
    close: () => pg.close(),
    dump: async () => pg.dumpDataDir('none'),
  };
}
