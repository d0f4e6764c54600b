import { registerArrival } from '../src/modules/arrivals/index.js';
import { demoPeople, seededRandom } from '../src/modules/demo/index.js';
import { insertSealedPersons, sealPerson } from '../src/modules/persons/index.js';
import { createArea } from '../src/modules/riskAreas/index.js';
import type { Actor } from '../src/platform/access/actor.js';
import { withScope } from '../src/platform/access/scope.js';
import type { AppContext } from '../src/platform/context.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { benchAreas, benchArrivals } from './lib/arrivals.js';
import { chinaDivisions } from './lib/chinaDivisions.js';
import { copyIntoPlainTable } from './lib/copyBaseline.js';
import { benchCounties, COUNTIES, villagesOf } from './lib/county.js';
import type { BenchOptions } from './lib/options.js';
import { QueryProfile } from './lib/queryProfile.js';
import { log, saveJson } from './lib/report.js';
import { freshContext, peakRssMiB } from './lib/scratch.js';
import { ratio, type SummaryRow, seconds, table, thousands, timed } from './lib/stats.js';

/**
 * Plans for many arrivals through the real path: registerArrival (origin classified as it stood
 * when the person left, ARR-7; plan from the pack governing the destination; plan stored; its tests
 * and phase ends opened as deadlines in one openDeadlines statement; audit entry), `planBatch`
 * arrivals per withScope transaction, for residents already registered (referenced by personId).
 * Then a tenth as many arrivals whose persons registerArrival registers itself (name + ID number).
 * Baseline: the rows it wrote, read back and COPYed into plain tables of the same shape.
 */

const CHIFENG = COUNTIES[1];
const PERSON_BATCH = 5_000;

/** Residents of the two counties' villages, half each, inserted in bulk (not timed). */
function residents(count: number, seed: number, villages: string[][]) {
  const made = villages.flatMap((places, i) => [
    ...demoPeople(
      seededRandom(seed + i),
      places.map((code) => ({ code, name: '' })),
      Math.ceil(count / villages.length),
      COUNTIES[i]!.code,
    ),
  ]);
  return made.slice(0, count);
}

async function run(
  ctx: AppContext,
  actor: Actor,
  inputs: ReturnType<typeof benchArrivals>,
  batch: number,
  profile: QueryProfile,
) {
  const db = profile.wrapDb(ctx.db);
  const batchMs: number[] = [];
  const total = await timed(async () => {
    for (let i = 0; i < inputs.length; i += batch) {
      const start = performance.now();
      await withScope(db, actor, async (tx) => {
        for (const input of inputs.slice(i, i + batch)) await registerArrival(ctx, tx, actor, input);
      });
      batchMs.push(performance.now() - start);
    }
  });
  return { ...total, batchMs };
}

interface Counts {
  arrivals: number;
  plans: number;
  deadlines: number;
  audit: number;
  persons: number;
  planBytes: number;
}

async function counts(ctx: AppContext): Promise<Counts> {
  const [row] = await ctx.db.query<Counts>(
    `SELECT (SELECT count(*) FROM arrivals)::int AS arrivals, (SELECT count(*) FROM arrival_plans)::int AS plans,
       (SELECT count(*) FROM deadlines)::int AS deadlines, (SELECT count(*) FROM audit_log)::int AS audit,
       (SELECT count(*) FROM persons)::int AS persons,
       (SELECT avg(pg_column_size(plan))::int FROM arrival_plans) AS "planBytes"`,
  );
  return row!;
}

/** Arrivals/s over the first and the last tenth of the batches: does it slow down as tables grow? */
function trend(batchMs: readonly number[], batch: number): string {
  const tenth = Math.max(1, Math.floor(batchMs.length / 10));
  const rate = (part: readonly number[]) =>
    thousands((part.length * batch * 1000) / part.reduce((a, b) => a + b, 0));
  return `${rate(batchMs.slice(0, tenth))}/s in the first tenth of the batches, ${rate(batchMs.slice(-tenth))}/s in the last`;
}

