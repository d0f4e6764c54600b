import { registerArrival } from '../../src/modules/arrivals/index.js';
import { DEMO_COUNTY, seededRandom } from '../../src/modules/demo/index.js';
import { findLab, ingestResults, type ResultRow } from '../../src/modules/labResults/index.js';
import { createArea } from '../../src/modules/riskAreas/index.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { loadPersons, type PersonsLoad } from '../testingLoad.js';
import { benchAreas, benchArrivals } from './arrivals.js';
import { chinaDivisions } from './chinaDivisions.js';
import { log } from './report.js';
import { actorOf } from './scratch.js';
import { seconds, thousands, timed } from './stats.js';
import { copyTestingFixture } from './testingData.js';

/**
 * A county in the middle of an outbreak's working day, for the benchmarks that read or load the
 * whole app (dashboard, load): the demo county's residents (loadDemo: divisions, grids, households,
 * one account per role, the demo's own arrivals and campaign); arrivals of the last ten days for
 * one resident in 200 through `registerArrival` (plans, deadlines and controls as the app makes
 * them; origins per the plans benchmark's mix); a county-wide campaign sampling 80 % of the
 * residents in pools of 10 (COPYed), of whose tubes 60 % are resulted through `ingestResults` as a
 * lab posts them (1 in 1,000 positive: controls and re-sampling deadlines for their pools); the
 * other 40 % wait at the lab, for a benchmark to post.
 */
export interface CountyDay {
  load: PersonsLoad;
  arrivals: number;
  campaignId: string;
  labId: string;
  tubes: number;
  samples: number;
  resultedTubes: number;
  /** Barcodes of received tubes still without a result, in order. */
  pendingBarcodes: string[];
  setupMs: number;
}

const HOUR = 3_600_000;
const ARRIVAL_BATCH = 500;
const RESULT_CHUNK = 10_000;
/** One resident in this many arrived in the last ten days. */
const ARRIVAL_EVERY = 200;
const POSITIVE_EVERY = 1_000;

async function addArrivals(ctx: AppContext, persons: number): Promise<number> {
  const admin = await actorOf(ctx, 'admin');
  const random = seededRandom(20221110);
  const divisions = chinaDivisions();
  const areas = benchAreas(random, divisions, ctx.now());
  await withScope(ctx.db, admin, async (tx) => {
    for (const area of areas) await createArea(ctx, tx, admin, area.input);
  });
  // Every ARRIVAL_EVERY-th resident by id (ids are random, so spread over every grid).
  const residents = await ctx.db.query<{ id: string; jurisdictionCode: string }>(
    `SELECT id, jurisdiction_code AS "jurisdictionCode" FROM (
       SELECT id, jurisdiction_code, row_number() OVER (ORDER BY id) AS n FROM persons WHERE jurisdiction_code ^@ $1
     ) r WHERE n % $2 = 0`,
    [DEMO_COUNTY, ARRIVAL_EVERY],
  );
  const inputs = benchArrivals(
    random,
    divisions,
    areas,
    residents.slice(0, Math.ceil(persons / ARRIVAL_EVERY)),
    {
      now: ctx.now(),
      chifeng: '150402',
      tag: 'day',
    },
  );
  for (let i = 0; i < inputs.length; i += ARRIVAL_BATCH) {
    await withScope(ctx.db, admin, async (tx) => {
      for (const input of inputs.slice(i, i + ARRIVAL_BATCH)) await registerArrival(ctx, tx, admin, input);
    });
  }
  return inputs.length;
}

export async function loadCountyDay(ctx: AppContext, persons: number): Promise<CountyDay> {
  const start = performance.now();
  const load = await loadPersons(ctx, persons);
  const arrivals = await timed(() => addArrivals(ctx, persons));
  log(
    `arrivals: ${thousands(arrivals.result)} registered through registerArrival in ${seconds(arrivals.ms)} s`,
  );
  const sampledAt = new Date(ctx.now().getTime() - 8 * HOUR);
  const fixture = await timed(() =>
    copyTestingFixture(ctx.db, DEMO_COUNTY, {
      share: 0.8,
      poolSize: 10,
      sampledAt,
      received: true,
      prefix: 'D',
    }),
  );
  const f = fixture.result;
  log(
    `campaign: ${thousands(f.samples)} samples in ${thousands(f.tubes)} tubes COPYed in ${seconds(fixture.ms)} s`,
  );
  const lab = await actorOf(ctx, 'lab');
  const labRef = await withScope(ctx.db, lab, (tx) => findLab(tx, lab, f.labId));
  const resultedTubes = Math.floor(f.tubes * 0.6);
  const testedAt = new Date(sampledAt.getTime() + 5 * HOUR);
  const results = await timed(async () => {
    for (let i = 0; i < resultedTubes; i += RESULT_CHUNK) {
      const rows: ResultRow[] = f.barcodes
        .slice(i, Math.min(i + RESULT_CHUNK, resultedTubes))
        .map((barcode, k) => {
          const positive = (i + k) % POSITIVE_EVERY === 0;
          return {
            line: i + k + 2,
            barcode,
            result: positive ? 'positive' : 'negative',
            testedAt,
            ctOrf1ab: positive ? 28.5 : null,
            ctN: positive ? 30.1 : null,
            reference: null,
          };
        });
      await withScope(ctx.db, lab, (tx) =>
        ingestResults(tx, ctx, lab, labRef, rows, { kind: 'file', fileName: 'county-day.csv' }),
      );
    }
  });
  log(
    `results: ${thousands(resultedTubes)} tubes resulted through ingestResults in ${seconds(results.ms)} s`,
  );
  await ctx.db.exec('ANALYZE');
  return {
    load,
    arrivals: arrivals.result,
    campaignId: f.campaignId,
    labId: f.labId,
    tubes: f.tubes,
    samples: f.samples,
    resultedTubes,
    pendingBarcodes: f.barcodes.slice(resultedTubes),
    setupMs: performance.now() - start,
  };
}

/** What the county holds, for the record: the proportions the figures were measured over. */
export async function countyCensus(ctx: AppContext): Promise<Record<string, number>> {
  const [row] = await ctx.db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM arrivals)::int AS arrivals,
       (SELECT count(*) FROM person_controls)::int AS controls, (SELECT count(*) FROM tubes)::int AS tubes,
       (SELECT count(*) FROM samples)::int AS samples,
       (SELECT count(*) FROM deadlines WHERE done_at IS NULL AND cancelled_at IS NULL)::int AS "openDeadlines",
       (SELECT count(*) FROM deadlines WHERE done_at IS NULL AND cancelled_at IS NULL AND due_at < now())::int AS "overdueDeadlines",
       (SELECT count(*) FROM deadlines)::int AS deadlines`,
  );
  return row!;
}
