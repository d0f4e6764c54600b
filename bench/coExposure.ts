import { randomUUID } from 'node:crypto';
import {
  type CheckInRow,
  type CoExposureVisit,
  coExposureSearch,
  insertCheckIns,
} from '../src/modules/venues/index.js';
import type { Actor } from '../src/platform/access/actor.js';
import { withScope } from '../src/platform/access/scope.js';
import type { AppContext } from '../src/platform/context.js';
import { ensureDayRange } from '../src/platform/db/partitions.js';
import type { Database, DatabaseKind } from '../src/platform/db/types.js';
import { permissionsOf } from '../src/rules/roles.js';
import { copyIntoPlainTable } from './lib/copyBaseline.js';
import type { BenchOptions } from './lib/options.js';
import { log, saveJson } from './lib/report.js';
import { freshContext, peakRssMiB } from './lib/scratch.js';
import { ms, percentiles, ratio, type SummaryRow, seconds, since, thousands, timed } from './lib/stats.js';

/**
 * EPI-3 benchmarks (issue 15, Deliver 9):
 * - coExposureIngest: check-ins through the venues module's insert path (insertCheckIns: partitions
 *   ensured, scoped transaction, row-level security, ON CONFLICT on the unique key, chunks of 2,000)
 *   against a raw COPY of the same rows, into a plain table and into check_ins itself.
 * - coExposureSearch: a case with 20 visits searched (the full search: scoped transaction, RLS and
 *   scope condition, ranking, identities) over N check-ins in 14 day partitions, p50/p95, against the
 *   bare indexed join (the same lateral join, run as owner, without ranking or identity).
 * Sizes: BENCH_COEXPOSURE_SIZES (PostgreSQL, default 10,000,000 and 50,000,000, one database topped
 * up), BENCH_PGLITE_COEXPOSURE_SIZES (default 10,000,000), BENCH_COEXPOSURE_ROUNDS (searches, 60),
 * BENCH_CHECKIN_INGEST_ROWS (200,000). BENCH_QUICK=1 shrinks them.
 */

const DAYS = 14;
const FIRST_DAY = '2026-11-01';
const DAY_MS = 86_400_000;
const COUNTY = '211122';
const VILLAGE = '211122001001';
const WINDOW_MINUTES = 60;
const VISITS = 20;
/** Venues of the synthetic city and its visitors (a city of ~2 million). */
const VENUES = 20_000;
const VISITORS = 2_000_000;
/** Rows per INSERT … SELECT generate_series statement while loading. */
const LOAD_CHUNK = 500_000;

