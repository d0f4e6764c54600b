import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/platform/db/types.js';
import { insertPersons } from '../support/campaignSamples.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { COUNTY_A, seedWorld, VILLAGE_A } from '../support/world.js';

/**
 * Issue 13 Deliver 7: the dashboard's counters (migrations 0082–0085) equal a direct count of the
 * rows they count after any sequence of writes, each as a single-row or several-row statement:
 * arrivals registered, moved, reclassified and removed; plans added, superseded, completed and
 * removed; controls opened, lifted, reopened and removed; tubes resulted, corrected, moved and
 * removed; and truncation. Writes are made as the database owner, past every service, so the
 * triggers alone keep the counters. Each run is rolled back.
 */
let db: Awaited<ReturnType<typeof freshDatabase>>['db'];
let drop: () => Promise<void>;
let lab: string;

const PLACES = [VILLAGE_A, '211122001002', '211122002001', COUNTY_A];
const CHANNELS = ['checkpoint', 'station', 'push_list', 'manual'];
const RISKS = [null, 'high', 'medium', 'low', 'key_concern'];
const RESULTS = [null, 'negative', 'positive', 'invalid'];
const STATUSES = ['active', 'superseded', 'completed'];
/** Instants around a quarter hour and a local midnight (16:00 UTC is midnight in Shanghai). */
const INSTANTS = [
  '2026-11-23T15:44:59Z',
  '2026-11-23T16:00:00Z',
  '2026-11-23T16:14:59.999Z',
  '2026-11-24T02:00:00Z',
  '2026-11-20T09:30:00Z',
];

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const { ctx } = testContext(db);
  const world = await seedWorld(ctx);
  lab = world.testingA.labId;
  for (const place of PLACES) await insertPersons(db, place, 4, `计数${place.slice(-3)}`);
  // Tubes to put controls on from the first write: one open, one negative, one positive pool.
  await db.query(
    `INSERT INTO tubes (barcode, jurisdiction_code, category, capacity, member_count, opened_at, due_at, lab_id,
       result, resulted_at)
     SELECT 'SEED-' || g, $1, 'general', 10, 0, '2026-11-23T20:00:00Z', '2026-11-24T08:00:00Z', $2,
       (ARRAY[NULL, 'negative', 'positive'])[g], CASE WHEN g > 1 THEN timestamptz '2026-11-24T01:00:00Z' END
     FROM generate_series(1, 3) AS g`,
    [COUNTY_A, lab],
  );
});
afterAll(() => drop());

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** The n-th row of a table (in id order), or none when it is empty. */
const nth = async (tx: Queryable, table: string, n: number, where = 'true') => {
  const [row] = await tx.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE ${where} ORDER BY id OFFSET $1 % greatest(1, (SELECT count(*) FROM ${table} WHERE ${where})) LIMIT 1`,
    [n],
  );
  return row?.id;
};

type Op = { kind: string; a: number; b: number; c: number; many: boolean };

/** One write, picked and parameterised by the numbers fast-check gives. */
async function apply(tx: Queryable, { kind, a, b, c, many }: Op) {
  const ids = async (table: string, where = 'true') => {
    const first = await nth(tx, table, a, where);
    if (!first) return [];
    if (!many) return [first];
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM ${table} WHERE ${where} AND id >= $1 ORDER BY id LIMIT 3`,
      [first],
    );
    return rows.map((r) => r.id);
  };
  switch (kind) {
    case 'arrival.insert': {
      const person = await nth(tx, 'persons', a);
      await tx.query(
        `INSERT INTO arrivals (jurisdiction_code, person_id, channel, origin, left_origin_at, arrived_at, origin_risk)
         VALUES ($1, $2, $3, 'domestic', $4, $4, $5)`,
        [pick(PLACES, b), person, pick(CHANNELS, c), pick(INSTANTS, a + b), pick(RISKS, a + c)],
      );
      return;
    }
    case 'arrival.update':
      await tx.query(
        `UPDATE arrivals SET origin_risk = $2, channel = CASE WHEN $5 THEN $3 ELSE channel END,
           arrived_at = CASE WHEN $5 THEN $4::timestamptz ELSE arrived_at END, status = 'released'
         WHERE id = ANY ($1::uuid[])`,
        [await ids('arrivals'), pick(RISKS, b), pick(CHANNELS, c), pick(INSTANTS, b + c), c % 2 === 0],
      );
      return;
    case 'arrival.move':
      await tx.query('UPDATE arrivals SET jurisdiction_code = $2 WHERE id = ANY ($1::uuid[])', [
        await ids('arrivals'),
        pick(PLACES, b),
      ]);
      return;
    case 'arrival.delete':
      await tx.query(
        `DELETE FROM arrivals a WHERE a.id = ANY ($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM arrival_plans p WHERE p.arrival_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM samples s WHERE s.arrival_id = a.id)`,
        [await ids('arrivals')],
      );
      return;
    case 'plan.insert': {
      // A copy of an existing plan (its pack exists) for an arrival without an active plan.
      const arrival = await nth(
        tx,
        'arrivals a',
        a,
        "NOT EXISTS (SELECT 1 FROM arrival_plans p WHERE p.arrival_id = a.id AND p.status = 'active')",
      );
      if (!arrival) return;
      await tx.query(
        `INSERT INTO arrival_plans (arrival_id, jurisdiction_code, pack_id, pack_version, protocol_id, rule_id, day0,
           release_date, plan, status)
         SELECT $1, $2, pack_id, pack_version, protocol_id, rule_id, day0, day0 + $3::int,
           CASE WHEN $4 THEN jsonb_set(plan, '{phases}', '[]') ELSE plan END, $5
         FROM arrival_plans ORDER BY created_at, id LIMIT 1`,
        [arrival, pick(PLACES, b), c % 20, c % 3 === 0, b % 4 === 0 ? 'completed' : 'active'],
      );
      return;
    }
    case 'plan.update':
      await tx.query(
        `UPDATE arrival_plans p SET status = $2 WHERE p.id = ANY ($1::uuid[])
           AND ($2 <> 'active' OR NOT EXISTS (SELECT 1 FROM arrival_plans q WHERE q.arrival_id = p.arrival_id
             AND q.status = 'active' AND q.id <> p.id))`,
        [await ids('arrival_plans'), pick(STATUSES, b)],
      );
      return;
    case 'plan.delete':
      await tx.query('UPDATE arrival_plans SET superseded_by = NULL WHERE superseded_by = ANY ($1::uuid[])', [
        await ids('arrival_plans'),
      ]);
      await tx.query(
        `DELETE FROM arrival_plans p WHERE p.id = ANY ($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM arrival_plan_events e WHERE e.plan_id = p.id)`,
        [await ids('arrival_plans')],
      );
      return;
    case 'tube.insert':
      await tx.query(
        `INSERT INTO tubes (barcode, jurisdiction_code, category, capacity, member_count, opened_at, due_at, lab_id,
           result, resulted_at)
         VALUES ('PROP-' || substr(md5(random()::text), 1, 12), $1, 'general', $2, 0, $3::timestamptz - interval '12 hours',
           $3::timestamptz - interval '1 hour' * $4, $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE $3::timestamptz END)`,
        [
          pick(PLACES, a),
          1 + (b % 10),
          pick(INSTANTS, c),
          b % 3,
          c % 2 === 0 ? lab : null,
          pick(RESULTS, a + b),
        ],
      );
      return;
    case 'tube.result':
      await tx.query(
        `UPDATE tubes SET result = $2, resulted_at = CASE WHEN $2::text IS NULL THEN NULL ELSE $3::timestamptz END,
           capacity = CASE WHEN $4 THEN 10 ELSE capacity END, lab_id = CASE WHEN $4 THEN $5::uuid ELSE lab_id END
         WHERE id = ANY ($1::uuid[])`,
        [await ids('tubes'), pick(RESULTS, b), pick(INSTANTS, c), c % 2 === 1, lab],
      );
      return;
    case 'tube.move':
      await tx.query(
        "UPDATE tubes SET jurisdiction_code = $2, due_at = due_at + $3 * interval '1 hour' WHERE id = ANY ($1::uuid[])",
        [await ids('tubes'), pick(PLACES, b), (c % 5) - 2],
      );
      return;
    case 'tube.delete':
      await tx.query('DELETE FROM person_controls WHERE tube_id = ANY ($1::uuid[])', [await ids('tubes')]);
      await tx.query(
        `DELETE FROM tubes t WHERE t.id = ANY ($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM samples s WHERE s.tube_id = t.id)`,
        [await ids('tubes')],
      );
      return;
    case 'control.insert': {
      const person = await nth(tx, 'persons', a);
      const tube = await nth(tx, 'tubes', b);
      if (!tube) return;
      await tx.query(
        `INSERT INTO person_controls (person_id, jurisdiction_code, reason, tube_id, tube_barcode, started_at, cleared_at)
         SELECT $1, $2, $3, id, barcode, now(), CASE WHEN $4 THEN now() END FROM tubes WHERE id = $5
         ON CONFLICT (person_id, tube_id) DO NOTHING`,
        [person, pick(PLACES, c), c % 2 ? 'pool_positive' : 'individual_positive', a % 4 === 0, tube],
      );
      return;
    }
    case 'control.update':
      await tx.query(
        `UPDATE person_controls SET cleared_at = CASE WHEN $2 THEN now() END,
           reason = CASE WHEN $3 THEN 'individual_positive' ELSE reason END, jurisdiction_code = $4
         WHERE id = ANY ($1::uuid[])`,
        [await ids('person_controls'), b % 2 === 0, c % 3 === 0, pick(PLACES, a + c)],
      );
      return;
    case 'control.delete':
      await tx.query('DELETE FROM person_controls WHERE id = ANY ($1::uuid[])', [
        await ids('person_controls'),
      ]);
      return;
    case 'control.truncate':
      await tx.exec('TRUNCATE person_controls');
      return;
  }
}

