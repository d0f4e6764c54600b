import type { Database, Queryable } from '../../src/platform/db/types.js';
import { ms, table, thousands } from './stats.js';

/**
 * Time spent awaiting each kind of statement, to see where a per-row path goes. The wrapper adds
 * two clock readings and two map look-ups per statement (about a microsecond), so the figures of
 * the run it watches stand.
 */
export class QueryProfile {
  private readonly byStatement = new Map<string, { calls: number; ms: number }>();

  /** `tx` with every query and exec timed under a label taken from its SQL. */
  wrap(tx: Queryable): Queryable {
    const timed = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      try {
        return await run();
      } finally {
        this.add(label(sql), performance.now() - start);
      }
    };
    return {
      query: (sql, params) => timed(sql, () => tx.query(sql, params)),
      exec: (sql) => timed(sql, () => tx.exec(sql)),
    };
  }

  /**
   * `db` whose transactions hand out timed handles; BEGIN and COMMIT (the transaction's own time
   * less its body's) are booked under one label.
   */
  wrapDb(db: Database): Database {
    const transaction: Database['transaction'] = async (fn) => {
      const start = performance.now();
      let body = 0;
      const result = await db.transaction(async (tx) => {
        const bodyStart = performance.now();
        try {
          return await fn(this.wrap(tx));
        } finally {
          body = performance.now() - bodyStart;
        }
      });
      this.add('BEGIN … COMMIT', performance.now() - start - body);
      return result;
    };
    return {
      kind: db.kind,
      transaction,
      query: (sql, params) => db.query(sql, params),
      exec: (sql) => db.exec(sql),
      copyCsv: (t, columns, csv) => db.copyCsv(t, columns, csv),
      refreshStatistics: (tables) => db.refreshStatistics(tables),
      close: () => db.close(),
    };
  }

  private add(key: string, elapsed: number) {
    const entry = this.byStatement.get(key) ?? { calls: 0, ms: 0 };
    entry.calls++;
    entry.ms += elapsed;
    this.byStatement.set(key, entry);
  }

  totalMs(): number {
    let sum = 0;
    for (const entry of this.byStatement.values()) sum += entry.ms;
    return sum;
  }

  entries() {
    return [...this.byStatement.entries()]
      .map(([statement, entry]) => ({ statement, ...entry }))
      .sort((a, b) => b.ms - a.ms);
  }

  /** A table of statements by time, with the share of `wallMs` each took and µs per unit of work. */
  report(wallMs: number, units: number, unit: string): string {
    const rows = this.entries().map((e) => [
      e.statement,
      thousands(e.calls),
      ms(e.ms / 1000),
      `${((e.ms / wallMs) * 100).toFixed(1)} %`,
      ms((e.ms * 1000) / units),
    ]);
    const awaited = this.totalMs();
    rows.push([
      '(between statements: the Node process)',
      '',
      ms((wallMs - awaited) / 1000),
      `${(((wallMs - awaited) / wallMs) * 100).toFixed(1)} %`,
      ms(((wallMs - awaited) * 1000) / units),
    ]);
    return table(['statement', 'calls', 'seconds', 'share', `µs per ${unit}`], rows);
  }
}

const labels = new Map<string, string>();

/** The statement's first words, enough to tell the statements of one path apart (memoised: a few µs each). */
function label(sql: string): string {
  let known = labels.get(sql);
  if (known === undefined) {
    const flat = sql.replace(/\s+/g, ' ').trim();
    known = flat.length > 72 ? `${flat.slice(0, 72)}…` : flat;
    if (labels.size < 1000) labels.set(sql, known);
  }
  return known;
}

/** A Database whose statements (in transactions or not: the session look-up) are timed while a profile is set. */
export function switchable(db: Database) {
  let active: Database = db;
  let plain: Pick<Database, 'query' | 'exec'> = db;
  const proxy: Database = {
    kind: db.kind,
    transaction: (fn) => active.transaction(fn),
    query: (sql, params) => plain.query(sql, params),
    exec: (sql) => plain.exec(sql),
    copyCsv: (t, c, csv) => db.copyCsv(t, c, csv),
    refreshStatistics: (tables) => db.refreshStatistics(tables),
    close: () => db.close(),
  };
  const profile = (p: QueryProfile | undefined) => {
    active = p ? p.wrapDb(db) : db;
    plain = p ? p.wrap(db) : db;
  };
  return { proxy, profile };
}
