import { DEMO_COUNTY, DEMO_PASSWORD } from '../src/modules/demo/index.js';
import type { Actor } from '../src/platform/access/actor.js';
import { withScope } from '../src/platform/access/scope.js';
import type { AppContext } from '../src/platform/context.js';
import type { Database, DatabaseKind, Queryable } from '../src/platform/db/types.js';
import { DASHBOARD_TILES } from '../src/platform/surfaces/contributions.js';
import { loadDashboard } from '../src/platform/surfaces/dashboard.js';
import type { DashboardTile } from '../src/platform/surfaces/types.js';
import { countyCensus, loadCountyDay } from './lib/countyDay.js';
import { getJson, serveApp, signIn } from './lib/http.js';
import type { BenchOptions } from './lib/options.js';
import { log, saveJson } from './lib/report.js';
import { actorOf, freshContext, peakRssMiB } from './lib/scratch.js';
import {
  ms,
  type Percentiles,
  percentiles,
  ratio,
  readsAgainstBareCount,
  type SummaryRow,
  since,
  table,
  thousands,
} from './lib/stats.js';

/**
 * The situation dashboard (态势总览) of a large county (issue 13 item 7): GET /api/dashboard on the
 * real app (buildApp + listen on 127.0.0.1, fetch over loopback, signed in as the commander) at the
 * county, a town and a village, p50/p95; against the bare count of the node's persons as the
 * database owner (what one figure would cost if counted per request). Then each tile's own time,
 * in-process under the same scope, and the EXPLAIN ANALYZE of the slowest tile's dearest statement,
 * so that a slow tile is named with its query.
 */

const WARM_UP = 2;

interface Level {
  label: string;
  code: string;
}

interface Statement {
  sql: string;
  params: readonly unknown[];
  ms: number;
}

interface TileTiming {
  id: string;
  ms: number[];
  /** The tile's slowest statement in its last read. */
  dearest: Statement | undefined;
  /** The slowest statement of the read under way. */
  last: Statement | undefined;
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

async function pickLevels(ctx: AppContext): Promise<Level[]> {
  const [village] = await ctx.db.query<{ code: string }>(
    `SELECT left(jurisdiction_code, 12) AS code FROM persons WHERE jurisdiction_code ^@ $1
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [DEMO_COUNTY],
  );
  const v = village!.code;
  return [
    { label: 'county (its towns)', code: DEMO_COUNTY },
    { label: 'town (its villages)', code: v.slice(0, 9) },
    { label: 'village (its grids)', code: v },
  ];
}

async function bareCount(ctx: AppContext, code: string): Promise<number> {
  const [row] = await ctx.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM persons WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2',
    [code, `${code}:`],
  );
  return row!.n;
}

/**
 * Each tile timed on its own inside the dashboard's one transaction, and the statements it runs
 * noted through the database handle (the tiles get the very request the dashboard makes, so reads
 * that tiles share through it stay shared). Returns the tiles and the database to load them with.
 */
function timedTiles(db: Database, timings: Map<string, TileTiming>) {
  let current: TileTiming | undefined;
  const noting = (tx: Queryable): Queryable => ({
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      const start = performance.now();
      const rows = await tx.query<T>(sql, params);
      const elapsed = since(start);
      if (current && (!current.last || elapsed > current.last.ms))
        current.last = { sql, params: params ?? [], ms: elapsed };
      return rows;
    },
    exec: (sql) => tx.exec(sql),
  });
  const noted: Database = {
    kind: db.kind,
    transaction: (fn) => db.transaction((tx) => fn(noting(tx))),
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    copyCsv: (t, columns, csv) => db.copyCsv(t, columns, csv),
    refreshStatistics: (tables) => db.refreshStatistics(tables),
    close: () => db.close(),
  };
  const tiles: DashboardTile[] = DASHBOARD_TILES.map((tile) => ({
    ...tile,
    load: async (request) => {
      const timing = timings.get(tile.id) ?? { id: tile.id, ms: [], dearest: undefined, last: undefined };
      timings.set(tile.id, timing);
      current = timing;
      timing.last = undefined;
      const start = performance.now();
      try {
        return await tile.load(request);
      } finally {
        timing.ms.push(since(start));
        timing.dearest = timing.last;
        current = undefined;
      }
    },
  }));
  return { tiles, db: noted };
}

async function explain(ctx: AppContext, actor: Actor, statement: Statement): Promise<string[]> {
  const rows = await withScope(ctx.db, actor, (tx) =>
    tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${statement.sql}`, statement.params),
  );
  return rows.map((row) => row['QUERY PLAN']);
}

interface LevelResult {
  label: string;
  code: string;
  persons: number;
  api: Percentiles;
  bare: Percentiles;
  tiles: Array<{ id: string } & Percentiles>;
  slowest: { id: string; p95: number; sql: string; plan: string[] } | undefined;
  failedTiles: string[];
}

