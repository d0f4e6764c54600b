import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeCondition } from '../../src/platform/access/scope.js';
import type { Queryable } from '../../src/platform/db/types.js';
import { urgentByOwner } from '../../src/platform/deadlines/heat.js';
import { escalatedToAnyCondition, nowParam, stateCondition } from '../../src/platform/deadlines/sql.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { COUNTY_A, seedWorld, VILLAGE_A } from '../support/world.js';

/**
 * Issue 13 Deliver 7: the dashboard's overdue and escalated work comes from counters of the instants
 * open items fall due and reach each level (migration 0086). After any sequence of openings,
 * closings, reopenings, moves and removals, for any subtree and any moment (on a grid of half hours,
 * so that moments fall exactly on due times and climbs), the counters give per owner jurisdiction
 * exactly what the deadlines list's own conditions select (src/platform/deadlines/sql.ts). Each run
 * is rolled back.
 */
let db: Awaited<ReturnType<typeof freshDatabase>>['db'];
let drop: () => Promise<void>;

const TOWN = VILLAGE_A.slice(0, 9);
const OWNERS = [VILLAGE_A, '211122001002', '211122002001', TOWN, '211122002', COUNTY_A];
const ROOTS = ['21', COUNTY_A.slice(0, 4), COUNTY_A, TOWN, VILLAGE_A];
const START = Date.parse('2026-11-24T00:00:00Z');
const HALF_HOUR = 30 * 60_000;
const at = (halfHours: number) => new Date(START + halfHours * HALF_HOUR).toISOString();

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await seedWorld(testContext(db).ctx);
});
afterAll(() => drop());

type Op = { kind: string; a: number; b: number; c: number };

async function apply(tx: Queryable, { kind, a, b, c }: Op) {
  const [row] = await tx.query<{ id: string }>(
    'SELECT id FROM deadlines ORDER BY id OFFSET $1 % greatest(1, (SELECT count(*) FROM deadlines)) LIMIT 1',
    [a],
  );
  switch (kind) {
    case 'open':
      await tx.query(
        `INSERT INTO deadlines (rule_id, subject_type, subject_id, kind, jurisdiction_code, owner_role, title_zh,
           title_en, opened_at, due_at, escalate_after_seconds)
         VALUES ('ARR-9', 'person', gen_random_uuid(), 'k', $1, 'community_worker', '事项', 'Item', $2, $3, $4)`,
        [
          OWNERS[a % OWNERS.length],
          at(b % 12),
          at((b % 12) + (c % 9) - 2),
          c % 3 === 0 ? 1800 * (1 + (a % 3)) : null,
        ],
      );
      return;
    case 'close':
      await tx.query(
        'UPDATE deadlines SET done_at = CASE WHEN $2 THEN $3::timestamptz END, cancelled_at = CASE WHEN $2 THEN NULL ELSE $3::timestamptz END WHERE id = $1',
        [row?.id, b % 2 === 0, at(c % 12)],
      );
      return;
    case 'reopen':
      await tx.query('UPDATE deadlines SET done_at = NULL, cancelled_at = NULL WHERE id = $1', [row?.id]);
      return;
    case 'move':
      await tx.query(
        `UPDATE deadlines SET due_at = $2, jurisdiction_code = CASE WHEN $4 THEN $3 ELSE jurisdiction_code END,
           escalate_after_seconds = CASE WHEN $4 THEN NULL ELSE 3600 END WHERE id >= $1`,
        [row?.id, at(b % 14), OWNERS[c % OWNERS.length], c % 2 === 0],
      );
      return;
    case 'remove':
      await tx.query('DELETE FROM deadlines WHERE id = $1', [row?.id]);
      return;
  }
}

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('open', 'open', 'open', 'close', 'reopen', 'move', 'remove'),
  a: fc.nat(40),
  b: fc.nat(40),
  c: fc.nat(40),
});

/** Per owner code, what the list's conditions select under `root` at `now`. */
async function direct(tx: Queryable, root: string, now: Date) {
  const params: unknown[] = [];
  const nowOf = nowParam(now, params);
  const rows = await tx.query<{ code: string; overdue: number; dueSoon: number; escalated: number }>(
    `SELECT d.jurisdiction_code AS code,
       (count(*) FILTER (WHERE ${stateCondition('overdue', nowOf)}))::int AS overdue,
       (count(*) FILTER (WHERE ${stateCondition('due_soon', nowOf)}))::int AS "dueSoon",
       (count(*) FILTER (WHERE ${escalatedToAnyCondition([root], nowOf, params)}))::int AS escalated
     FROM deadlines d WHERE ${scopeCondition('d.jurisdiction_code', [root], params)} GROUP BY 1`,
    params,
  );
  return rows.filter((r) => r.overdue + r.dueSoon + r.escalated > 0);
}

const sorted = <T extends { code: string }>(rows: T[]) =>
  rows.map((r) => JSON.stringify({ ...r })).sort((x, y) => x.localeCompare(y));

class RolledBack extends Error {}

describe('deadline counters', () => {
  it('give what the list’s conditions select, for any writes, subtree and moment (CMD-1)', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: -2, max: 40 }), { minLength: 1, maxLength: 4 }),
        async (ops, moments) => {
          const mismatches: unknown[] = [];
          await db
            .transaction(async (tx) => {
              for (const op of ops) await apply(tx, op);
              for (const root of ROOTS)
                for (const moment of moments) {
                  const now = new Date(at(moment));
                  const counted = (await urgentByOwner(tx, root, now)).map(
                    ({ code, overdue, dueSoon, escalated }) => ({
                      code,
                      overdue,
                      dueSoon,
                      escalated,
                    }),
                  );
                  const expected = await direct(tx, root, now);
                  if (expected.some((r) => r.escalated > 0)) compared += 1;
                  const [x, y] = [
                    sorted(counted.filter((r) => r.overdue + r.dueSoon + r.escalated > 0)),
                    sorted(expected),
                  ];
                  if (JSON.stringify(x) !== JSON.stringify(y))
                    mismatches.push({ root, now, counted: x, expected: y });
                }
              throw new RolledBack();
            })
            .catch((error: unknown) => {
              if (!(error instanceof RolledBack)) throw error;
            });
          expect(mismatches).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(20);
  });
});
