import { DEMO_COUNTY, DEMO_PASSWORD, loadDemo } from '../src/modules/demo/index.js';
import {
  COUNT_CAP,
  PERSON_FROM_SQL,
  PERSON_VIEW_SQL,
  type PersonFilter,
  personWhere,
  searchPersons,
} from '../src/modules/persons/index.js';
import type { Actor } from '../src/platform/access/actor.js';
import { withScope } from '../src/platform/access/scope.js';
import type { AppContext } from '../src/platform/context.js';
import type { DatabaseKind, Queryable } from '../src/platform/db/types.js';
import { getJson, serveApp, signIn } from './lib/http.js';
import type { BenchOptions } from './lib/options.js';
import { log, saveJson } from './lib/report.js';
import { actorOf, freshContext, peakRssMiB } from './lib/scratch.js';
import {
  ms,
  type Percentiles,
  percentiles,
  ratio,
  type SummaryRow,
  seconds,
  since,
  table,
  thousands,
  timed,
} from './lib/stats.js';

/**
 * Scoped person search over the demo county: p50/p95/p99 through the real HTTP API (a listening
 * server, fetch over loopback, one request at a time) against the same indexed SELECT run bare
 * on the same database as its owner: the same SQL text and parameters (the user's scope is a plain
 * range condition in it), without HTTP, session lookup, transaction, SET ROLE or row-level security.
 */

const PAGE_SIZE = 20;
/** Community pages are read from page 1 to this one, cycling, so deeper offsets count too. */
const PAGES = 5;
/** Requests sent before measuring, so JIT compilation and first-use costs are not counted. */
const WARM_UP = 30;
const KINDS = ['id', 'name', 'page'] as const;
type Kind = (typeof KINDS)[number];
const KIND_LABELS: Record<Kind, string> = {
  id: 'exact ID number',
  name: 'name prefix (2 chars)',
  page: 'community page',
};

interface Target {
  idNumber: string;
  prefix: string;
  village: string;
  page: number;
}

/** Random persons of a subtree (seeded, so a rerun on the same data picks the same ones). */
async function sampleTargets(ctx: AppContext, within: string, count: number): Promise<Target[]> {
  const rows = await ctx.db.transaction(async (tx) => {
    await tx.query('SELECT setseed(0.2022)');
    return tx.query<{ id_cipher: Uint8Array; name: string; jurisdiction_code: string }>(
      `SELECT id_cipher, name, jurisdiction_code FROM persons
       WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2 ORDER BY random() LIMIT $3`,
      [within, `${within}:`, count],
    );
  });
  if (rows.length === 0) throw new Error(`no persons in ${within}`);
  return Array.from({ length: count }, (_, i) => {
    const row = rows[i % rows.length]!;
    return {
      idNumber: ctx.cipher.decrypt(row.id_cipher),
      prefix: [...row.name].slice(0, 2).join(''),
      village: row.jurisdiction_code.slice(0, 12),
      page: 1 + (i % PAGES),
    };
  });
}

const filterOf = (kind: Kind, t: Target): PersonFilter =>
  kind === 'id' ? { idNumber: t.idNumber } : kind === 'name' ? { q: t.prefix } : { jurisdiction: t.village };
const pageOf = (kind: Kind, t: Target) => (kind === 'page' ? t.page : 1);

function apiPath(kind: Kind, t: Target): string {
  const query = new URLSearchParams(filterOf(kind, t) as Record<string, string>);
  if (kind === 'page') query.set('page', String(t.page));
  return `/api/persons?${query}`;
}

