import { campaignProgress, missingPersons } from '../src/modules/campaigns/index.js';
import { DEMO_COUNTY } from '../src/modules/demo/index.js';
import type { Actor } from '../src/platform/access/actor.js';
import { withScope } from '../src/platform/access/scope.js';
import type { AppContext } from '../src/platform/context.js';
import type { DatabaseKind, Queryable } from '../src/platform/db/types.js';
import type { BenchOptions } from './lib/options.js';
import { QueryProfile } from './lib/queryProfile.js';
import { log, saveJson } from './lib/report.js';
import { actorOf, freshContext, peakRssMiB } from './lib/scratch.js';
import {
  ms,
  type Percentiles,
  percentiles,
  ratio,
  readsAgainstBareCount,
  type SummaryRow,
  seconds,
  since,
  table,
  thousands,
  timed,
} from './lib/stats.js';
import { copyTestingFixture } from './lib/testingData.js';
import { loadPersons } from './testingLoad.js';

/**
 * Campaign progress over a large county (issue 5 item 8, TST-6): the demo county's persons, 80 %
 * sampled in pools of 10 (COPYed fixture), 60 % of the tubes resulted by one UPDATE (so the triggers
 * of migration 0021 count them). Then `campaignProgress` at county, town and village level and the
 * missing list of one community, in-process under the county admin's scope (withScope), p50/p95;
 * against the bare indexed count of the same node's persons, as the database owner.
 */

const HOUR = 3_600_000;
const WARM_UP = 2;

interface Level {
  label: string;
  code: string;
  read: 'progress' | 'missing';
}

interface LevelResult {
  label: string;
  code: string;
  persons: number;
  api: Percentiles;
  bare: Percentiles;
  statements: { statement: string; msPerRound: number }[];
  /** EXPLAIN ANALYZE of the read's dearest statement, under the same scope. */
  plan: string[];
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

/** The largest community of the county (the dearest village-level read) and its town. */
async function pickNodes(ctx: AppContext): Promise<Level[]> {
  const [village] = await ctx.db.query<{ code: string }>(
    `SELECT left(jurisdiction_code, 12) AS code FROM persons WHERE jurisdiction_code ^@ $1
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [DEMO_COUNTY],
  );
  const v = village!.code;
  return [
    { label: 'county (its towns)', code: DEMO_COUNTY, read: 'progress' },
    { label: 'town (its villages)', code: v.slice(0, 9), read: 'progress' },
    { label: 'village (its grids)', code: v, read: 'progress' },
    { label: 'missing list of the village, page 1', code: v, read: 'missing' },
  ];
}

async function bareCount(ctx: AppContext, code: string): Promise<number> {
  const [row] = await ctx.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM persons WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2',
    [code, `${code}:`],
  );
  return row!.n;
}

async function measure(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  level: Level,
  count: number,
): Promise<LevelResult> {
  const profile = new QueryProfile();
  const db = profile.wrapDb(ctx.db);
  const read = (): Promise<unknown> =>
    withScope<unknown>(db, actor, (tx) =>
      level.read === 'progress'
        ? campaignProgress(tx, actor, campaignId, level.code === DEMO_COUNTY ? undefined : level.code)
        : missingPersons(tx, actor, campaignId, level.code, 1, 20),
    );
  const api = await rounds(count, read);
  const bare = await rounds(count, () => bareCount(ctx, level.code));
  const runs = count + WARM_UP;
  const plan = await explainDearest(ctx, actor, (tx) =>
    level.read === 'progress'
      ? campaignProgress(tx, actor, campaignId, level.code === DEMO_COUNTY ? undefined : level.code)
      : missingPersons(tx, actor, campaignId, level.code, 1, 20),
  );
  return {
    label: level.label,
    code: level.code,
    persons: await bareCount(ctx, level.code),
    api: percentiles(api),
    bare: percentiles(bare),
    statements: profile.entries().map((e) => ({ statement: e.statement, msPerRound: e.ms / runs })),
    plan,
  };
}

/**
 * Runs `read` once noting each statement with its parameters, then EXPLAIN ANALYZEs the slowest
 * one under the same scope (ported from the former test/api/campaigns-scale.test.ts).
 */
async function explainDearest(
  ctx: AppContext,
  actor: Actor,
  read: (tx: Queryable) => Promise<unknown>,
): Promise<string[]> {
  let dearest = { ms: -1, sql: '', params: [] as readonly unknown[] };
  await withScope(ctx.db, actor, (tx) =>
    read({
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        const start = performance.now();
        const rows = await tx.query<T>(sql, params);
        if (since(start) > dearest.ms) dearest = { ms: since(start), sql, params: params ?? [] };
        return rows;
      },
      exec: (sql) => tx.exec(sql),
    }),
  );
  const rows = await withScope(ctx.db, actor, (tx) =>
    tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${dearest.sql}`, dearest.params),
  );
  return rows.map((row) => row['QUERY PLAN']);
}

