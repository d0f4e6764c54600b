import { figuresOfDates } from '../src/modules/bulletin/index.js';
import { importDivisions } from '../src/modules/jurisdictions/index.js';
import type { Actor } from '../src/platform/access/actor.js';
import { withScope } from '../src/platform/access/scope.js';
import type { AppContext } from '../src/platform/context.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { previousDate } from '../src/rules/bulletin.js';
import { permissionsOf } from '../src/rules/roles.js';
import { endOfLocalDay, localDate, startOfLocalDay } from '../src/rules/time.js';
import type { BenchOptions } from './lib/options.js';
import { log, saveJson } from './lib/report.js';
import { freshContext } from './lib/scratch.js';
import {
  ms,
  type Percentiles,
  percentiles,
  ratio,
  type SummaryRow,
  seconds,
  since,
  thousands,
  timed,
} from './lib/stats.js';

/**
 * CAS-5 daily figures for a city (issue 14 item 8): 赤峰市 (12 counties and banners, every village),
 * a population of persons, tens of thousands of cases over 30 days with their classification
 * history (reports, reclassifications, discards), and a day of sampling. The day's figures and the
 * day before's (`figuresOfDates`, what GET /api/bulletin computes) at the city and at one county,
 * under a city official's scope (row-level security on), p50/p95; against the bare count queries
 * of the same rows as the database owner (cases held by class and origin at each day's end, tubes
 * resulted, people sampled): what a hand-made tally would cost.
 */

const CITY = '1504';
const ZONE = 'Asia/Shanghai';
const WARM_UP = 2;
const DAYS = 30;

/** Sizes (BENCH_BULLETIN_* override): persons, cases, rounds. Read here: no other benchmark uses them. */
function sizes(options: BenchOptions) {
  const size = (name: string, fallback: number) => {
    const raw = process.env[name];
    return raw ? Number.parseInt(raw, 10) : fallback;
  };
  return {
    persons: size('BENCH_BULLETIN_PERSONS', options.quick ? 20_000 : 200_000),
    cases: size('BENCH_BULLETIN_CASES', options.quick ? 5_000 : 40_000),
    rounds: size('BENCH_BULLETIN_ROUNDS', options.quick ? 10 : 30),
  };
}

async function rounds(count: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    samples.push(since(start));
  }
  return samples;
}

/**
 * Synthetic persons, cases and history, set-based. Persons carry fake ciphertext and hashes (the
 * figures never read them); cases are spread over the city's villages, 85 % local; per case: a
 * report (40 % confirmed, 35 % asymptomatic, 25 % suspected), then a fifth of the asymptomatic
 * confirmed a day later, half the suspected confirmed and a third discarded within two days.
 */
