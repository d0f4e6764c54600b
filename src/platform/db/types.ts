type Row = Record<string, unknown>;

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Bulk load CSV text (header-less, RFC 4180) into `table(columns)` with COPY. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /**
   * After a bulk write: bring the planner's statistics up to date. PGlite has no autovacuum, so
   * without this its plans for a freshly loaded table stay those of an empty one.
   */
  refreshStatistics(tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data folder as a tarball, to start other instances from it. */
  dump?(): Promise<Blob>;
}
