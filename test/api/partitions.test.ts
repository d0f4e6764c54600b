import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '../../src/platform/access/scope.js';
import {
  dropDayPartitionsBefore,
  ensureDayPartitions,
  ensureDayRange,
  partitionDays,
} from '../../src/platform/db/partitions.js';
import type { Database, Queryable } from '../../src/platform/db/types.js';
import { freshDatabase } from '../support/database.js';

/**
 * Day partitions of check-ins (DESIGN: high-volume tables partitioned by time and dropped at the end
 * of retention), on the engine under test: created ahead, rows land in them through the parent under
 * row-level security, and dropping a day removes its rows and nothing else.
 */
let db: Database;
let drop: () => Promise<void>;
const VENUE = '0c0c0c0c-0000-4000-8000-00000000c001';

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
});
afterAll(() => drop());

const asScope = <T>(scope: string, fn: (tx: Queryable) => Promise<T>) =>
  db.transaction(async (tx) => {
    await tx.query("SELECT set_config('fangkong.scope', $1, true)", [scope]);
    await tx.exec(`SET LOCAL ROLE ${APP_ROLE}`);
    return fn(tx);
  });

const insert = (tx: Queryable, jurisdiction: string, at: string, hash: string) =>
  tx.query(
    `INSERT INTO check_ins (venue_id, jurisdiction_code, checked_in_at, id_hash) VALUES ($1, $2, $3, decode($4, 'hex'))`,
    [VENUE, jurisdiction, at, hash],
  );

describe('day partitions of check_ins', () => {
  it('creates each day once, and a row needs its day', async () => {
    await ensureDayRange(db, 'check_ins', '2026-12-01', '2026-12-03');
    await ensureDayPartitions(db, 'check_ins', ['2026-12-02', '2026-12-03', '2026-12-04']);
    expect(await partitionDays(db, 'check_ins')).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
    await expect(
      asScope('211122', (tx) => insert(tx, '211122', '2026-12-09T01:00:00Z', 'aa')),
    ).rejects.toThrow();
  });

  it('admits rows through the parent only within scope', async () => {
    await asScope('211122', async (tx) => {
      await insert(tx, '211122001', '2026-12-01T23:59:59Z', 'a1');
      await insert(tx, '211122002', '2026-12-02T00:00:00Z', 'a2');
    });
    await expect(
      asScope('211122', (tx) => insert(tx, '211103', '2026-12-02T01:00:00Z', 'b1')),
    ).rejects.toThrow();
    const seen = await asScope('211122001', (tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM check_ins'),
    );
    expect(seen[0]?.n).toBe(1);
  });

  it('drops whole days before the cutoff, and their rows with them', async () => {
    expect(await dropDayPartitionsBefore(db, 'check_ins', '2026-12-02')).toEqual(['2026-12-01']);
    expect(await partitionDays(db, 'check_ins')).toEqual(['2026-12-02', '2026-12-03', '2026-12-04']);
    const left = await asScope('211122', (tx) =>
      tx.query<{ at: Date }>('SELECT checked_in_at AS at FROM check_ins ORDER BY checked_in_at'),
    );
    expect(left.map((r) => r.at.toISOString())).toEqual(['2026-12-02T00:00:00.000Z']);
  });

  it('refuses a name that is not a table name', async () => {
    await expect(ensureDayPartitions(db, 'check_ins; DROP TABLE venues', ['2026-12-05'])).rejects.toThrow(
      /not a partitioned table name/,
    );
  });
});