async function loadCity(ctx: AppContext, persons: number, cases: number, today: string) {
  const divisions = await timed(() => importDivisions(ctx.db, CITY));
  log(`divisions of ${CITY}: ${thousands(divisions.result.total)} in ${seconds(divisions.ms)} s`);
  const first = startOfLocalDay(today, ZONE).getTime() - (DAYS - 1) * 86_400_000;
  const load = await timed(async () => {
    await ctx.db.exec(`CREATE TEMP TABLE bench_villages AS
      SELECT row_number() OVER (ORDER BY code) AS i, code FROM jurisdictions
      WHERE code LIKE '${CITY}%' AND level = 'village'`);
    await ctx.db.query(
      `INSERT INTO persons (jurisdiction_code, name, id_type, id_cipher, id_hash, id_masked)
       SELECT v.code, '居民' || g, 'resident_id', sha256(('c' || g)::bytea), sha256(('h' || g)::bytea), '150402********0000'
       FROM generate_series(1, $1::int) g
       JOIN bench_villages v ON v.i = 1 + (g * 7919) % (SELECT count(*) FROM bench_villages)`,
      [persons],
    );
    const [user] = await ctx.db.query<{ id: string }>('SELECT gen_random_uuid() AS id');
    // The first report's class is kept in exposure_summary (synthetic data: nothing else reads it).
    await ctx.db.query(
      `INSERT INTO cases (jurisdiction_code, person_id, classification, origin, status, found_at, reported_at,
         confirmed_at, reporting_institution, reporting_doctor, reported_by, discarded_at, discard_reason,
         exposure_summary)
       SELECT p.jurisdiction_code, p.id,
         CASE WHEN k.r < 47 THEN 'confirmed' WHEN k.r < 75 THEN 'asymptomatic' WHEN k.r < 88 THEN 'confirmed'
           ELSE 'suspected' END,
         CASE WHEN k.o < 85 THEN 'local' ELSE 'imported' END,
         CASE WHEN k.r >= 92 THEN 'discarded' ELSE 'reported' END,
         k.at, k.at,
         CASE WHEN k.r < 40 THEN k.at WHEN k.r < 47 OR (k.r >= 75 AND k.r < 88) THEN k.at + interval '1 day' END,
         '市级定点医院', '医生', $3,
         CASE WHEN k.r >= 92 THEN k.at + interval '2 days' END, CASE WHEN k.r >= 92 THEN '复核排除' END,
         CASE WHEN k.r < 40 THEN 'confirmed' WHEN k.r < 75 THEN 'asymptomatic' ELSE 'suspected' END
       FROM (SELECT id, jurisdiction_code, row_number() OVER (ORDER BY id) AS n FROM persons) p
       CROSS JOIN LATERAL (SELECT (p.n * 37) % 100 AS r, (p.n * 53) % 100 AS o,
         to_timestamp($2::float8 / 1000 + ((p.n * 104729) % ($4::bigint * 86400))) AS at) k
       WHERE p.n <= $1`,
      [cases, first, user!.id, DAYS - 2],
    );
    const history = (kind: string, from: string, to: string, at: string, where: string) =>
      ctx.db.query(
        `INSERT INTO case_changes (case_id, jurisdiction_code, kind, from_classification, to_classification, reason,
           changed_by, changed_by_name, changed_at, review_due_at)
         SELECT c.id, c.jurisdiction_code, '${kind}', ${from}, ${to}, ${kind === 'report' ? 'NULL' : "'订正'"},
           c.reported_by, '医生', ${at}, ${at} + interval '2 hours'
         FROM cases c WHERE ${where}`,
      );
    await history('report', 'NULL', 'c.exposure_summary', 'c.reported_at', 'true');
    await history(
      'reclassify',
      'c.exposure_summary',
      "'confirmed'",
      'c.confirmed_at',
      'c.confirmed_at > c.reported_at',
    );
    await history(
      'discard',
      'c.classification',
      'c.classification',
      'c.discarded_at',
      "c.status = 'discarded'",
    );
  });
  await ctx.db.exec('ANALYZE');
  const [counts] = await ctx.db.query<{ cases: number; changes: number }>(
    'SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_changes)::int AS changes',
  );
  log(
    `loaded ${thousands(persons)} persons, ${thousands(counts!.cases)} cases and ${thousands(counts!.changes)} history rows over ${DAYS} days in ${seconds(load.ms)} s`,
  );
  return counts!;
}

/** The bare tally as the owner: cases held by class and origin at each day's end (no history). */
async function bareCounts(ctx: AppContext, root: string, dates: readonly string[]) {
  for (const date of dates) {
    const start = startOfLocalDay(date, ZONE).toISOString();
    const end = endOfLocalDay(date, ZONE).toISOString();
    await ctx.db.query(
      `SELECT origin, classification, count(*) FILTER (WHERE reported_at >= $3)::int AS new, count(*)::int AS held
       FROM cases WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2 AND reported_at < $4
         AND (discarded_at IS NULL OR discarded_at >= $4) GROUP BY 1, 2`,
      [root, `${root}:`, start, end],
    );
    await ctx.db.query(
      `SELECT coalesce(sum(tubes), 0)::int FROM tube_result_counts
       WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2 AND slot >= $3 AND slot < $4`,
      [root, `${root}:`, start, end],
    );
  }
}

