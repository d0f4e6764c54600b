import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { DEMO_COUNTY } from '../src/modules/demo/index.js';
import { effectiveTimeZone } from '../src/modules/jurisdictions/index.js';
import type { ResultRow } from '../src/modules/labResults/index.js';
import {
  findLab,
  type IngestReport,
  ingestResults,
  type LabRef,
  rowsFromFile,
} from '../src/modules/labResults/index.js';
import type { Actor } from '../src/platform/access/actor.js';
import { withScope } from '../src/platform/access/scope.js';
import type { AppContext } from '../src/platform/context.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import type { BenchOptions } from './lib/options.js';
import { QueryProfile } from './lib/queryProfile.js';
import { log, saveJson } from './lib/report.js';
import { actorOf, freshContext, peakRssMiB, tempDir } from './lib/scratch.js';
import { ratio, type SummaryRow, seconds, table, thousands, timed } from './lib/stats.js';
import { copyTestingFixture, type TestingFixture } from './lib/testingData.js';
import { checkIngest, type IngestCheck } from './testingIngestCheck.js';
import { chunked, loadPersons, plainTable, timedCopy } from './testingLoad.js';

/**
 * Lab results for a county-wide campaign (issue 5 item 8): the demo county's persons sampled in
 * pools of 10 (COPYed fixture, every tube received by one lab), then every tube's result posted
 * through `ingestResults` in one transaction under the lab user's scope, as the import runs it
 * (1 in 1,000 tubes positive: controls and re-sampling deadlines for its 10 members, TST-1). A
 * second campaign over the same persons goes through the .csv import path (`rowsFromFile`, then
 * `ingestResults`). Baselines in the same database: a raw COPY of the result rows, and of one row
 * per person (barcode, person id, result), into plain tables.
 */

const HOUR = 3_600_000;
/** Every 1,000th tube is positive: 100 pools of 10 in 1,000,000 people. */
const POSITIVE_EVERY = 1_000;

interface Measure {
  label: string;
  ms: number;
  cpuMs: number;
  report?: Pick<IngestReport, 'rows' | 'applied' | 'unchanged' | 'rejected' | 'positives' | 'controlsOpened'>;
}

const positiveAt = (i: number, offset: number) => i % POSITIVE_EVERY === offset;

function resultRows(fixture: TestingFixture, testedAt: Date, offset: number): ResultRow[] {
  return fixture.barcodes.map((barcode, i) => {
    const positive = positiveAt(i, offset);
    return {
      line: i + 2,
      barcode,
      result: positive ? 'positive' : 'negative',
      testedAt,
      ctOrf1ab: positive ? 28.5 : null,
      ctN: positive ? 30.1 : null,
      reference: null,
    };
  });
}

/** The lab's result sheet as it would upload it: Chinese headers, local times, UTF-8 with BOM. */
function writeResultCsv(file: string, rows: readonly ResultRow[], timeZone: string) {
  const local = (at: Date) => format(new TZDate(at, timeZone), 'yyyy-MM-dd HH:mm:ss');
  const lines = rows.map(
    (r) =>
      `${r.barcode},${r.result === 'positive' ? '阳性' : '阴性'},${local(r.testedAt!)},${r.ctOrf1ab ?? ''},${r.ctN ?? ''}\n`,
  );
  writeFileSync(file, `\uFEFF条码,结果,检测时间,ORF1ab,N基因\n${lines.join('')}`);
}

async function ingest(
  ctx: AppContext,
  actor: Actor,
  lab: LabRef,
  rows: readonly ResultRow[],
  profile?: QueryProfile,
) {
  const db = profile ? profile.wrapDb(ctx.db) : ctx.db;
  return timed(() =>
    withScope(db, actor, (tx) =>
      ingestResults(tx, ctx, actor, lab, rows, { kind: 'file', fileName: 'bench-results.csv' }),
    ),
  );
}

const brief = (r: IngestReport): NonNullable<Measure['report']> => ({
  rows: r.rows,
  applied: r.applied,
  unchanged: r.unchanged,
  rejected: r.rejected,
  positives: r.positives,
  controlsOpened: r.controlsOpened,
});