const KINDS = [
  'arrival.insert',
  'arrival.update',
  'arrival.move',
  'arrival.delete',
  'plan.insert',
  'plan.update',
  'plan.delete',
  'tube.insert',
  'tube.result',
  'tube.move',
  'tube.delete',
  // Opened more often than removed, so that controls are there to lift, reopen and remove.
  'control.insert',
  'control.insert',
  'control.insert',
  'control.update',
  'control.delete',
  'control.truncate',
];

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(50),
  b: fc.nat(50),
  c: fc.nat(50),
  many: fc.boolean(),
});

const QUARTER = "date_bin('15 minutes', %s, timestamptz '2000-01-01 00:00:00+00')";
const quarter = (column: string) => QUARTER.replace('%s', column);

/** Each counter table beside the direct count of its rows, non-zero keys only, in one order. */
const PAIRS: Array<[string, string]> = [
  [
    'SELECT jurisdiction_code, slot, channel, risk, arrivals AS n FROM arrival_counts WHERE arrivals <> 0',
    `SELECT jurisdiction_code, ${quarter('arrived_at')} AS slot, channel, coalesce(origin_risk, 'none') AS risk,
       count(*)::int AS n FROM arrivals GROUP BY 1, 2, 3, 4`,
  ],
  [
    'SELECT jurisdiction_code, time_zone, release_date, plans AS n FROM arrival_plan_counts WHERE plans <> 0',
    `SELECT jurisdiction_code, plan ->> 'timeZone' AS time_zone, release_date, count(*)::int AS n FROM arrival_plans
     WHERE status = 'active' AND jsonb_array_length(plan -> 'phases') > 0 GROUP BY 1, 2, 3`,
  ],
  [
    'SELECT jurisdiction_code, reason, controls AS n FROM control_counts WHERE controls <> 0',
    `SELECT jurisdiction_code, reason, count(*)::int AS n FROM person_controls WHERE cleared_at IS NULL GROUP BY 1, 2`,
  ],
  [
    `SELECT jurisdiction_code, lab_id, slot, pooled, result, on_time, tubes AS n FROM tube_result_counts WHERE tubes <> 0`,
    `SELECT jurisdiction_code, coalesce(lab_id, '00000000-0000-0000-0000-000000000000') AS lab_id,
       ${quarter('resulted_at')} AS slot, capacity > 1 AS pooled, result, resulted_at <= due_at AS on_time,
       count(*)::int AS n
     FROM tubes WHERE result IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`,
  ],
];

