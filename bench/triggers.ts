import { evaluateRules, triggerStatement } from '../src/modules/alerts/index.js';
import { importDivisions } from '../src/modules/jurisdictions/index.js';
import type { AppContext } from '../src/platform/context.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { SIGNAL_MEASURES } from '../src/platform/signals/feeds.js';
import type { SignalMeasure } from '../src/platform/signals/types.js';
import type { TriggerRule } from '../src/rules/policy/outbreakTypes.js';
import { localDate } from '../src/rules/time.js';
import { firstDayRead } from '../src/rules/triggers.js';
import type { BenchOptions } from './lib/options.js';
import { log } from './lib/report.js';
import { freshContext, peakRssMiB } from './lib/scratch.js';
import {
  ms,
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
 * Multi-point trigger evaluation (MON-4; issue 14 item 8) over 30 days of a city's feeds: Panjin
 * (2111, four districts and counties) with `BENCH_TRIGGER_SALES` four-class drug sales (default
 * 5,000,000; 200,000 with BENCH_QUICK) and `BENCH_TRIGGER_VISITS` fever-clinic visits (default
 * 500,000; 20,000 quick) spread over its towns, one town's sales doubled today. The rows are
 * generated inside the database (INSERT … SELECT generate_series, 500,000 a statement) as the owner:
 * the benchmark is the evaluation, not the ingest (bench/drugSalesIngest.ts measures that).
 *
 * Measured, p50/p95 over rounds: each rule's one trigger statement (window, baseline and threshold
 * for every town of the city) against the bare aggregate in the same run — the feed's own daily
 * series (its `dailySql`) over the same days, i.e. what any evaluation has to read; and the whole
 * evaluation as the server runs it (`evaluateRules`: every rule, yesterday's and today's windows,
 * raising and refreshing alerts) against the sum of the bare aggregates.
 */
const CITY = '2111';
const ZONE = 'Asia/Shanghai';
const CHUNK = 500_000;
const source = { document: '003', section: '§3.2' };

/** The Panshan pack's two town rules over these feeds, and a 3-day daily-mean variant. */
const RULES: TriggerRule[] = [
  {
    id: 'four-class-sales-town',
    title: { zh: '乡镇四类药品销售异常升高', en: 'Four-class drug sales up in a town' },
    feed: 'drug_sales',
    measure: 'sales',
    level: 'town',
    windowDays: 1,
    baseline: { kind: 'same_weekday_mean', weeks: 4 },
    threshold: { kind: 'ratio_to_baseline', ratio: 2, minCount: 20 },
    source,
  },
  {
    id: 'fever-visits-town',
    title: { zh: '乡镇发热门诊就诊异常升高', en: 'Fever-clinic visits up in a town' },
    feed: 'fever_visits',
    measure: 'visits',
    level: 'town',
    windowDays: 1,
    baseline: { kind: 'same_weekday_mean', weeks: 4 },
    threshold: { kind: 'ratio_to_baseline', ratio: 1.5, minCount: 10 },
    source,
  },
  {
    id: 'four-class-sales-3-days',
    title: { zh: '乡镇三日四类药品销售升高', en: 'Four-class drug sales up over 3 days' },
    feed: 'drug_sales',
    measure: 'sales',
    level: 'town',
    windowDays: 3,
    baseline: { kind: 'daily_mean', days: 21 },
    threshold: { kind: 'ratio_to_baseline', ratio: 1.5, minCount: 50 },
    source,
  },
];

function size(name: string, quick: boolean, full: number, short: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw.replaceAll('_', '')) : quick ? short : full;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const measureOf = (rule: TriggerRule): SignalMeasure => {
  const measure = SIGNAL_MEASURES.find((m) => m.feed === rule.feed && m.measure === rule.measure);
  if (!measure) throw new Error(`no feed offers ${rule.feed}/${rule.measure}`);
  return measure;
};