const itemsSql = (where: string, page: number) =>
  `SELECT ${PERSON_VIEW_SQL} FROM ${PERSON_FROM_SQL} WHERE ${where}
   ORDER BY p.jurisdiction_code, p.name, p.id LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
const countSql = (where: string) =>
  `SELECT count(*)::int AS n FROM (SELECT 1 FROM persons p WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`;

/**
 * The SQL the API runs for this user and search, with the same parameters (the user's scope as a
 * plain range condition), ready to run bare as the database owner.
 */
function bareQuery(ctx: AppContext, actor: Actor, kind: Kind, t: Target) {
  const params: unknown[] = [];
  const where = personWhere(ctx, actor, filterOf(kind, t), params);
  return { items: itemsSql(where, pageOf(kind, t)), count: countSql(where), params };
}

type BareQuery = ReturnType<typeof bareQuery>;
const bareItems = (ctx: AppContext, q: BareQuery) => ctx.db.query<{ id: string }>(q.items, q.params);
async function bareWithCount(ctx: AppContext, q: BareQuery) {
  await ctx.db.query(q.items, q.params);
  await ctx.db.query(q.count, q.params);
}

async function samples(count: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn(i);
    result.push(since(start));
  }
  return result;
}

/**
 * The page's SELECT (or its capped count) explained: under `SET LOCAL ROLE fangkong_app` with the
 * actor's scope, as the API runs it, or bare as the owner.
 */
async function explain(
  ctx: AppContext,
  actor: Actor,
  kind: Kind,
  t: Target,
  options: { count?: boolean; bare?: boolean } = {},
): Promise<string[]> {
  const params: unknown[] = [];
  const where = personWhere(ctx, actor, filterOf(kind, t), params);
  const sql = `EXPLAIN (ANALYZE, COSTS OFF) ${options.count ? countSql(where) : itemsSql(where, pageOf(kind, t))}`;
  const run = (q: Queryable) => q.query<{ 'QUERY PLAN': string }>(sql, params);
  const rows = await (options.bare ? run(ctx.db) : withScope(ctx.db, actor, run));
  return rows.map((row) => row['QUERY PLAN']);
}

/** The plan's scan nodes and its execution time, in one line. */
function planSummary(plan: readonly string[]): string {
  const scans = plan
    .map((line) =>
      /(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan) (?:using (\S+) )?on (\S+)/.exec(line),
    )
    .filter((m) => m !== null)
    .map((m) => `${m[1]}${m[2] ? ` ${m[2]}` : ''} on ${m[3]}`);
  const time = plan.find((line) => line.startsWith('Execution Time'))?.trim() ?? '';
  return `${scans.join('; ')} — ${time}`;
}

interface KindResult {
  user: string;
  kind: Kind;
  api: Percentiles;
  /** withScope + searchPersons called in-process: the API without HTTP and the session lookup. */
  scoped: Percentiles;
  bare: Percentiles;
  bareWithCount: Percentiles;
  plan: string[];
  /** One-line plans for comparison: the page run bare, the capped count scoped and bare. */
  plans: { pageBare: string; count: string; countBare: string };
}

async function measureUser(
  ctx: AppContext,
  base: string,
  username: string,
  rounds: number,
): Promise<KindResult[]> {
  const actor = await actorOf(ctx, username);
  const cookie = await signIn(base, username, DEMO_PASSWORD);
  const targets = await sampleTargets(ctx, actor.scopes[0]!, rounds);
  const results: KindResult[] = [];
  for (const kind of KINDS) {
    const api = (t: Target) => getJson<{ items: { id: string }[] }>(`${base}${apiPath(kind, t)}`, cookie);
    const bare = targets.map((t) => bareQuery(ctx, actor, kind, t));
    // Warm the caches on every target, and check that the API and the bare query agree.
    for (const [i, t] of targets.entries()) {
      const rows = await bareItems(ctx, bare[i]!);
      if (i < WARM_UP) {
        const served = await api(t);
        const same = served.items.map((p) => p.id).join() === rows.map((p) => p.id).join();
        if (!same) throw new Error(`${username} ${kind}: the API and the bare query answer differently`);
        if (kind === 'id' && served.items.length !== 1)
          throw new Error(`${username}: an ID number was not found`);
      }
    }
    const apiMs = await samples(rounds, (i) => api(targets[i]!));
    const scopedMs = await samples(rounds, (i) =>
      withScope(ctx.db, actor, (tx) =>
        searchPersons(ctx, tx, actor, filterOf(kind, targets[i]!), pageOf(kind, targets[i]!), PAGE_SIZE),
      ),
    );
    const bareMs = await samples(rounds, (i) => bareItems(ctx, bare[i]!));
    const bareCountMs = await samples(rounds, (i) => bareWithCount(ctx, bare[i]!));
    const plan = await explain(ctx, actor, kind, targets[0]!);
    const plans = {
      pageBare: planSummary(await explain(ctx, actor, kind, targets[0]!, { bare: true })),
      count: planSummary(await explain(ctx, actor, kind, targets[0]!, { count: true })),
      countBare: planSummary(await explain(ctx, actor, kind, targets[0]!, { count: true, bare: true })),
    };
    results.push({
      user: `${username} (${actor.scopes.join(',')})`,
      kind,
      api: percentiles(apiMs),
      scoped: percentiles(scopedMs),
      bare: percentiles(bareMs),
      bareWithCount: percentiles(bareCountMs),
      plan,
      plans,
    });
  }
  return results;
}

function resultTable(results: readonly KindResult[]): string {
  const header = ['user', 'search', 'API p50', 'p95', 'p99', 'bare p50', 'p95', 'p99', 'API/bare p50', 'p95'];
  const rows = results.map((r) => [
    r.user,
    KIND_LABELS[r.kind],
    ms(r.api.p50),
    ms(r.api.p95),
    ms(r.api.p99),
    ms(r.bare.p50),
    ms(r.bare.p95),
    ms(r.bare.p99),
    ratio(r.api.p50, r.bare.p50),
    ratio(r.api.p95, r.bare.p95),
  ]);
  const breakdown = results.map((r) => [
    r.user,
    KIND_LABELS[r.kind],
    `${ms(r.api.p50)} / ${ms(r.api.p95)}`,
    `${ms(r.scoped.p50)} / ${ms(r.scoped.p95)}`,
    `${ms(r.bareWithCount.p50)} / ${ms(r.bareWithCount.p95)}`,
    `${ms(r.bare.p50)} / ${ms(r.bare.p95)}`,
  ]);
  return [
    '',
    table(header, rows),
    '(milliseconds. API: GET /api/persons over loopback. bare: the same SELECT as the owner, no RLS.)',
    '',
    'Where the time goes (p50 / p95, ms):',
    table(['user', 'search', 'API', 'scoped service', 'bare page + count', 'bare page'], breakdown),
    '(scoped service: withScope + searchPersons in-process, i.e. the API without HTTP and the session lookup;',
    ' bare page + count: the SELECT and the capped count the API also runs, both bare.)',
  ].join('\n');
}

async function searchOn(engine: DatabaseKind, persons: number, options: BenchOptions): Promise<SummaryRow[]> {
  log(`\n## search on ${engine}: ${thousands(persons)} persons, ${options.searchRounds} requests per kind`);
  const { ctx, dispose } = await freshContext(engine, options.databaseUrl, 'search');
  try {
    const step = Math.max(10_000, Math.round(persons / 10 / 10_000) * 10_000);
    let next = step;
    const loadStart = performance.now();
    const load = await timed(() =>
      loadDemo(ctx, persons, (done) => {
        if (done < next) return;
        next += step;
        const s = since(loadStart) / 1000;
        log(`  loaded ${thousands(done)} persons in ${s.toFixed(0)} s (${thousands(done / s)}/s)`);
      }),
    );
    log(
      `loadDemo: ${seconds(load.ms)} s (CPU of this process ${seconds(load.cpuMs)} s), ` +
        `${thousands((persons / load.ms) * 1000)} persons/s, peak RSS ${peakRssMiB()} MiB`,
    );

    const [size] = await ctx.db.query<{ table: string; total: string }>(
      `SELECT pg_size_pretty(pg_relation_size('persons')) AS table,
         pg_size_pretty(pg_total_relation_size('persons')) AS total`,
    );
    log(`persons: ${size?.table} of rows, ${size?.total} with its indexes`);
    const county = await actorOf(ctx, 'commander');
    const probe = (await sampleTargets(ctx, DEMO_COUNTY, 1))[0]!;
    const unanalysed: string[] = [];
    for (const kind of KINDS)
      unanalysed.push(`${kind}: ${planSummary(await explain(ctx, county, kind, probe))}`);
    log('Plans of the county user straight after the load (one target):');
    for (const line of unanalysed) log(`  ${line}`);
    let analyzeMs = 0;
    if (options.analyze) {
      // loadDemo refreshes PGlite's statistics itself; PostgreSQL's autovacuum gets there in its own
      // time. An explicit ANALYZE makes both runs start from the same, fresh statistics.
      analyzeMs = (await timed(() => ctx.db.exec('ANALYZE'))).ms;
      log(`ANALYZE: ${seconds(analyzeMs)} s; the searches below run on fresh statistics.`);
    } else {
      log(
        'BENCH_ANALYZE=0: no ANALYZE here; the searches run on the statistics the application and engine keep.',
      );
    }

    const served = await serveApp(ctx);
    const results: KindResult[] = [];
    try {
      for (const username of ['commander', 'community_worker']) {
        results.push(...(await measureUser(ctx, served.base, username, options.searchRounds)));
      }
    } finally {
      await served.close();
    }

    log(resultTable(results));
    for (const r of results) {
      log(`\nEXPLAIN ANALYZE, ${r.user}, ${KIND_LABELS[r.kind]}, as fangkong_app under RLS:`);
      log(`  page:  ${planSummary(r.plan)}`);
      log(`  count: ${r.plans.count}`);
      log(`  for comparison, run bare: page ${r.plans.pageBare}`);
      log(`                            count ${r.plans.countBare}`);
      for (const line of r.plan.slice(0, 24)) log(`  ${line}`);
    }
    const file = saveJson(`search-${engine}`, {
      engine,
      persons,
      rounds: options.searchRounds,
      loadMs: load.ms,
      loadCpuMs: load.cpuMs,
      size,
      analyzed: options.analyze,
      analyzeMs,
      peakRssMiB: peakRssMiB(),
      unanalysedPlans: unanalysed,
      results,
    });
    log(`\nfigures saved to ${file}`);

    return [
      {
        bench: 'search',
        engine,
        measure: `load ${thousands(persons)} persons (loadDemo)`,
        value: `${seconds(load.ms)} s`,
        baseline: `${thousands((persons / load.ms) * 1000)} rows/s`,
        ratio: '',
      },
      ...results.flatMap((r) =>
        (['p50', 'p95'] as const).map((p) => ({
          bench: 'search',
          engine,
          measure: `${r.user.split(' ')[0]} ${KIND_LABELS[r.kind]} ${p}`,
          value: `${ms(r.api[p])} ms`,
          baseline: `${ms(r.bare[p])} ms bare`,
          ratio: ratio(r.api[p], r.bare[p]),
        })),
      ),
    ];
  } finally {
    await dispose();
  }
}

export async function searchBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const engine of options.engines) {
    rows.push(
      ...(await searchOn(engine, engine === 'pglite' ? options.pglitePersons : options.persons, options)),
    );
  }
  return rows;
}
