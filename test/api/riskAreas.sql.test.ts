import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  areasPublishedBetween,
  classifyMany,
  classifyOrigin,
  originCode,
} from '../../src/modules/riskAreas/index.js';
import { APP_ROLE } from '../../src/platform/access/scope.js';
import type { Database, Queryable } from '../../src/platform/db/types.js';
import {
  AREA_LEVELS,
  type AreaLevel,
  classifyAt,
  type PublishedArea,
  type RiskOverride,
} from '../../src/rules/riskClassification.js';
import { freshDatabase } from '../support/database.js';

/**
 * ARR-7, ARR-9: the SQL functions fangkong_origin_risk / fangkong_origin_district_risk (which
 * bulk classification joins against) and the module's classifyOrigin / classifyMany say exactly
 * what the pure rule classifyAt says, over random histories of areas and overrides.
 */
let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
});
afterAll(() => drop());

/** As the request role, so the grants are tested too. */
const asApp = <T>(fn: (tx: Queryable) => Promise<T>) =>
  db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL ROLE ${APP_ROLE}`);
    return fn(tx);
  });

const AREA_CODES = [
  '11',
  '1101',
  '110105',
  '110105001',
  '110105001001',
  '110105001002',
  '110105002',
  '110108',
  '110108001001',
  '31',
  '310101',
];
const ORIGINS = [
  ...AREA_CODES,
  '110105001003',
  '310101001001',
  '110000',
  '110100',
  '110105000000',
  '110105001000',
  '120101',
];
const day = (n: number) => new Date(Date.UTC(2022, 3, 1) + n * 3_600_000 * 12);

const areaArb = fc.record({
  level: fc.constantFrom(...AREA_LEVELS),
  divisionCode: fc.constantFrom(...AREA_CODES),
  published: fc.integer({ min: 0, max: 40 }),
  lifted: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
});
const overrideArb = fc.record({
  divisionPrefix: fc.constantFrom('11', '1101', '110105', '31', '110105001'),
  treatAs: fc.constantFrom('high' as const, 'medium' as const),
  from: fc.integer({ min: 0, max: 40 }),
  until: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
});
const queryArb = fc.record({ origin: fc.constantFrom(...ORIGINS), at: fc.integer({ min: 0, max: 45 }) });

async function load(
  areas: Array<{ level: AreaLevel; divisionCode: string; published: number; lifted: number | null }>,
  overrides: Array<{
    divisionPrefix: string;
    treatAs: 'high' | 'medium';
    from: number;
    until: number | null;
  }>,
) {
  await db.exec('DELETE FROM risk_areas; DELETE FROM risk_area_overrides');
  const stored: PublishedArea[] = areas.map((a, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    level: a.level,
    divisionCode: a.divisionCode,
    areaName: `地区${i}`,
    publishedAt: day(a.published),
    liftedAt: a.lifted === null ? null : day(a.published + a.lifted),
  }));
  const ruled: RiskOverride[] = overrides.map((o, i) => ({
    id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
    divisionPrefix: o.divisionPrefix,
    name: o.divisionPrefix,
    treatAs: o.treatAs,
    validFrom: day(o.from + i * 100),
    validUntil: o.until === null ? null : day(o.from + i * 100 + o.until),
  }));
  for (const a of stored) {
    await db.query(
      `INSERT INTO risk_areas (id, level, division_code, area_name, published_at, lifted_at, publisher)
       VALUES ($1, $2, $3, $4, $5, $6, '测试')`,
      [
        a.id,
        a.level,
        a.divisionCode,
        a.areaName,
        a.publishedAt.toISOString(),
        a.liftedAt?.toISOString() ?? null,
      ],
    );
  }
  for (const o of ruled) {
    await db.query(
      `INSERT INTO risk_area_overrides (id, division_prefix, name, treat_as, valid_from, valid_until, reason)
       VALUES ($1, $2, $3, $4, $5, $6, '测试')`,
      [
        o.id,
        o.divisionPrefix,
        o.name,
        o.treatAs,
        o.validFrom.toISOString(),
        o.validUntil?.toISOString() ?? null,
      ],
    );
  }
  return { stored, ruled };
}

describe('ARR-7 / ARR-9 SQL and TypeScript classification agree', () => {
  it('fangkong_origin_risk, fangkong_origin_district_risk, classifyOrigin and classifyMany equal classifyAt', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(areaArb, { maxLength: 12 }),
        fc.array(overrideArb, { maxLength: 2 }),
        fc.array(queryArb, { minLength: 1, maxLength: 12 }),
        async (areas, overrides, queries) => {
          const { stored, ruled } = await load(areas, overrides);
          const rows = queries.map((q, i) => ({ key: `k${i}`, divisionCode: q.origin, at: day(q.at) }));
          const many = await asApp((tx) => classifyMany(tx, rows));
          for (const row of rows) {
            const expected = classifyAt(originCode(row.divisionCode), row.at, stored, ruled);
            const [sql] = await asApp((tx) =>
              tx.query<{ risk: string | null; district: string | null; finer: string | null }>(
                `SELECT fangkong_origin_risk($1, $2) AS risk, fangkong_origin_district_risk($1, $2) AS district,
                   fangkong_origin_finer_risk($1, $2) AS finer`,
                [row.divisionCode, row.at.toISOString()],
              ),
            );
            const label = `${row.divisionCode} at ${row.at.toISOString()}`;
            // B7: fangkong_origin_finer_risk agrees with classifyAt's finerRisk.
            expect({ label, risk: sql!.risk, district: sql!.district, finer: sql!.finer }).toEqual({
              label,
              risk: expected.originRisk ?? null,
              district: expected.originDistrictRisk ?? null,
              finer: expected.finerRisk ?? null,
            });
            expect({ label, ...many.get(row.key) }).toEqual({
              label,
              ...(expected.originRisk ? { originRisk: expected.originRisk } : {}),
              ...(expected.originDistrictRisk ? { originDistrictRisk: expected.originDistrictRisk } : {}),
            });
            const module = await asApp((tx) => classifyOrigin(tx, row.divisionCode, row.at));
            expect({
              label,
              ...module,
              areas: [...module.areas].sort((a, b) => a.id.localeCompare(b.id)),
            }).toEqual({
              label,
              ...expected,
              areas: [...expected.areas].sort((a, b) => a.id.localeCompare(b.id)),
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ARR-9 bulk: a district is risky inside its areas’ spans, not in the gaps between them', async () => {
    await load(
      [
        { level: 'high', divisionCode: '110105001001', published: 0, lifted: 4 },
        { level: 'high', divisionCode: '110105001002', published: 1, lifted: 1 },
        { level: 'high', divisionCode: '110105002', published: 4, lifted: 2 },
        { level: 'high', divisionCode: '110105001003', published: 10, lifted: 4 },
        { level: 'medium', divisionCode: '110105003', published: 7, lifted: 1 },
      ],
      [],
    );
    const at = [0, 3, 5, 6, 7, 8, 9, 10, 13, 14];
    const rows = at.map((n) => ({ key: String(n), divisionCode: '110105009', at: day(n) }));
    const many = await asApp((tx) => classifyMany(tx, rows));
    expect(at.map((n) => many.get(String(n))?.originDistrictRisk ?? '-')).toEqual([
      'high',
      'high',
      'high',
      '-',
      'medium',
      '-',
      '-',
      'high',
      'high',
      '-',
    ]);
  });

  it('ARR-7 lists the areas published in a window, oldest first', async () => {
    await load(
      [
        { level: 'high', divisionCode: '110105001001', published: 2, lifted: null },
        { level: 'medium', divisionCode: '110108', published: 6, lifted: 4 },
        { level: 'low', divisionCode: '31', published: 9, lifted: null },
      ],
      [],
    );
    const found = await asApp((tx) => areasPublishedBetween(tx, day(2), day(9)));
    expect(found.map((a) => [a.divisionCode, a.level])).toEqual([
      ['110105001001', 'high'],
      ['110108', 'medium'],
    ]);
    const risky = await asApp((tx) => areasPublishedBetween(tx, day(0), day(20), ['high']));
    expect(risky.map((a) => a.divisionCode)).toEqual(['110105001001']);
  });
});