/** One outlet and one fever clinic per town of the city; the rows, generated in chunks. */
async function load(ctx: AppContext, sales: number, visits: number, now: Date): Promise<number> {
  await importDivisions(ctx.db, CITY);
  const [towns] = await ctx.db.query<{ n: number }>(
    `WITH t AS (SELECT code, name FROM jurisdictions WHERE level = 'town' AND code ^@ $1),
       o AS (INSERT INTO drug_outlets (jurisdiction_code, name, kind) SELECT code, name || '药房', 'pharmacy' FROM t),
       s AS (INSERT INTO sentinel_sites (jurisdiction_code, kind, name) SELECT code, 'fever_clinic', name || '发热门诊' FROM t)
     SELECT count(*)::int AS n FROM t`,
    [CITY],
  );
  const salesSql = `WITH o AS (SELECT array_agg(id ORDER BY jurisdiction_code) AS ids,
        array_agg(jurisdiction_code ORDER BY jurisdiction_code) AS codes FROM drug_outlets)
    INSERT INTO drug_sales (jurisdiction_code, outlet_id, sale_key, sold_at, sale_day, classes, id_cipher, id_hash,
      id_masked, source, recorded_by, recorded_at)
    SELECT o.codes[k], o.ids[k], 'b' || g, t, (t AT TIME ZONE $4)::date, ARRAY['antipyretic'], '\\x00'::bytea,
      '\\x00'::bytea, '211122********0000', 'api', '00000000-0000-0000-0000-000000000000', t
    FROM o, generate_series($1::int, $2::int) AS g,
      LATERAL (SELECT 1 + g % cardinality(o.ids) AS k,
        $3::timestamptz - ((g::bigint * 7919) % (30 * 86400)) * interval '1 second' AS t) AS x`;
  const visitsSql = `WITH s AS (SELECT array_agg(id ORDER BY jurisdiction_code) AS ids,
        array_agg(jurisdiction_code ORDER BY jurisdiction_code) AS codes FROM sentinel_sites)
    INSERT INTO sentinel_fever_visits (jurisdiction_code, site_id, visit_no, visited_at, temperature, nat_sampled,
      disposition, reported_at)
    SELECT s.codes[k], s.ids[k], 'v' || g, t, 38.2, false, 'home', t
    FROM s, generate_series($1::int, $2::int) AS g,
      LATERAL (SELECT 1 + g % cardinality(s.ids) AS k,
        $3::timestamptz - ((g::bigint * 7919) % (30 * 86400)) * interval '1 second' AS t) AS x`;
  for (let from = 1; from <= sales; from += CHUNK)
    await ctx.db.query(salesSql, [from, Math.min(sales, from + CHUNK - 1), now, ZONE]);
  for (let from = 1; from <= visits; from += CHUNK)
    await ctx.db.query(visitsSql, [from, Math.min(visits, from + CHUNK - 1), now]);
  // The rise: the first town's outlet sells as much again as a town's whole day, over today's hours.
  const perTownDay = Math.ceil(sales / 30 / (towns?.n ?? 1));
  await ctx.db.query(
    `INSERT INTO drug_sales (jurisdiction_code, outlet_id, sale_key, sold_at, sale_day, classes, id_cipher, id_hash,
       id_masked, source, recorded_by, recorded_at)
     SELECT o.jurisdiction_code, o.id, 'rise' || g, t, (t AT TIME ZONE $3)::date, ARRAY['antiviral'], '\\x00'::bytea,
       '\\x00'::bytea, '211122********0000', 'api', '00000000-0000-0000-0000-000000000000', t
     FROM (SELECT id, jurisdiction_code FROM drug_outlets ORDER BY jurisdiction_code LIMIT 1) o,
       generate_series(1, $1::int) AS g,
       LATERAL (SELECT $2::timestamptz - (g % 3600) * interval '1 second' AS t) AS x`,
    [perTownDay * 2, now, ZONE],
  );
  await ctx.db.exec('ANALYZE drug_sales; ANALYZE sentinel_fever_visits');
  return towns?.n ?? 0;
}