function logReport(label: string, ms: number, r: IngestReport) {
  log(
    `  ${label}: ${seconds(ms)} s — rows ${thousands(r.rows)}, applied ${thousands(r.applied)}, unchanged ${thousands(r.unchanged)}, ` +
      `rejected ${r.rejected}, positives ${r.positives}, controls opened ${r.controlsOpened}`,
  );
  if (r.rejected > 0) log(`  ! first errors: ${JSON.stringify(r.errors.slice(0, 3))}`);
}

/** The two COPY baselines: the result rows, and one row per person, each into a plain table. */
async function copyBaselines(ctx: AppContext, fixture: TestingFixture, rows: readonly ResultRow[]) {
  const results = chunked(
    rows.map(
      (r) => `${r.barcode},${r.result},${r.testedAt!.toISOString()},${r.ctOrf1ab ?? ''},${r.ctN ?? ''},\n`,
    ),
  );
  const people = chunked(
    fixture.members.flatMap((members, i) =>
      members.map((p) => `${fixture.barcodes[i]},${p},${rows[i]!.result}\n`),
    ),
  );
  await plainTable(
    ctx,
    'bench_plain_results',
    'barcode text, result text, tested_at timestamptz, ct_orf1ab numeric, ct_n numeric, reference text',
  );
  await plainTable(ctx, 'bench_plain_person_results', 'barcode text, person_id uuid, result text');
  const copyResults = await timedCopy(
    ctx,
    'bench_plain_results',
    ['barcode', 'result', 'tested_at', 'ct_orf1ab', 'ct_n', 'reference'],
    results,
  );
  const copyPeople = await timedCopy(
    ctx,
    'bench_plain_person_results',
    ['barcode', 'person_id', 'result'],
    people,
  );
  await ctx.db.exec('DROP TABLE bench_plain_results; DROP TABLE bench_plain_person_results');
  return { results: copyResults, people: copyPeople };
}

