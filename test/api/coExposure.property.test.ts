import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coExposureSearch } from '../../src/modules/venues/index.js';
import { APP_ROLE } from '../../src/platform/access/scope.js';
import { ensureDayRange } from '../../src/platform/db/partitions.js';
import type { Database, Queryable } from '../../src/platform/db/types.js';
import { compareExposure, exposureOf, type Hit, inWindow } from '../../src/rules/coExposure.js';
import { freshDatabase } from '../support/database.js';

/**
 * EPI-3 "Done when": on random check-ins of a synthetic city (random venues, visitors and times, a
 * case's visits, a random window), the set-based SQL search returns exactly the people, their shared
 * visits, overlap and closest gap, in the same order, as a brute-force scan in TypeScript — on the
 * engine under test (PGlite, or PostgreSQL 15 with TEST_DATABASE_URL). Check-ins of another county
 * are in the table too and must never be found by a caller scoped to the first county.
 */
let db: Database;
let drop: () => Promise<void>;
const COUNTY = '211122';
const OTHER = '150402';
const START = Date.parse('2026-12-01T21:00:00Z');
const MINUTE = 60_000;
/** Six hours of minutes around midnight: check-ins cross two day partitions. */
const SPAN = 6 * 60;

const venueId = (n: number) => `0c0c0c0c-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const hashOf = (n: number) => Buffer.from(`visitor-${n.toString().padStart(6, '0')}`);

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await ensureDayRange(db, 'check_ins', '2026-11-30', '2026-12-03');
});
afterAll(() => drop());

const asCounty = <T>(fn: (tx: Queryable) => Promise<T>) =>
  db.transaction(async (tx) => {
    await tx.query("SELECT set_config('fangkong.scope', $1, true)", [COUNTY]);
    await tx.exec(`SET LOCAL ROLE ${APP_ROLE}`);
    return fn(tx);
  });

interface CheckIn {
  venue: number;
  minute: number;
  visitor: number;
  other: boolean;
}

const city = fc.record({
  checkIns: fc.array(
    fc.record({
      venue: fc.integer({ min: 0, max: 7 }),
      // Clustered near the case's visits often enough to find people: times in 0..SPAN minutes.
      minute: fc.integer({ min: 0, max: SPAN }),
      visitor: fc.integer({ min: 0, max: 40 }),
      other: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    }),
    { maxLength: 400 },
  ),
  visits: fc.array(
    fc.record({ venue: fc.integer({ min: 0, max: 7 }), minute: fc.integer({ min: 0, max: SPAN }) }),
    {
      minLength: 1,
      maxLength: 20,
    },
  ),
  windowMinutes: fc.integer({ min: 1, max: 240 }),
  /** The case's own visitor number: its check-ins are excluded. */
  caseVisitor: fc.integer({ min: 0, max: 40 }),
});

function bruteForce(
  checkIns: readonly CheckIn[],
  visits: readonly { venue: number; minute: number }[],
  windowMinutes: number,
  caseVisitor: number,
) {
  const hits = new Map<number, Hit[]>();
  visits.forEach((visit, index) => {
    for (const c of checkIns) {
      if (c.other || c.visitor === caseVisitor || c.venue !== visit.venue) continue;
      const gap = c.minute - visit.minute;
      if (!inWindow(gap, windowMinutes)) continue;
      const list = hits.get(c.visitor) ?? [];
      list.push({ visit: index, gapMinutes: gap });
      hits.set(c.visitor, list);
    }
  });
  return [...hits.entries()]
    .map(([visitor, list]) => ({ idHash: hashOf(visitor).toString('hex'), ...exposureOf(list) }))
    .sort(compareExposure);
}

describe('EPI-3 co-exposure search equals a brute-force scan (property)', () => {
  it('finds exactly the people, shared visits, overlap and order of the brute force', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(city, async ({ checkIns, visits, windowMinutes, caseVisitor }) => {
        // One check-in per (venue, instant, visitor): the table's key.
        const unique = [...new Map(checkIns.map((c) => [`${c.venue}/${c.minute}/${c.visitor}`, c])).values()];
        await db.exec('DELETE FROM check_ins');
        if (unique.length > 0) {
          await db.query(
            `INSERT INTO check_ins (venue_id, jurisdiction_code, checked_in_at, id_hash, source)
             SELECT * , 'scan' FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::bytea[])`,
            [
              unique.map((c) => venueId(c.venue)),
              unique.map((c) => (c.other ? `${OTHER}001` : `${COUNTY}001`)),
              unique.map((c) => new Date(START + c.minute * MINUTE)),
              unique.map((c) => hashOf(c.visitor)),
            ],
          );
        }
        const found = await asCounty((tx) =>
          coExposureSearch(
            tx,
            {
              visits: visits.map((v) => ({
                venueId: venueId(v.venue),
                at: new Date(START + v.minute * MINUTE),
              })),
              windowMinutes,
              excludeIdHashes: [hashOf(caseVisitor)],
              limit: 2000,
            },
            { scopes: [COUNTY], permissions: new Set() },
          ),
        );
        const expected = bruteForce(unique, visits, windowMinutes, caseVisitor);
        expect(
          found.map((p) => ({
            idHash: p.idHash,
            sharedVisits: p.sharedVisits,
            overlapMinutes: p.overlapMinutes,
            closestGapMinutes: p.closestGapMinutes,
          })),
        ).toEqual(expected);
        if (expected.length > 0) nonEmpty++;
        // Every exposure listed lies at a visit's venue within the window.
        for (const person of found) {
          for (const e of person.exposures) {
            expect(e.venueId).toBe(venueId(Number.parseInt(e.venueId.slice(-12), 16)));
            expect(Math.abs(Date.parse(e.at) - Date.parse(e.caseAt))).toBeLessThanOrEqual(
              windowMinutes * MINUTE,
            );
          }
        }
      }),
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? 20261207) },
    );
    // The generator must reach people, or the property says nothing.
    expect(nonEmpty).toBeGreaterThan(20);
  }, 60_000);
});