async function plansOn(engine: DatabaseKind, options: BenchOptions): Promise<SummaryRow[]> {
  const n = options.planArrivals;
  log(`\n## plans on ${engine}: ${thousands(n)} arrivals, ${options.planBatch} per transaction`);
  const scratch = await freshContext(engine, options.databaseUrl, 'plans');
  const { ctx } = scratch;
  try {
    const actor = await benchCounties(ctx, COUNTIES);
    const divisions = chinaDivisions();
    const random = seededRandom(20210108);
    const areas = benchAreas(random, divisions, ctx.now());
    await withScope(ctx.db, actor, async (tx) => {
      for (const area of areas) await createArea(ctx, tx, actor, area.input);
    });
    const villages = await Promise.all(
      COUNTIES.map(async (c) => (await villagesOf(ctx, c.code)).map((v) => v.code)),
    );
    const people = residents(n, 1, villages);
    const load = await timed(async () => {
      for (let i = 0; i < people.length; i += PERSON_BATCH) {
        const sealed = people.slice(i, i + PERSON_BATCH).map((p) => sealPerson(ctx.cipher, p));
        await ctx.db.transaction((tx) => insertSealedPersons(tx, sealed));
      }
      await ctx.db.refreshStatistics(['persons']);
    });
    const stored = await ctx.db.query<{ id: string; jurisdictionCode: string }>(
      'SELECT id, jurisdiction_code AS "jurisdictionCode" FROM persons ORDER BY id_hash',
    );
    log(
      `${thousands(stored.length)} residents inserted with insertSealedPersons in ${seconds(load.ms)} s (not timed)`,
    );
    const inputs = benchArrivals(random, divisions, areas, stored, {
      now: ctx.now(),
      chifeng: CHIFENG.code,
      tag: 'a',
    });

    const profile = new QueryProfile();
    const main = await run(ctx, actor, inputs, options.planBatch, profile);
    const after = await counts(ctx);
    log(
      `registered ${thousands(n)} arrivals in ${seconds(main.ms)} s: ${trend(main.batchMs, options.planBatch)}`,
    );
    const protocols = await ctx.db.query<{ county: string; protocol: string; n: number }>(
      `SELECT left(a.jurisdiction_code, 6) AS county, coalesce(p.protocol_id, '(' || a.status || ')') AS protocol,
         count(*)::int AS n FROM arrivals a LEFT JOIN arrival_plans p ON p.arrival_id = a.id
       GROUP BY 1, 2 ORDER BY 1, 3 DESC`,
    );
    log(
      `\n${table(
        ['county', 'protocol', 'arrivals'],
        protocols.map((p) => [p.county, p.protocol, thousands(p.n)]),
      )}`,
    );
    log(`\nwhere the time went (${thousands(n)} arrivals):\n${profile.report(main.ms, n, 'arrival')}`);

    const copies: Record<string, Awaited<ReturnType<typeof copyIntoPlainTable>>> = {};
    for (const t of ['arrivals', 'arrival_plans', 'deadlines', 'audit_log'])
      copies[t] = await copyIntoPlainTable(ctx.db, t);
    log(
      `\nbaseline, raw COPY into plain tables: ${Object.entries(copies)
        .map(([t, c]) => `${t} ${thousands(c.rows)} rows ${c.mib.toFixed(0)} MiB ${seconds(c.ms)} s`)
        .join('; ')}`,
    );
    const copyPlans = copies.arrivals!.ms + copies.arrival_plans!.ms;
    const copyAll = Object.values(copies).reduce((sum, c) => sum + c.ms, 0);

    // A tenth as many arrivals of people not yet registered: registerArrival seals and inserts them.
    const m = Math.max(1, Math.round(n / 10));
    const newcomers = residents(m, 7, villages);
    const places = newcomers.map((p) => ({ id: '', jurisdictionCode: p.jurisdictionCode }));
    const byName = benchArrivals(random, divisions, areas, places, {
      now: ctx.now(),
      chifeng: CHIFENG.code,
      tag: 'b',
    }).map((input, i) => {
      const { name, idNumber, phone } = newcomers[i]!;
      return { ...input, person: { name, idNumber, phone } };
    });
    const profileB = new QueryProfile();
    const second = await run(ctx, actor, byName, options.planBatch, profileB);
    const final = await counts(ctx);
    log(
      `\n${thousands(m)} arrivals registering their persons by name + ID number: ${seconds(second.ms)} s, ${thousands(final.persons - after.persons)} persons created\n${profileB.report(second.ms, m, 'arrival')}`,
    );

    const rate = (count: number, ms: number) => thousands((count * 1000) / ms);
    const measures = [
      { label: `${thousands(n)} arrivals, persons by id`, count: n, ...main },
      { label: `${thousands(m)} arrivals, persons by name + ID number`, count: m, ...second },
    ];
    log(
      `\n${table(
        [
          'run',
          'seconds',
          'arrivals/s',
          'ratio to COPY arrivals + plans',
          'ratio to COPY of all rows written',
          'CPU s (this process)',
        ],
        measures.map((r) => [
          r.label,
          seconds(r.ms),
          rate(r.count, r.ms),
          ratio(r.ms, (copyPlans * r.count) / n),
          ratio(r.ms, (copyAll * r.count) / n),
          seconds(r.cpuMs),
        ]),
      )}\n(${thousands(after.plans)} plans, ${thousands(after.deadlines)} deadlines, ${thousands(after.audit)} audit entries after the first run; plan JSON ${after.planBytes} bytes on average; COPY of arrivals + plans ${seconds(copyPlans)} s, of all four tables ${seconds(copyAll)} s; peak RSS ${peakRssMiB()} MiB)`,
    );
    const saved = saveJson(`plans-${engine}`, {
      engine,
      arrivals: n,
      batch: options.planBatch,
      main: { ms: main.ms, cpuMs: main.cpuMs, batchMs: main.batchMs, profile: profile.entries() },
      byName: { arrivals: m, ms: second.ms, cpuMs: second.cpuMs, profile: profileB.entries() },
      after,
      final,
      protocols,
      copies,
    });
    log(`figures saved to ${saved}`);
    return measures.map(
      (r): SummaryRow => ({
        bench: 'plans',
        engine,
        measure: r.label,
        value: `${seconds(r.ms)} s (${rate(r.count, r.ms)}/s)`,
        baseline: `${seconds((copyPlans * r.count) / n)} s COPY arrivals + plans`,
        ratio: ratio(r.ms, (copyPlans * r.count) / n),
      }),
    );
  } finally {
    await scratch.dispose();
  }
}

export async function plansBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const engine of options.engines) rows.push(...(await plansOn(engine, options)));
  return rows;
}