async function measureLevel(
  ctx: AppContext,
  actor: Actor,
  base: string,
  cookie: string,
  level: Level,
  count: number,
): Promise<LevelResult> {
  const url = `${base}/api/dashboard?jurisdiction=${level.code}`;
  const answer = await getJson<{ tiles: Array<{ id: string; error: boolean }> }>(url, cookie);
  const failedTiles = answer.tiles.filter((t) => t.error).map((t) => t.id);
  const api = await rounds(count, () => getJson(url, cookie));
  const bare = await rounds(count, () => bareCount(ctx, level.code));
  const timings = new Map<string, TileTiming>();
  const timed = timedTiles(ctx.db, timings);
  await rounds(count, () => loadDashboard({ ...ctx, db: timed.db }, actor, timed.tiles, level.code));
  const byTile = [...timings.values()].map((t) => ({ id: t.id, ...percentiles(t.ms) }));
  const worst = [...timings.values()].sort((a, b) => percentiles(b.ms).p95 - percentiles(a.ms).p95)[0];
  const slowest =
    worst?.dearest === undefined
      ? undefined
      : {
          id: worst.id,
          p95: percentiles(worst.ms).p95,
          sql: worst.dearest.sql.replace(/\s+/g, ' ').trim(),
          plan: await explain(ctx, actor, worst.dearest),
        };
  return {
    label: level.label,
    code: level.code,
    persons: await bareCount(ctx, level.code),
    api: percentiles(api),
    bare: percentiles(bare),
    tiles: byTile,
    slowest,
    failedTiles,
  };
}

async function dashboardOn(
  engine: DatabaseKind,
  persons: number,
  options: BenchOptions,
): Promise<SummaryRow[]> {
  log(`\n## dashboard on ${engine}: ${thousands(persons)} persons, ${options.dashboardRounds} rounds`);
  const { ctx, dispose } = await freshContext(engine, options.databaseUrl, 'dashboard');
  try {
    const day = await loadCountyDay(ctx, persons);
    const census = await countyCensus(ctx);
    log(`county: ${JSON.stringify(census)}; set up in ${(day.setupMs / 1000).toFixed(0)} s`);
    const actor = await actorOf(ctx, 'commander');
    const served = await serveApp(ctx);
    const results: LevelResult[] = [];
    try {
      const cookie = await signIn(served.base, 'commander', DEMO_PASSWORD);
      for (const level of await pickLevels(ctx))
        results.push(await measureLevel(ctx, actor, served.base, cookie, level, options.dashboardRounds));
    } finally {
      await served.close();
    }
    log(
      `\n${table(
        [
          'dashboard of',
          'node',
          'persons',
          'API p50 ms',
          'p95 ms',
          'bare count p50',
          'p95',
          'ratio p50',
          'p95',
        ],
        results.map((r) => [
          r.label,
          r.code,
          thousands(r.persons),
          ms(r.api.p50),
          ms(r.api.p95),
          ms(r.bare.p50),
          ms(r.bare.p95),
          ratio(r.api.p50, r.bare.p50),
          ratio(r.api.p95, r.bare.p95),
        ]),
      )}\n(GET /api/dashboard as the commander over loopback; bare: count(*) of the node's persons by persons_jurisdiction, as the owner)`,
    );
    for (const r of results) {
      log(`\ntiles of the ${r.label}, in-process, ms:`);
      log(
        table(
          ['tile', 'p50', 'p95'],
          r.tiles.map((t) => [t.id, ms(t.p50), ms(t.p95)]),
        ),
      );
      if (r.failedTiles.length > 0) log(`! tiles that failed: ${r.failedTiles.join(', ')}`);
      if (r.slowest) {
        log(
          `slowest tile ${r.slowest.id} (p95 ${ms(r.slowest.p95)} ms); its dearest statement:\n  ${r.slowest.sql}`,
        );
        for (const line of r.slowest.plan.slice(0, 40)) log(`  ${line}`);
      }
    }
    log(`peak RSS ${peakRssMiB()} MiB`);
    const file = saveJson(`dashboard-${engine}`, {
      engine,
      persons,
      census,
      setupMs: day.setupMs,
      results,
      peakRssMiB: peakRssMiB(),
    });
    log(`figures saved to ${file}`);
    return readsAgainstBareCount('dashboard', engine, persons, results);
  } finally {
    await dispose();
  }
}

export async function dashboardBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const engine of options.engines) {
    const persons = engine === 'pglite' ? options.pgliteDashboardPersons : options.dashboardPersons;
    rows.push(...(await dashboardOn(engine, persons, options)));
  }
  return rows;
}
