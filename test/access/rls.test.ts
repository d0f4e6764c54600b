import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '../../src/platform/access/scope.js';
import type { Database } from '../../src/platform/db/types.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { COUNTY_A, COUNTY_B, seedWorld } from '../support/world.js';

/** CMD-1, second wall: PostgreSQL itself keeps every jurisdiction-owned table to the caller's scope. */
let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await seedWorld(testContext(db).ctx);
});
afterAll(() => drop());

async function tablesWithJurisdiction(): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.column_name IN ('jurisdiction_code')
       -- A day partition (check-ins) is reached only through its parent, whose policy applies; the
       -- request role holds no privilege on the partition itself (tested below).
       AND NOT EXISTS (SELECT 1 FROM pg_class p WHERE p.relname = c.table_name AND p.relispartition)
     ORDER BY 1`,
  );
  return [...rows.map((r) => r.table_name), 'jurisdictions'];
}

async function asAppRole<T>(scope: string | null, sql: string): Promise<T[]> {
  return db.transaction(async (tx) => {
    if (scope !== null) await tx.query("SELECT set_config('fangkong.scope', $1, true)", [scope]);
    await tx.exec(`SET LOCAL ROLE ${APP_ROLE}`);
    return tx.query<T>(sql);
  });
}

describe('CMD-1 row-level security', () => {
  it('every table with a jurisdiction column has RLS enabled and a policy', async () => {
    const tables = await tablesWithJurisdiction();
    expect(tables).toEqual(expect.arrayContaining(['persons', 'users', 'audit_log', 'jurisdictions']));
    for (const table of tables) {
      const [row] = await db.query<{ rls: boolean; policies: number }>(
        `SELECT c.relrowsecurity AS rls, (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
         FROM pg_class c WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace`,
        [table],
      );
      expect({ table, rls: row?.rls, hasPolicy: (row?.policies ?? 0) > 0 }).toEqual({
        table,
        rls: true,
        hasPolicy: true,
      });
    }
  });

  it('the request role holds no privilege on a day partition: only the parent and its policy admit rows', async () => {
    const partitions = await db.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relispartition AND relkind = 'r' AND relnamespace = current_schema()::regnamespace`,
    );
    for (const { name } of partitions) {
      await expect(asAppRole(COUNTY_A, `SELECT count(*) FROM ${name}`)).rejects.toThrow(/permission denied/);
    }
  });

  it('every policy computes the scope once per query (an InitPlan), not once per row', async () => {
    const policies = await db.query<{ policyname: string; qual: string; with_check: string | null }>(
      'SELECT policyname, qual, with_check FROM pg_policies WHERE schemaname = current_schema()',
    );
    expect(policies.length).toBeGreaterThanOrEqual(6);
    for (const policy of policies) {
      for (const expression of [policy.qual ?? '', policy.with_check ?? '']) {
        const calls = expression.match(/fangkong_scope\(\)/g)?.length ?? 0;
        const once = expression.match(/SELECT fangkong_scope\(\)/g)?.length ?? 0;
        expect({ policy: policy.policyname, perRow: calls - once }).toEqual({
          policy: policy.policyname,
          perRow: 0,
        });
      }
    }
  });

  it('the request role without a scope sees no rows in any of them', async () => {
    for (const table of await tablesWithJurisdiction()) {
      const owner = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      if (['persons', 'users', 'audit_log', 'jurisdictions'].includes(table)) {
        expect(owner[0]!.n, `${table} has rows to hide`).toBeGreaterThan(0);
      }
      const rows = await asAppRole<{ n: number }>(null, `SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, n: rows[0]!.n }).toEqual({ table, n: 0 });
    }
  });

  it('the request role with a scope sees only that subtree', async () => {
    const codes = await asAppRole<{ jurisdiction_code: string }>(
      COUNTY_A,
      'SELECT jurisdiction_code FROM persons',
    );
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((r) => r.jurisdiction_code.startsWith(COUNTY_A))).toBe(true);
    const other = await asAppRole<{ n: number }>(
      COUNTY_A,
      `SELECT count(*)::int AS n FROM persons WHERE jurisdiction_code ^@ '${COUNTY_B}'`,
    );
    expect(other[0]!.n).toBe(0);
  });

  it('the request role cannot write a row outside its scope', async () => {
    await expect(
      asAppRole(
        COUNTY_A,
        `UPDATE users SET display_name = 'x' WHERE jurisdiction_code ^@ '${COUNTY_B}' RETURNING id`,
      ),
    ).resolves.toEqual([]);
    await expect(
      asAppRole(
        COUNTY_A,
        `INSERT INTO audit_log (actor_name, action, entity, jurisdiction_code) VALUES ('x', 'x', 'x', '${COUNTY_B}')`,
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('no SECURITY DEFINER function but a trigger is callable by every role (PUBLIC)', async () => {
    // A definer function runs as the owner, past row-level security: only roles granted it may call
    // it (an ACL of NULL or with an "=X" entry is PUBLIC's EXECUTE).
    const open = await db.query<{ name: string }>(
      `SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = current_schema() AND p.prosecdef AND p.prorettype <> 'trigger'::regtype
         AND (p.proacl IS NULL OR EXISTS (SELECT 1 FROM unnest(p.proacl) a WHERE a::text LIKE '=%X%'))
       ORDER BY 1`,
    );
    expect(open.map((row) => row.name)).toEqual([]);
    await expect(
      asAppRole(
        COUNTY_A,
        `SELECT fangkong_deadline_counts_add(ARRAY['110105'], ARRAY[now()], ARRAY[now()], ARRAY[NULL::int], ARRAY[500])`,
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('the audit log is append-only, even for its owner', async () => {
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(db.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
  });
});