/** Timed rounds after one warm-up (BENCH_TRIGGER_ROUNDS, default 3: a full-size PGlite round of the whole evaluation takes minutes). */
const ROUNDS = Number(process.env.BENCH_TRIGGER_ROUNDS ?? 3);

async function rounds(fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await fn();
    samples.push(since(start));
  }
  return samples;
}

async function benchOn(engine: DatabaseKind, options: BenchOptions): Promise<SummaryRow[]> {
  const sales = size('BENCH_TRIGGER_SALES', options.quick, 5_000_000, 200_000);
  const visits = size('BENCH_TRIGGER_VISITS', options.quick, 500_000, 20_000);
  log(
    `\n## triggers on ${engine}: ${thousands(sales)} drug sales, ${thousands(visits)} fever visits, 30 days`,
  );
  const { ctx, dispose } = await freshContext(engine, options.databaseUrl, 'triggers');
  try {
    const now = ctx.now();
    const loaded = await timed(() => load(ctx, sales, visits, now));
    log(`  loaded ${loaded.result} towns' rows in ${seconds(loaded.ms)} s`);
    const today = localDate(now, ZONE);
    const rows: string[][] = [];
    const summary: SummaryRow[] = [];
    let bareTotal = 0;
    for (const rule of RULES) {
      const measure = measureOf(rule);
      const bareParams = [firstDayRead(rule, today), today, 9, ZONE, CITY];
      const bare = percentiles(await rounds(() => ctx.db.query(measure.dailySql, bareParams)));
      const statement = triggerStatement(rule, measure, today, ZONE, CITY, false);
      const readings = await ctx.db.query<{ fires: boolean }>(statement.sql, statement.params);
      const trigger = percentiles(await rounds(() => ctx.db.query(statement.sql, statement.params)));
      bareTotal += bare.p50;
      const firing = readings.filter((r) => r.fires).length;
      rows.push([
        rule.id,
        `${readings.length} (${firing} firing)`,
        ms(trigger.p50),
        ms(trigger.p95),
        ms(bare.p50),
        ratio(trigger.p50, bare.p50),
      ]);
      summary.push({
        bench: 'triggers',
        engine,
        measure: `${rule.id}: one statement, every town, p50`,
        value: `${ms(trigger.p50)} ms`,
        baseline: `${ms(bare.p50)} ms bare daily series`,
        ratio: ratio(trigger.p50, bare.p50),
      });
    }
    const inForce = RULES.map((rule) => ({ rule, packId: null, packVersion: null }));
    const evaluate = () => ctx.db.transaction((tx) => evaluateRules(ctx, tx, undefined, CITY, inForce));
    const first = await timed(evaluate);
    const whole = percentiles(await rounds(evaluate));
    rows.push([
      'whole evaluation (3 rules × yesterday and today)',
      `${first.result.raised} raised, then none again`,
      ms(whole.p50),
      ms(whole.p95),
      ms(bareTotal),
      ratio(whole.p50, bareTotal),
    ]);
    log(
      table(['rule', 'towns read', 'p50 ms', 'p95 ms', 'bare series p50 ms', 'ratio'], rows) +
        `\n  first evaluation (raising): ${ms(first.ms)} ms; peak RSS ${peakRssMiB()} MiB`,
    );
    summary.push({
      bench: 'triggers',
      engine,
      measure: 'whole evaluation of 3 rules over the city, p50',
      value: `${ms(whole.p50)} ms`,
      baseline: `${ms(bareTotal)} ms bare series of the rules`,
      ratio: ratio(whole.p50, bareTotal),
    });
    return summary;
  } finally {
    await dispose();
  }
}

export async function triggersBench(options: BenchOptions): Promise<SummaryRow[]> {
  const out: SummaryRow[] = [];
  for (const engine of options.engines) out.push(...(await benchOn(engine, options)));
  return out;
}
