import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toReading, triggerStatement, type UnitReading } from '../../src/modules/alerts/index.js';
import type { Database } from '../../src/platform/db/types.js';
import type { SignalMeasure } from '../../src/platform/signals/types.js';
import type { TriggerBaseline, TriggerRule, TriggerThreshold } from '../../src/rules/policy/outbreakTypes.js';
import { readTrigger } from '../../src/rules/triggers.js';
import { addLocalDays } from '../../src/rules/truckReport.js';
import { freshDatabase } from '../support/database.js';

/**
 * MON-4, set-based: the one SQL per rule the evaluator runs (src/modules/alerts/evaluateSql.ts)
 * reads every unit exactly as the pure rule does (readTrigger in src/rules/triggers.ts), over random
 * daily series of towns and schools, random windows, baselines and thresholds.
 */
let db: Database;
let drop: () => Promise<void>;

const TOWNS = ['211122001', '211122002', '211122003'];
const SCHOOLS = ['school-1', 'school-2'];
const ROOT = '211122';

const TOWN_MEASURE: SignalMeasure = {
  feed: 'test_feed',
  measure: 'count',
  label: { zh: '测试', en: 'Test' },
  unit: 'jurisdiction',
  dailySql: `SELECT left(jurisdiction_code, $3) AS jurisdiction_code, NULL::text AS site_id, day, sum(value)::bigint AS value
    FROM trigger_test_series WHERE site_id IS NULL AND day BETWEEN $1 AND $2 AND jurisdiction_code ^@ $5
    GROUP BY 1, 3`,
};
const SCHOOL_MEASURE: SignalMeasure = {
  ...TOWN_MEASURE,
  measure: 'absent',
  unit: 'site',
  siteNames: true,
  dailySql: `SELECT jurisdiction_code, site_id, '学校' || site_id AS site_name, day, value
    FROM trigger_test_series WHERE site_id IS NOT NULL AND day BETWEEN $1 AND $2 AND jurisdiction_code ^@ $5`,
};

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await db.exec(
    'CREATE TABLE trigger_test_series (jurisdiction_code text, site_id text, day date, value bigint)',
  );
});
afterAll(() => drop());

const baselineArb: fc.Arbitrary<TriggerBaseline> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.integer({ min: 1, max: 6 }).map((weeks) => ({ kind: 'same_weekday_mean' as const, weeks })),
  fc.integer({ min: 1, max: 30 }).map((days) => ({ kind: 'daily_mean' as const, days })),
);
const thresholdFor = (baseline: TriggerBaseline): fc.Arbitrary<TriggerThreshold> =>
  baseline.kind === 'none'
    ? fc.integer({ min: 1, max: 40 }).map((count) => ({ kind: 'at_least' as const, count }))
    : fc.oneof(
        fc.integer({ min: 1, max: 40 }).map((count) => ({ kind: 'at_least' as const, count })),
        fc
          .record({
            ratio: fc.constantFrom(1, 1.3, 1.5, 2, 2.5, 3),
            minCount: fc.integer({ min: 1, max: 20 }),
          })
          .map((t) => ({ kind: 'ratio_to_baseline' as const, ...t })),
      );
const ruleArb = fc
  .record({ windowDays: fc.integer({ min: 1, max: 14 }), baseline: baselineArb, site: fc.boolean() })
  .chain(({ windowDays, baseline, site }) =>
    thresholdFor(baseline).map(
      (threshold): TriggerRule => ({
        id: 'test-rule',
        title: { zh: '测试规则', en: 'Test rule' },
        feed: 'test_feed',
        measure: site ? 'absent' : 'count',
        level: site ? 'site' : 'town',
        windowDays,
        baseline,
        threshold,
        source: { document: '002', section: '§15' },
      }),
    ),
  );
// Sparse series: (unit index, days back from the evaluation day, value).
const pointsArb = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 2 }),
    fc.integer({ min: -3, max: 110 }),
    fc.integer({ min: 0, max: 25 }),
  ),
  { maxLength: 120 },
);

describe('MON-4 the trigger SQL equals the pure rule', () => {
  it('MON-4 window value, baseline and firing per unit, on random series', async () => {
    await fc.assert(
      fc.asyncProperty(
        ruleArb,
        pointsArb,
        fc.constantFrom('2026-11-24', '2026-01-02', '2026-03-01'),
        async (rule, points, day) => {
          const site = rule.level === 'site';
          const units = site ? SCHOOLS : TOWNS;
          const rows = new Map<string, [string, string | null, string, number]>();
          for (const [u, back, value] of points) {
            const unit = units[u % units.length] as string;
            const date = addLocalDays(day, -back);
            const code = site ? `${TOWNS[0]}001` : `${unit}001`;
            const key = `${unit}|${date}`;
            const prev = rows.get(key)?.[3] ?? 0;
            rows.set(key, [code, site ? unit : null, date, prev + value]);
          }
          await db.exec('DELETE FROM trigger_test_series');
          const list = [...rows.values()];
          if (list.length > 0) {
            await db.query(
              `INSERT INTO trigger_test_series SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::bigint[])`,
              [list.map((r) => r[0]), list.map((r) => r[1]), list.map((r) => r[2]), list.map((r) => r[3])],
            );
          }
          const statement = triggerStatement(
            rule,
            site ? SCHOOL_MEASURE : TOWN_MEASURE,
            day,
            'Asia/Shanghai',
            ROOT,
            false,
          );
          const readings = (await db.query<UnitReading>(statement.sql, statement.params)).map(toReading);
          const byUnit = new Map(readings.map((r) => [r.siteId ?? r.jurisdictionCode, r]));
          const divisor =
            rule.baseline.kind === 'same_weekday_mean'
              ? rule.baseline.weeks
              : rule.baseline.kind === 'daily_mean'
                ? rule.baseline.days
                : 1;
          for (const unit of units) {
            const series = new Map<string, number>();
            for (const [key, row] of rows) if (key.startsWith(`${unit}|`)) series.set(row[2], row[3]);
            const pure = readTrigger(rule, series, day);
            const sql = byUnit.get(unit);
            expect(sql?.windowValue ?? 0).toBe(pure.value);
            expect(sql?.fires ?? false).toBe(pure.fires);
            if (pure.baseline !== null)
              expect((sql?.weightedSum ?? 0) / divisor).toBeCloseTo(pure.baseline, 9);
            if (sql && site) expect(sql.siteName).toBe(`学校${unit}`);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