/** Progress totals against a direct count over samples ⋈ tubes (and the persons table), once. */
async function verify(ctx: AppContext, actor: Actor, campaignId: string) {
  const progress = await timed(() =>
    withScope(ctx.db, actor, (tx) => campaignProgress(tx, actor, campaignId, undefined)),
  );
  const direct = await timed(() =>
    ctx.db.query<{ persons: number; sampled: number; resulted: number; positives: number }>(
      `SELECT (SELECT count(*) FROM persons WHERE jurisdiction_code ^@ $2)::int AS persons, count(*)::int AS sampled,
         count(*) FILTER (WHERE t.result IN ('negative', 'positive'))::int AS resulted,
         count(*) FILTER (WHERE t.result = 'positive')::int AS positives
       FROM samples s JOIN tubes t ON t.id = s.tube_id WHERE s.campaign_id = $1`,
      [campaignId, DEMO_COUNTY],
    ),
  );
  const t = progress.result.totals;
  const d = direct.result[0]!;
  const ok =
    t.persons === d.persons &&
    t.sampled === d.sampled &&
    t.resulted === d.resulted &&
    t.positives === d.positives;
  log(
    `check: progress totals ${JSON.stringify({ persons: t.persons, sampled: t.sampled, resulted: t.resulted, positives: t.positives })}` +
      ` ${ok ? '=' : '≠ (FAILED)'} direct count ${JSON.stringify(d)}; the direct count over samples ⋈ tubes took ${seconds(direct.ms)} s`,
  );
  return { ok, totals: t, direct: d, directMs: direct.ms };
}

async function progressOn(
  engine: DatabaseKind,
  persons: number,
  options: BenchOptions,
): Promise<SummaryRow[]> {
  log(`\n## campaignProgress on ${engine}: ${thousands(persons)} persons, ${options.progressRounds} rounds`);
  const { ctx, dispose } = await freshContext(engine, options.databaseUrl, 'progress');
  try {
    const load = await loadPersons(ctx, persons);
    const sampledAt = new Date(ctx.now().getTime() - 8 * HOUR);
    const fixture = await timed(() =>
      copyTestingFixture(ctx.db, DEMO_COUNTY, {
        share: 0.8,
        poolSize: 10,
        sampledAt,
        received: true,
        prefix: 'P',
      }),
    );
    const f = fixture.result;
    log(
      `fixture: ${thousands(f.samples)} samples in ${thousands(f.tubes)} tubes COPYed in ${seconds(fixture.ms)} s`,
    );
    // 60 % of the tubes resulted, 1 in 1,000 of those positive, by one UPDATE the triggers count.
    const resulted = await timed(() =>
      ctx.db.query<{ n: number }>(
        `WITH done AS (
           UPDATE tubes SET result = CASE WHEN substr(barcode, 2)::int % 1000 = 0 THEN 'positive' ELSE 'negative' END,
             resulted_at = $2
           WHERE campaign_id = $1 AND substr(barcode, 2)::int % 10 < 6 RETURNING 1)
         SELECT count(*)::int AS n FROM done`,
        [f.campaignId, new Date(sampledAt.getTime() + 5 * HOUR).toISOString()],
      ),
    );
    await ctx.db.refreshStatistics(['tubes', 'samples', 'campaign_progress']);
    log(`resulted ${thousands(resulted.result[0]!.n)} tubes by one UPDATE in ${seconds(resulted.ms)} s`);
    const actor = await actorOf(ctx, 'admin');
    const check = await verify(ctx, actor, f.campaignId);
    const results: LevelResult[] = [];
    for (const level of await pickNodes(ctx))
      results.push(await measure(ctx, actor, f.campaignId, level, options.progressRounds));

    log(
      `\n${table(
        ['read', 'node', 'persons', 'p50 ms', 'p95 ms', 'bare count p50', 'p95', 'ratio p50', 'p95'],
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
      )}\n(in-process under the county admin's scope; bare: count(*) of the node's persons by persons_jurisdiction, as the owner)`,
    );
    for (const r of results) {
      log(`\nstatements of ${r.label}, ms per read:`);
      log(
        table(
          ['statement', 'ms'],
          r.statements.map((s) => [s.statement, ms(s.msPerRound)]),
        ),
      );
      log('EXPLAIN ANALYZE of its dearest statement, under the scope:');
      for (const line of r.plan.slice(0, 30)) log(`  ${line}`);
    }
    log(`peak RSS ${peakRssMiB()} MiB`);
    const file = saveJson(`campaignProgress-${engine}`, {
      engine,
      persons,
      load,
      fixtureMs: fixture.ms,
      resultUpdateMs: resulted.ms,
      check,
      results,
      peakRssMiB: peakRssMiB(),
    });
    log(`figures saved to ${file}`);
    return readsAgainstBareCount('campaignProgress', engine, persons, results);
  } finally {
    await dispose();
  }
}

export async function campaignProgressBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const engine of options.engines) {
    const persons = engine === 'pglite' ? options.pgliteProgressPersons : options.progressPersons;
    rows.push(...(await progressOn(engine, persons, options)));
  }
  return rows;
}