async function countersAndCounts(tx: Queryable) {
  const read = async (sql: string) =>
    (await tx.query<Record<string, unknown>>(sql)).map((row) => JSON.stringify(row)).sort();
  const out: Array<{ counters: string[]; direct: string[] }> = [];
  for (const [counters, direct] of PAIRS)
    out.push({ counters: await read(counters), direct: await read(direct) });
  return out;
}

class RolledBack extends Error {}

describe('dashboard counters', () => {
  it('start equal to the rows they count (backfill and the seeded world)', async () => {
    for (const pair of await countersAndCounts(db)) expect(pair.counters).toEqual(pair.direct);
  });

  it('stay equal to a direct count after any sequence of inserts, updates, deletes and truncation', async () => {
    /** Runs that ended with rows to count, per counter table: the property is not vacuous. */
    const counted = PAIRS.map(() => 0);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        let pairs: Awaited<ReturnType<typeof countersAndCounts>> = [];
        await db
          .transaction(async (tx) => {
            for (const op of ops) await apply(tx, op);
            pairs = await countersAndCounts(tx);
            throw new RolledBack();
          })
          .catch((error: unknown) => {
            if (!(error instanceof RolledBack)) throw error;
          });
        for (const [i, pair] of pairs.entries()) {
          expect(pair.counters).toEqual(pair.direct);
          if (pair.direct.length > 0) counted[i]! += 1;
        }
      }),
      { numRuns: 40 },
    );
    expect(counted).toEqual(counted.map(() => expect.toSatisfy((runs: number) => runs >= 10)));
  });
});