async function ingestOn(engine: DatabaseKind, options: BenchOptions): Promise<SummaryRow[]> {
  const persons = options.ingestPersons;
  log(`\n## testingIngest on ${engine}: ${thousands(persons)} persons in pools of 10`);
  const { ctx, dispose } = await freshContext(engine, options.databaseUrl, 'ingest');
  try {
    const load = await loadPersons(ctx, persons);
    const sampledAt = new Date(ctx.now().getTime() - 8 * HOUR);
    const testedAt = new Date(ctx.now().getTime() - HOUR);
    const fixtureA = await timed(() =>
      copyTestingFixture(ctx.db, DEMO_COUNTY, {
        share: 1,
        poolSize: 10,
        sampledAt,
        received: true,
        prefix: 'A',
      }),
    );
    const a = fixtureA.result;
    log(
      `fixture A: ${thousands(a.samples)} samples in ${thousands(a.tubes)} tubes COPYed in ${seconds(fixtureA.ms)} s`,
    );
    const actor = await actorOf(ctx, 'lab');
    const lab = await withScope(ctx.db, actor, (tx) => findLab(tx, actor, a.labId));
    const rowsA = resultRows(a, testedAt, 0);
    const measures: Measure[] = [];

    const profile = new QueryProfile();
    const first = await ingest(ctx, actor, lab, rowsA, profile);
    logReport('ingestResults, first post', first.ms, first.result);
    measures.push({
      label: 'ingestResults: rows in memory, first post',
      ...first,
      report: brief(first.result),
    });
    const again = await ingest(ctx, actor, lab, rowsA);
    logReport('ingestResults, again (all unchanged)', again.ms, again.result);
    measures.push({ label: 'ingestResults: the same rows again', ...again, report: brief(again.result) });
    const checks: IngestCheck[] = [await checkIngest(ctx, a, 'A', 0)];

    const baselines = await copyBaselines(ctx, a, rowsA);
    log(
      `  raw COPY of ${thousands(rowsA.length)} result rows: ${seconds(baselines.results.ms)} s; ` +
        `of ${thousands(a.samples)} person rows: ${seconds(baselines.people.ms)} s`,
    );

    // The .csv import path on a second campaign over the same persons (fresh tubes, same lab).
    const fixtureB = await copyTestingFixture(ctx.db, DEMO_COUNTY, {
      share: 1,
      poolSize: 10,
      sampledAt,
      received: true,
      prefix: 'C',
      labId: a.labId,
    });
    const timeZone = await withScope(ctx.db, actor, (tx) =>
      effectiveTimeZone(tx, lab.jurisdictionCode, ctx.config.defaultTimeZone),
    );
    const file = join(tempDir('results'), '检测结果.csv');
    writeResultCsv(file, resultRows(fixtureB, testedAt, POSITIVE_EVERY / 2), timeZone);
    for (const label of [
      '.csv import path: rowsFromFile + ingestResults',
      '.csv import path, same file again',
    ]) {
      const parse = await timed(() => rowsFromFile(createReadStream(file), 'csv', timeZone, ctx.now()));
      const posted = await timed(() =>
        withScope(ctx.db, actor, (tx) =>
          ingestResults(tx, ctx, actor, lab, parse.result.rows, {
            kind: 'file',
            fileName: '检测结果.csv',
            rejectedBefore: parse.result.errors,
          }),
        ),
      );
      const total = { ms: parse.ms + posted.ms, cpuMs: parse.cpuMs + posted.cpuMs };
      logReport(`${label} (parse ${seconds(parse.ms)} s)`, total.ms, posted.result);
      measures.push({ label, ...total, report: brief(posted.result) });
      measures.push({ label: '  of which reading and checking the file', ms: parse.ms, cpuMs: parse.cpuMs });
    }
    checks.push(await checkIngest(ctx, fixtureB, 'C', POSITIVE_EVERY / 2));

    const tubes = a.tubes;
    const copyMs = baselines.results.ms;
    const peopleMs = baselines.people.ms;
    measures.push({
      label: `baseline: raw COPY of the ${thousands(tubes)} result rows`,
      ...baselines.results,
    });
    measures.push({
      label: `baseline: raw COPY of ${thousands(a.samples)} person rows`,
      ...baselines.people,
    });
    log(
      `\n${table(
        ['run', 'seconds', 'tubes/s', 'people/s', '/ COPY results', '/ COPY person rows', 'CPU s'],
        measures.map((m) => [
          m.label,
          seconds(m.ms),
          thousands((tubes / m.ms) * 1000),
          thousands((a.samples / m.ms) * 1000),
          ratio(m.ms, copyMs),
          ratio(m.ms, peopleMs),
          seconds(m.cpuMs),
        ]),
      )}`,
    );
    log(`\nWhere the first post's time goes (${thousands(tubes)} tubes):`);
    log(profile.report(first.ms, tubes, 'tube'));
    for (const c of checks) log(`check ${c.label}: ${c.ok ? 'ok' : 'FAILED'} ${JSON.stringify(c.found)}`);
    log(`peak RSS ${peakRssMiB()} MiB`);
    const file2 = saveJson(`testingIngest-${engine}`, {
      engine,
      persons,
      load,
      fixtureMs: fixtureA.ms,
      measures,
      profile: profile.entries(),
      checks,
      peakRssMiB: peakRssMiB(),
    });
    log(`figures saved to ${file2}`);
    return measures
      .filter((m) => m.report)
      .map((m) => ({
        bench: 'testingIngest',
        engine,
        measure: `${thousands(tubes)} tubes / ${thousands(a.samples)} people: ${m.label}`,
        value: `${seconds(m.ms)} s`,
        baseline: `${seconds(copyMs)} s COPY results, ${seconds(peopleMs)} s COPY people`,
        ratio: `${ratio(m.ms, copyMs)}, ${ratio(m.ms, peopleMs)}`,
      }));
  } finally {
    await dispose();
  }
}

export async function testingIngestBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const engine of options.engines) rows.push(...(await ingestOn(engine, options)));
  return rows;
}