interface LevelResult {
  label: string;
  code: string;
  cases: number;
  api: Percentiles;
  bare: Percentiles;
}

async function bulletinOn(engine: DatabaseKind, options: BenchOptions): Promise<SummaryRow[]> {
  const { persons, cases, rounds: count } = sizes(options);
  log(
    `\n## bulletin on ${engine}: ${thousands(persons)} persons, ${thousands(cases)} cases, ${count} rounds`,
  );
  const { ctx, dispose } = await freshContext(engine, options.databaseUrl, 'bulletin');
  try {
    const today = localDate(ctx.now(), ZONE);
    const loaded = await loadCity(ctx, persons, cases, today);
    const official: Actor = {
      userId: '00000000-0000-4000-8000-000000000001',
      username: 'city',
      displayName: 'city',
      roles: ['commander'],
      permissions: permissionsOf(['commander']),
      scopes: [CITY],
    };
    const [county] = await ctx.db.query<{ code: string }>(
      `SELECT left(jurisdiction_code, 6) AS code FROM cases GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const day = previousDate(today);
    const dates = [previousDate(day), day];
    const results: LevelResult[] = [];
    for (const level of [
      { label: `city ${CITY}`, code: CITY },
      { label: 'its largest county', code: county!.code },
    ]) {
      const place = { code: level.code, name: level.code, timeZone: ZONE };
      const read = () => withScope(ctx.db, official, (tx) => figuresOfDates(tx, place, dates));
      const api = await rounds(count, read);
      const bare = await rounds(count, () => bareCounts(ctx, level.code, dates));
      const [n] = await ctx.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM cases WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2',
        [level.code, `${level.code}:`],
      );
      results.push({ ...level, cases: n!.n, api: percentiles(api), bare: percentiles(bare) });
      log(
        `${level.label} (${thousands(n!.n)} cases): figures of ${dates.join(' and ')} p50 ${ms(percentiles(api).p50)} ms, p95 ${ms(percentiles(api).p95)} ms; ` +
          `bare counts p50 ${ms(percentiles(bare).p50)} ms, p95 ${ms(percentiles(bare).p95)} ms`,
      );
    }
    const [figures] = await withScope(ctx.db, official, (tx) =>
      figuresOfDates(tx, { code: CITY, name: CITY, timeZone: ZONE }, [day]),
    );
    const held = (['local', 'imported'] as const).reduce(
      (n, o) => n + figures!.cases[o].confirmed.cumulative + figures!.cases[o].asymptomatic.cumulative,
      0,
    );
    const [direct] = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases
       WHERE (exposure_summary IN ('confirmed', 'asymptomatic') AND reported_at < $1)
         OR (exposure_summary = 'suspected' AND confirmed_at < $1)`,
      [endOfLocalDay(day, ZONE).toISOString()],
    );
    log(
      `check: confirmed + asymptomatic held at the end of ${day} ${held} ${held === direct!.n ? '=' : '≠'} direct count ${direct!.n}`,
    );
    saveJson(`bulletin-${engine}`, { persons, loaded, results });
    return results.flatMap((r) =>
      (['p50', 'p95'] as const).map((p) => ({
        bench: 'bulletin',
        engine,
        measure: `${thousands(r.cases)} cases: ${r.label} ${p}`,
        value: `${ms(r.api[p])} ms`,
        baseline: `${ms(r.bare[p])} ms bare counts`,
        ratio: ratio(r.api[p], r.bare[p]),
      })),
    );
  } finally {
    await dispose();
  }
}

/** `npm run bench -- bulletin`: PGlite, and PostgreSQL with BENCH_DATABASE_URL. */
export async function bulletinBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const engine of options.engines) rows.push(...(await bulletinOn(engine, options)));
  return rows;
}
