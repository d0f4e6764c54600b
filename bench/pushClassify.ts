import { randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/modules/demo/index.js';
import {
  classifyPushRows,
  classifyStaged,
  copyStagedRows,
  type LevelCounts,
} from '../src/modules/pushLists/index.js';
import { classifySourceSql } from '../src/modules/riskAreas/index.js';
import { withScope } from '../src/platform/access/scope.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { chinaDivisions } from './lib/chinaDivisions.js';
import { benchCounties, villagesOf } from './lib/county.js';
import type { BenchOptions } from './lib/options.js';
import { type PushListRow, pushListRows, writePushCsv } from './lib/pushList.js';
import { BARE_JOIN_SQL, checkSample, planShape } from './lib/pushQueries.js';
import { log, saveJson } from './lib/report.js';
import { type HistoryRecord, loadHistory, riskHistory, yearOverrides } from './lib/riskHistory.js';
import { freshContext, peakRssMiB, tempDir } from './lib/scratch.js';
import { ratio, type SummaryRow, seconds, table, thousands, timed } from './lib/stats.js';

/**
 * Classifying a big-data push list against a year of risk-area history (ARR-7, ARR-9), the
 * classify mode of src/modules/pushLists: rows COPYed into push_staging (copyStagedRows, in the
 * import's batches of 20,000), then classifyStaged in one set-based query under the importer's
 * scope. Baselines in the same database: a raw COPY of the same rows into a plain table, and one
 * bare join of the staged rows against the areas at their own code. Last, the whole upload path
 * (classifyPushRows of the .csv: parse, check, stage, classify) on the same rows.
 */

const COUNTY = '211122';
const BATCH = 20_000;
const SAMPLE = 10_000;
const FROM = new Date('2025-11-24T00:00:00+08:00');

interface Data {
  history: HistoryRecord[];
  rows: PushListRow[];
  csv: Map<number, string>;
}

function generate(options: BenchOptions, destinations: readonly string[]): Data {
  const divisions = chinaDivisions();
  const until = new Date();
  const random = seededRandom(20220425);
  const history = riskHistory(random, divisions, {
    count: options.riskAreas,
    countyCount: Math.max(20, Math.round(options.riskAreas / 50)),
    from: FROM,
    until,
  });
  const count = Math.max(options.pushRows, options.pglitePushRows);
  const rows = pushListRows(random, divisions, history, { count, destinations, from: FROM, until });
  return { history, rows, csv: new Map() };
}

const stagedCsv = (importId: string, rows: readonly PushListRow[]) =>
  rows
    .map(
      (r) =>
        `${importId},${r.line},${r.destinationCode},${r.overseas ? 't' : 'f'},${r.originCode ?? ''},${r.leftOriginAt.toISOString()}\n`,
    )
    .join('');

const LEVELS: ReadonlyArray<keyof LevelCounts> = [
  'total',
  'overseas',
  'high',
  'medium',
  'keyConcern',
  'low',
  'unclassified',
  'districtHigh',
  'districtMedium',
];
const sameLevels = (a: LevelCounts, b: LevelCounts) => LEVELS.every((level) => a[level] === b[level]);

async function classifyOn(engine: DatabaseKind, options: BenchOptions, cache: { data?: Data }) {
  const scratch = await freshContext(engine, options.databaseUrl, 'push');
  const { ctx } = scratch;
  try {
    const actor = await benchCounties(ctx, [{ code: COUNTY }]);
    const destinations = (await villagesOf(ctx, COUNTY)).map((v) => v.code);
    const gen = await timed(async () => (cache.data ??= generate(options, destinations)));
    const data = gen.result;
    const count = engine === 'pglite' ? options.pglitePushRows : options.pushRows;
    const rows = data.rows.slice(0, count);
    log(
      `\n## pushClassify on ${engine}: ${thousands(count)} rows, ${thousands(data.history.length)} area records`,
    );
    if (gen.ms > 1000) log(`generated the history and the list in ${seconds(gen.ms)} s`);

    const history = await timed(() => loadHistory(ctx, data.history, yearOverrides(FROM)));
    log(
      `history loaded through checkArea + applyAreas in ${seconds(history.ms)} s: ${thousands(history.result.created)} created, ${thousands(history.result.superseded)} ended by a re-publication, ${history.result.rejected} refused`,
    );

    const importId = randomUUID();
    const stage = await timed(async () => {
      for (let i = 0; i < rows.length; i += BATCH)
        await copyStagedRows(ctx.db, importId, rows.slice(i, i + BATCH));
    });
    log(`staged (copyStagedRows, ${thousands(BATCH)} a batch): ${seconds(stage.ms)} s`);
    const staged = (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM push_staging')).at(
      0,
    )?.n;
    if (staged !== count) throw new Error(`staged ${staged} rows, expected ${count}`);

    const origins = `(SELECT line::text AS key, origin_code AS code, left_origin_at AS at FROM push_staging
      WHERE import_id = $1 AND NOT overseas AND origin_code IS NOT NULL)`;
    const planBefore = await planShape(ctx.db, classifySourceSql(origins), [importId]);
    const first = await timed(() => withScope(ctx.db, actor, (tx) => classifyStaged(tx, importId)));
    log(
      `classifyStaged, as the import runs it (push_staging not analysed by the application): ${seconds(first.ms)} s`,
    );
    // The import itself refreshes statistics only after classifying (and that is a no-op on a
    // server, left to autovacuum): analyse explicitly to see what fresh statistics change.
    const analyze = await timed(() => ctx.db.exec('ANALYZE push_staging'));
    const planAfter = await planShape(ctx.db, classifySourceSql(origins), [importId]);
    const second = await timed(() => withScope(ctx.db, actor, (tx) => classifyStaged(tx, importId)));
    log(`ANALYZE push_staging ${seconds(analyze.ms)} s; classifyStaged again: ${seconds(second.ms)} s`);
    if (!sameLevels(first.result, second.result)) throw new Error('the two classifications disagree');

    // The same CSV text copyStagedRows builds, built beforehand: the baseline times the COPYs alone.
    const chunks: string[] = [];
    for (let i = 0; i < rows.length; i += BATCH) chunks.push(stagedCsv(importId, rows.slice(i, i + BATCH)));
    await ctx.db.exec('CREATE TABLE bench_plain_staging (LIKE push_staging)');
    const copy = await timed(async () => {
      for (const chunk of chunks) await ctx.db.copyCsv('bench_plain_staging', STAGING_COLUMNS, chunk);
    });
    await ctx.db.exec('DROP TABLE bench_plain_staging');
    const bareShape = await planShape(ctx.db, BARE_JOIN_SQL, [importId]);
    const bare = await timed(() => ctx.db.query<{ level: string; n: number }>(BARE_JOIN_SQL, [importId]));
    log(`baselines: raw COPY into a plain table ${seconds(copy.ms)} s; bare join ${seconds(bare.ms)} s`);

    const sampleLines = Array.from({ length: Math.min(SAMPLE, count) }, (_, i) =>
      Math.floor(2 + (i * count) / Math.min(SAMPLE, count)),
    );
    const sample = await checkSample(ctx.db, importId, sampleLines);
    log(
      `sample of ${thousands(sample.rows)} domestic rows: per-row functions ${sample.perRowUs.toFixed(0)} µs a row, set-based ${sample.bulkUs.toFixed(1)} µs; ${sample.mismatches} disagreements ${JSON.stringify(sample.examples)}`,
    );

    const file = data.csv.get(count) ?? join(tempDir('push'), `大数据推送-${count}.csv`);
    if (!data.csv.has(count)) {
      await writePushCsv(file, rows);
      data.csv.set(count, file);
    }
    const upload = await timed(() =>
      classifyPushRows(ctx, actor, createReadStream(file), 'csv', { fileName: '大数据推送.csv' }),
    );
    const report = upload.result;
    log(
      `whole upload path (classifyPushRows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB .csv): ${seconds(upload.ms)} s, ${report.total} read, ${report.rejected} rejected`,
    );
    if (report.rejected > 0) log(`  ! first errors: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const uploadLevels = report.levels;
    if (!uploadLevels || !sameLevels(uploadLevels, second.result))
      log(`  ! the upload path counted differently: ${JSON.stringify(uploadLevels)}`);

    const levels = second.result;
    const perSecond = (ms: number) => thousands((count / ms) * 1000);
    const both = { base: copy.ms + bare.ms, baseLabel: 'COPY + bare join' };
    const measures = [
      { label: 'stage: copyStagedRows', ...stage, base: copy.ms, baseLabel: 'raw COPY' },
      { label: 'classify: classifyStaged (as imported)', ...first, base: bare.ms, baseLabel: 'bare join' },
      { label: 'classify: classifyStaged after ANALYZE', ...second, base: bare.ms, baseLabel: 'bare join' },
      { label: 'stage + classify', ms: stage.ms + first.ms, cpuMs: stage.cpuMs + first.cpuMs, ...both },
      { label: 'whole upload: classifyPushRows (.csv)', ...upload, ...both },
    ];
    log(
      `\n${table(
        ['run', 'seconds', 'rows/s', 'baseline', 'baseline s', 'ratio', 'CPU s (this process)'],
        measures.map((m) => [
          m.label,
          seconds(m.ms),
          perSecond(m.ms),
          m.baseLabel,
          seconds(m.base),
          ratio(m.ms, m.base),
          seconds(m.cpuMs),
        ]),
      )}`,
    );
    log(`\n${table(LEVELS as string[], [LEVELS.map((level) => thousands(levels[level]))])}`);
    log(
      `plans — classify before ANALYZE: ${planBefore}\n        after: ${planAfter}\n        bare join: ${bareShape}\n(peak RSS ${peakRssMiB()} MiB)`,
    );
    const saved = saveJson(`pushClassify-${engine}`, {
      engine,
      rows: count,
      areaRecords: data.history.length,
      history: { ms: history.ms, ...history.result },
      stage: { ms: stage.ms, cpuMs: stage.cpuMs },
      classify: { ms: first.ms, cpuMs: first.cpuMs, plan: planBefore },
      analyzeMs: analyze.ms,
      classifyAnalysed: { ms: second.ms, cpuMs: second.cpuMs, plan: planAfter },
      baseline: { copyMs: copy.ms, bareJoinMs: bare.ms, bareJoin: bare.result, plan: bareShape },
      sample,
      upload: {
        ms: upload.ms,
        cpuMs: upload.cpuMs,
        total: report.total,
        rejected: report.rejected,
        levels: uploadLevels,
      },
      levels,
    });
    log(`figures saved to ${saved}`);
    return measures.map(
      (m): SummaryRow => ({
        bench: 'pushClassify',
        engine,
        measure: `${thousands(count)} rows: ${m.label}`,
        value: `${seconds(m.ms)} s (${perSecond(m.ms)}/s)`,
        baseline: `${seconds(m.base)} s ${m.baseLabel}`,
        ratio: ratio(m.ms, m.base),
      }),
    );
  } finally {
    await scratch.dispose();
  }
}

const STAGING_COLUMNS = [
  'import_id',
  'line',
  'jurisdiction_code',
  'overseas',
  'origin_code',
  'left_origin_at',
];

export async function pushClassifyBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  const cache: { data?: Data } = {};
  for (const engine of options.engines) rows.push(...(await classifyOn(engine, options, cache)));
  return rows;
}