function sizes(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  return raw.split(',').map((s) => {
    const n = Number(s.trim().replaceAll('_', ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: not a size: ${s}`);
    return n;
  });
}

const venueUuid = (n: number) => `0e0e0000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function benchActor(): Actor {
  return {
    userId: randomUUID(),
    username: 'bench_epi',
    displayName: 'bench',
    roles: ['cdc_epidemiologist'],
    permissions: permissionsOf(['cdc_epidemiologist']),
    scopes: [COUNTY],
  };
}

/** A seeded generator, so reruns search the same cases. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayAt = (i: number) => new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + i * DAY_MS);

/**
 * Adds `rows` check-ins spread evenly over the 14 days, generated inside the database (INSERT …
 * SELECT generate_series): random venue, random visitor (a 32-byte hash like the keyed HMAC), times
 * spread over each day. `salt` keeps a top-up from repeating the first load's rows.
 */
async function loadCheckIns(db: Database, rows: number, salt: number): Promise<void> {
  await db.query('SELECT setseed($1)', [((salt % 1000) + 1) / 1001]);
  const perDay = Math.ceil(rows / DAYS);
  for (let d = 0; d < DAYS; d++) {
    const day = dayAt(d).toISOString();
    for (let start = 0; start < perDay; start += LOAD_CHUNK) {
      const n = Math.min(LOAD_CHUNK, perDay - start);
      await db.query(
        `INSERT INTO check_ins (venue_id, jurisdiction_code, checked_in_at, id_hash, source)
         SELECT ('0e0e0000-0000-4000-8000-' || lpad(to_hex(x.v), 12, '0'))::uuid, $1,
           $2::timestamptz + ((x.g * 86399.0) / $4 + $6) * interval '1 second',
           decode(md5(x.p::text) || md5((x.p + 1)::text), 'hex'), 'feed'
         FROM (SELECT g, floor(random() * $5)::int AS v, floor(random() * $7)::int AS p
               FROM generate_series($3::int, $3::int + $8::int - 1) g) x
         ON CONFLICT DO NOTHING`,
        [VILLAGE, day, start, perDay, VENUES, (salt % 997) / 1000, VISITORS, n],
      );
    }
  }
}

interface CaseVisits {
  visits: CoExposureVisit[];
  exclude: Buffer;
}

/** Cases of 20 visits each at random venues and instants of the 14 days (seeded). */
function cases(count: number): CaseVisits[] {
  const next = random(20261207);
  return Array.from({ length: count }, (_, c) => ({
    visits: Array.from({ length: VISITS }, () => ({
      venueId: venueUuid(Math.floor(next() * VENUES)),
      at: new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + Math.floor(next() * DAYS * DAY_MS)),
    })),
    exclude: Buffer.from(`case-${c}`.padEnd(32, '.')),
  }));
}

/** The bare indexed join: the same lateral join per visit, as the owner, no ranking or identity. */
const BARE_SQL = `WITH visits AS (
    SELECT v.ord AS visit, v.place, v.at
    FROM unnest($1::uuid[], $2::timestamptz[]) WITH ORDINALITY AS v(place, at, ord)
  )
  SELECT v.visit, c.id_hash, c.checked_in_at FROM visits v
  CROSS JOIN LATERAL (
    SELECT ci.checked_in_at, ci.id_hash FROM check_ins ci
    WHERE ci.venue_id = v.place
      AND ci.checked_in_at >= v.at - $3 * interval '1 minute'
      AND ci.checked_in_at <= v.at + $3 * interval '1 minute'
  ) c`;

async function measureSearch(ctx: AppContext, rounds: number) {
  const actor = benchActor();
  const list = cases(Math.min(rounds, 20));
  const search = async (c: CaseVisits) =>
    withScope(ctx.db, actor, (tx) =>
      coExposureSearch(
        tx,
        { visits: c.visits, windowMinutes: WINDOW_MINUTES, excludeIdHashes: [c.exclude] },
        actor,
      ),
    );
  const bare = (c: CaseVisits) =>
    ctx.db.query(BARE_SQL, [c.visits.map((v) => v.venueId), c.visits.map((v) => v.at), WINDOW_MINUTES]);
  for (const c of list.slice(0, 3)) {
    await search(c);
    await bare(c);
  }
  const searchMs: number[] = [];
  const bareMs: number[] = [];
  let people = 0;
  let hits = 0;
  for (let i = 0; i < rounds; i++) {
    const c = list[i % list.length]!;
    // Alternate which goes first, so neither always finds the other's pages cached.
    if (i % 2 === 0) {
      const s = await timed(() => search(c));
      const b = await timed(() => bare(c));
      searchMs.push(s.ms);
      bareMs.push(b.ms);
      people += s.result.length;
      hits += b.result.length;
    } else {
      const b = await timed(() => bare(c));
      const s = await timed(() => search(c));
      searchMs.push(s.ms);
      bareMs.push(b.ms);
      people += s.result.length;
      hits += b.result.length;
    }
  }
  return {
    search: percentiles(searchMs),
    bare: percentiles(bareMs),
    peoplePerCase: people / rounds,
    hitsPerCase: hits / rounds,
  };
}

/** The plan of one search, to show that partitions are pruned and the index is used (PostgreSQL). */
async function explain(ctx: AppContext): Promise<string> {
  const [c] = cases(1);
  const rows = await ctx.db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${BARE_SQL}`,
    [c!.visits.map((v) => v.venueId), c!.visits.map((v) => v.at), WINDOW_MINUTES],
  );
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

function searchRows(engine: string, rowsLoaded: number, r: Awaited<ReturnType<typeof measureSearch>>) {
  return (['p50', 'p95'] as const).map(
    (p): SummaryRow => ({
      bench: 'coExposureSearch',
      engine,
      measure: `${thousands(rowsLoaded)} check-ins, case of ${VISITS} visits ±${WINDOW_MINUTES} min: ${p}`,
      value: `${ms(r.search[p])} ms`,
      baseline: `${ms(r.bare[p])} ms bare join`,
      ratio: ratio(r.search[p], r.bare[p]),
    }),
  );
}

export async function coExposureSearchBench(options: BenchOptions): Promise<SummaryRow[]> {
  const pgSizes = sizes(
    'BENCH_COEXPOSURE_SIZES',
    options.quick ? [100_000, 500_000] : [10_000_000, 50_000_000],
  );
  const pgliteSizes = sizes('BENCH_PGLITE_COEXPOSURE_SIZES', options.quick ? [100_000] : [10_000_000]);
  const rounds = Number(process.env.BENCH_COEXPOSURE_ROUNDS ?? (options.quick ? 20 : 60));
  const summary: SummaryRow[] = [];
  const report: Record<string, unknown> = {};
  for (const engine of options.engines) {
    const targets = [...(engine === 'postgres' ? pgSizes : pgliteSizes)].sort((a, b) => a - b);
    const { ctx, dispose } = await freshContext(engine as DatabaseKind, options.databaseUrl, 'coexp');
    try {
      await ensureDayRange(
        ctx.db,
        'check_ins',
        FIRST_DAY,
        dayAt(DAYS - 1)
          .toISOString()
          .slice(0, 10),
      );
      let loaded = 0;
      for (const target of targets) {
        log(`\n## coExposureSearch on ${engine}: loading up to ${thousands(target)} check-ins`);
        const started = performance.now();
        try {
          await loadCheckIns(ctx.db, target - loaded, loaded + target);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log(
            `loading failed after ${seconds(since(started))} s at about ${thousands(loaded)} rows: ${message}`,
          );
          report[`${engine}:${target}`] = { loadFailed: message, peakRssMiB: peakRssMiB() };
          summary.push({
            bench: 'coExposureSearch',
            engine,
            measure: `${thousands(target)} check-ins: load`,
            value: `failed: ${message.slice(0, 80)}`,
            baseline: '',
            ratio: '',
          });
          break;
        }
        const loadMs = since(started);
        const [count] = await ctx.db.query<{ n: number }>(
          'SELECT count(*)::bigint::float8 AS n FROM check_ins',
        );
        loaded = count?.n ?? target;
        // PostgreSQL leaves statistics to autovacuum, which a fresh partitioned parent does not get.
        const analyzed = await timed(() => ctx.db.exec('ANALYZE check_ins'));
        log(
          `loaded ${thousands(loaded)} rows in ${seconds(loadMs)} s (${thousands(loaded / (loadMs / 1000))} rows/s), ` +
            `statistics ${seconds(analyzed.ms)} s, peak RSS ${peakRssMiB()} MiB`,
        );
        const result = await measureSearch(ctx, rounds);
        log(
          `search p50 ${ms(result.search.p50)} ms p95 ${ms(result.search.p95)} ms; bare join p50 ${ms(result.bare.p50)} ms ` +
            `p95 ${ms(result.bare.p95)} ms; ${result.peoplePerCase.toFixed(1)} people and ${result.hitsPerCase.toFixed(1)} hits per case`,
        );
        let plan = '';
        try {
          plan = await explain(ctx);
          log(plan);
        } catch (error) {
          log(`EXPLAIN failed: ${String(error)}`);
        }
        report[`${engine}:${target}`] = { loaded, loadMs, ...result, plan, peakRssMiB: peakRssMiB() };
        summary.push(...searchRows(engine, loaded, result));
      }
    } finally {
      await dispose();
    }
  }
  saveJson('coExposureSearch', report);
  return summary;
}

/** Rows of a feed: random venues of the county, visitors and instants over two days. */
function feedRows(count: number): CheckInRow[] {
  const next = random(42);
  return Array.from({ length: count }, (_, i) => ({
    venueId: venueUuid(Math.floor(next() * 2_000)),
    jurisdictionCode: VILLAGE,
    at: new Date(Date.parse('2026-11-10T00:00:00Z') + Math.floor(next() * 2 * DAY_MS)),
    idHash: Buffer.from(`${i.toString(36)}-${Math.floor(next() * 1e9).toString(36)}`.padEnd(32, '#')),
    source: 'feed' as const,
  }));
}

/** COPY of check_ins' own rows back into check_ins after emptying it (indexes, RLS off: the owner). */
async function copyIntoCheckIns(db: Database): Promise<{ ms: number; rows: number }> {
  const columns = ['venue_id', 'jurisdiction_code', 'checked_in_at', 'id_hash', 'source'];
  const rows = await db.query<Record<string, string>>(
    `SELECT venue_id::text AS venue_id, jurisdiction_code, checked_in_at::text AS checked_in_at,
       id_hash::text AS id_hash, source FROM check_ins`,
  );
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += 10_000) {
    chunks.push(
      rows
        .slice(i, i + 10_000)
        .map((r) => columns.map((c) => `"${r[c]}"`).join(','))
        .join('\n')
        .concat('\n'),
    );
  }
  await db.exec('TRUNCATE check_ins');
  const copy = await timed(async () => {
    for (const chunk of chunks) await db.copyCsv('check_ins', columns, chunk);
  });
  return { ms: copy.ms, rows: rows.length };
}

export async function coExposureIngestBench(options: BenchOptions): Promise<SummaryRow[]> {
  const count = Number(process.env.BENCH_CHECKIN_INGEST_ROWS ?? (options.quick ? 20_000 : 200_000));
  const batch = 5_000;
  const summary: SummaryRow[] = [];
  const report: Record<string, unknown> = {};
  const rows = feedRows(count);
  for (const engine of options.engines) {
    log(`\n## coExposureIngest on ${engine}: ${thousands(count)} check-ins in feeds of ${thousands(batch)}`);
    const { ctx, dispose } = await freshContext(engine as DatabaseKind, options.databaseUrl, 'ingest');
    try {
      const actor = benchActor();
      const ingest = await timed(async () => {
        for (let i = 0; i < rows.length; i += batch)
          await insertCheckIns(ctx, actor, rows.slice(i, i + batch));
      });
      const plain = await copyIntoPlainTable(ctx.db, 'check_ins');
      const own = await copyIntoCheckIns(ctx.db);
      log(
        `insert path ${seconds(ingest.ms)} s (${thousands(count / (ingest.ms / 1000))} rows/s); ` +
          `COPY into a plain table ${seconds(plain.ms)} s; COPY into check_ins ${seconds(own.ms)} s`,
      );
      report[engine] = { rows: count, ingestMs: ingest.ms, plainCopyMs: plain.ms, checkInsCopyMs: own.ms };
      summary.push(
        {
          bench: 'coExposureIngest',
          engine,
          measure: `${thousands(count)} check-ins through insertCheckIns`,
          value: `${seconds(ingest.ms)} s`,
          baseline: `${seconds(plain.ms)} s COPY, plain table`,
          ratio: ratio(ingest.ms, plain.ms),
        },
        {
          bench: 'coExposureIngest',
          engine,
          measure: `${thousands(count)} check-ins through insertCheckIns`,
          value: `${seconds(ingest.ms)} s`,
          baseline: `${seconds(own.ms)} s COPY into check_ins`,
          ratio: ratio(ingest.ms, own.ms),
        },
      );
    } finally {
      await dispose();
    }
  }
  saveJson('coExposureIngest', report);
  return summary;
}
