import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEMO_COUNTY, seededRandom } from '../src/modules/demo/index.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import type { Role } from '../src/rules/roles.js';
import { type CountyDay, countyCensus, loadCountyDay } from './lib/countyDay.js';
import { serveApp } from './lib/http.js';
import { createUsers, homes, type LoadUser, signInAll, USERS } from './lib/loadUsers.js';
import {
  bareServer,
  errorKinds,
  figuresByRoute,
  type OpenLoopRun,
  type PlannedRequest,
  runOpenLoop,
} from './lib/openLoop.js';
import type { BenchOptions } from './lib/options.js';
import { QueryProfile, switchable } from './lib/queryProfile.js';
import { log, saveJson } from './lib/report.js';
import { freshContext, peakRssMiB } from './lib/scratch.js';
import { ms, ratio, type SummaryRow, seconds, table, thousands } from './lib/stats.js';

/**
 * A county's working day on the real app (issue 13 item 8): `buildApp` + `listen` on 127.0.0.1
 * over a county (bench/lib/countyDay.ts), 200 signed-in users of mixed roles each opening their
 * home, lists, person pages, and posting sampling registrations and lab results, at a fixed rate
 * (open loop: each request leaves at its planned time whatever the earlier ones are doing, from a
 * worker thread, at most MAX_IN_FLIGHT waiting). Per route and overall: count, errors (any non-2xx,
 * network error or shed request), p50/p95/p99; against a bare node:http server answering each route
 * with the app's own first answer, at the same rate from the same client in the same run.
 */

const MAX_IN_FLIGHT = 200;
const TIMEOUT_MS = 30_000;
const WARM_UP_SECONDS = 10;
/** The baseline runs at the same rate for at most this long. */
const BARE_SECONDS = 60;
const POOL = 10;
const TUBES_PER_POST = 10;

type Action = 'home' | 'persons' | 'arrivals' | 'deadlines' | 'person' | 'sample' | 'results';

/** What each role does, by weight: its home most, the work it alone does (sampling, results). */
const ACTIONS: Partial<Record<Role, Partial<Record<Action, number>>>> = {
  commander: { home: 3, persons: 1, arrivals: 2, deadlines: 2, person: 2 },
  working_group: { home: 3, persons: 1, arrivals: 2, deadlines: 2, person: 2 },
  cdc_epidemiologist: { home: 3, persons: 1, arrivals: 2, deadlines: 2, person: 2 },
  lab: { home: 3, results: 3 },
  isolation_manager: { home: 3, arrivals: 2, deadlines: 1, person: 3 },
  community_worker: { home: 2, persons: 2, person: 2, arrivals: 1, deadlines: 1, sample: 4 },
};

interface Planner {
  /** The next `seconds` of requests, timed from 0. */
  plan(seconds: number): PlannedRequest[];
}

function planner(
  users: LoadUser[],
  day: CountyDay,
  home: Record<'dashboard' | 'work' | 'lab', string>,
  campaignId: string,
  rate: number,
): Planner {
  const random = seededRandom(20221111);
  let barcode = 0;
  const pick = <T>(items: readonly T[]) => random.pick(items);
  const weighted = (role: Role): Action => {
    const entries = Object.entries(ACTIONS[role]!) as [Action, number][];
    let roll = random.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [action, weight] of entries) {
      roll -= weight;
      if (roll < 0) return action;
    }
    return entries[0]![0];
  };
  const request = (u: LoadUser, action: Action): Omit<PlannedRequest, 'at' | 'cookie' | 'address'> => {
    switch (action) {
      case 'home': {
        const path =
          u.role === 'commander' || u.role === 'working_group'
            ? home.dashboard
            : u.role === 'lab'
              ? home.lab
              : home.work;
        const route =
          path === home.lab
            ? 'home: lab board'
            : path === '/api/deadlines'
              ? 'home: deadlines'
              : `home: ${path.slice(5)}`;
        return { route, method: 'GET', path };
      }
      case 'persons': {
        const page = random.int(1, 5);
        return { route: 'persons list', method: 'GET', path: `/api/persons?page=${page}` };
      }
      case 'arrivals':
        return { route: 'arrivals list', method: 'GET', path: `/api/arrivals?page=${random.int(1, 3)}` };
      case 'deadlines':
        return { route: 'deadlines list', method: 'GET', path: `/api/deadlines?page=${random.int(1, 3)}` };
      case 'person':
        return { route: 'person page', method: 'GET', path: `/api/persons/${pick(u.people)}` };
      case 'sample': {
        // Each person is sampled once in a campaign: a worker who has sampled everyone drawn opens a person page.
        if (u.sampled >= u.toSample.length) return request(u, 'person');
        const k = u.sampled++;
        const personId = u.toSample[k]!;
        const tube = `L${String(u.index).padStart(3, '0')}-${String(Math.floor(k / POOL)).padStart(5, '0')}`;
        return {
          route: 'sampling registration',
          method: 'POST',
          path: '/api/sampling/samples',
          body: JSON.stringify({
            siteId: u.siteId,
            tableNo: 1,
            tubeBarcode: tube,
            personId,
            purpose: 'campaign',
            campaignId,
          }),
        };
      }
      case 'results': {
        // Every 1,000th tube positive: its pool's members go under control with re-sampling tasks.
        // Past the last pending tube (short county, long run) the same results are posted again,
        // which the lab endpoint answers as unchanged.
        const results = Array.from({ length: TUBES_PER_POST }, () => {
          const j = barcode++ % day.pendingBarcodes.length;
          return { barcode: day.pendingBarcodes[j]!, result: j % 1000 === 999 ? 'positive' : 'negative' };
        });
        return {
          route: 'lab results (10 tubes)',
          method: 'POST',
          path: '/api/lab-results',
          body: JSON.stringify({ labId: day.labId, results }),
        };
      }
    }
  };
  return {
    plan(secs) {
      const count = Math.round(rate * secs);
      return Array.from({ length: count }, (_, i) => {
        const u = pick(users);
        return {
          at: (i * 1000) / rate,
          cookie: u.cookie,
          address: u.address,
          ...request(u, weighted(u.role)),
        };
      });
    },
  };
}

/** CPU busy share of the whole machine between two readings of /proc/stat (other work included). */
async function machineBusy(): Promise<() => Promise<number>> {
  const read = async () => {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3]! + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  const before = await read();
  return async () => {
    const after = await read();
    return 1 - (after.idle - before.idle) / (after.total - before.total);
  };
}

interface Measured {
  run: OpenLoopRun;
  elu: number;
  cpuMs: number;
  machineBusy: number;
  load: string;
}

async function measured(base: string, plan: PlannedRequest[]): Promise<Measured> {
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const busy = await machineBusy();
  const run = await runOpenLoop(base, plan, { maxInFlight: MAX_IN_FLIGHT, timeoutMs: TIMEOUT_MS });
  const used = process.cpuUsage(cpu);
  return {
    run,
    elu: performance.eventLoopUtilization(elu).utilization,
    cpuMs: (used.user + used.system) / 1000,
    machineBusy: await busy(),
    load: loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
  };
}

async function loadOn(engine: DatabaseKind, options: BenchOptions): Promise<SummaryRow[]> {
  log(
    `\n## load on ${engine}: ${thousands(options.loadPersons)} persons, ${USERS.reduce((n, g) => n + g.count, 0)} users, ` +
      `${options.loadRate} requests/s for ${options.loadSeconds} s`,
  );
  const { ctx, dispose } = await freshContext(engine, options.databaseUrl, 'load');
  try {
    const day = await loadCountyDay(ctx, options.loadPersons);
    const census = await countyCensus(ctx);
    log(`county: ${JSON.stringify(census)}; set up in ${seconds(day.setupMs)} s`);
    const users = await createUsers(ctx);
    const now = ctx.now().getTime();
    const [campaign] = await ctx.db.query<{ id: string }>(
      `INSERT INTO campaigns (jurisdiction_code, name, pool_size, starts_at, due_at)
       VALUES ($1, 'load campaign', $2, $3, $4) RETURNING id`,
      [DEMO_COUNTY, POOL, new Date(now - 3_600_000).toISOString(), new Date(now + 86_400_000).toISOString()],
    );
    const db = switchable(ctx.db);
    // Behind a reverse proxy on loopback: each user's own address is forwarded, as in a deployment.
    const served = await serveApp({
      ...ctx,
      db: db.proxy,
      config: { ...ctx.config, trustProxy: '127.0.0.1' },
    });
    const profile = new QueryProfile();
    let api: Measured;
    let home: Record<'dashboard' | 'work' | 'lab', string>;
    let plan: Planner;
    try {
      await signInAll(served.base, users);
      home = await homes(served.base, users);
      log(`homes: ${JSON.stringify(home)}; ${users.length} users signed in`);
      plan = planner(users, day, home, campaign!.id, options.loadRate);
      const warm = await runOpenLoop(served.base, plan.plan(WARM_UP_SECONDS), {
        maxInFlight: MAX_IN_FLIGHT,
        timeoutMs: TIMEOUT_MS,
      });
      log(
        `warm-up: ${thousands(warm.outcomes.length)} requests, errors ${JSON.stringify(errorKinds(warm.outcomes))}`,
      );
      db.profile(profile);
      api = await measured(served.base, plan.plan(options.loadSeconds));
      db.profile(undefined);
    } finally {
      await served.close();
    }
    // The same mix at the same rate from the same client, answered by a bare server.
    const bare = await bareServer(api.run.bodies);
    let bareRun: Measured;
    try {
      bareRun = await measured(bare.base, plan.plan(Math.min(BARE_SECONDS, options.loadSeconds)));
    } finally {
      await bare.close();
    }

    const [written] = await ctx.db.query<{ samples: number; resulted: number }>(
      `SELECT (SELECT count(*) FROM samples WHERE campaign_id = $1)::int AS samples,
         (SELECT count(*) FROM tubes WHERE campaign_id = $2 AND result IS NOT NULL)::int AS resulted`,
      [campaign!.id, day.campaignId],
    );
    const figures = figuresByRoute(api.run.outcomes);
    const bareFigures = new Map(figuresByRoute(bareRun.run.outcomes).map((f) => [f.route, f]));
    const okOf = (route: string) =>
      api.run.outcomes.filter(
        (o) => (route === 'all' || o.route === route) && o.status >= 200 && o.status < 300,
      ).length;
    log(
      `check: ${thousands(written!.samples)} samples in the load campaign (${thousands(okOf('sampling registration'))} registrations answered 201), ` +
        `${thousands(written!.resulted)} tubes of the county's campaign resulted (${thousands(day.resultedTubes)} before, ` +
        `${thousands(okOf('lab results (10 tubes)') * TUBES_PER_POST)} posted)`,
    );
    log(
      `\n${table(
        [
          'route',
          'requests',
          'errors',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'bare p50',
          'p95',
          'p99',
          'ratio p50',
          'p99',
        ],
        figures.map((f) => {
          const b = bareFigures.get(f.route);
          return [
            f.route,
            thousands(f.count),
            thousands(f.errors),
            ms(f.p50),
            ms(f.p95),
            ms(f.p99),
            b ? ms(b.p50) : '–',
            b ? ms(b.p95) : '–',
            b ? ms(b.p99) : '–',
            b ? ratio(f.p50, b.p50) : '–',
            b ? ratio(f.p99, b.p99) : '–',
          ];
        }),
      )}`,
    );
    const rateOf = (m: Measured) => (m.run.outcomes.length / m.run.ms) * 1000;
    log(
      `API: ${thousands(rateOf(api))} requests/s over ${seconds(api.run.ms)} s, at most ${api.run.maxInFlight} in flight, ` +
        `sends at most ${ms(api.run.maxLagMs)} ms late; errors ${JSON.stringify(errorKinds(api.run.outcomes))}; ` +
        `main thread busy ${(api.elu * 100).toFixed(0)} %, process CPU ${seconds(api.cpuMs)} s ` +
        `(${((api.cpuMs / api.run.ms) * 100).toFixed(0)} % of one core), machine busy ${(api.machineBusy * 100).toFixed(0)} %, load average ${api.load}`,
    );
    log(
      `bare: ${thousands(rateOf(bareRun))} requests/s over ${seconds(bareRun.run.ms)} s, at most ${bareRun.run.maxInFlight} in flight; ` +
        `errors ${JSON.stringify(errorKinds(bareRun.run.outcomes))}; load average ${bareRun.load}`,
    );
    for (const [route, list] of Object.entries(api.run.failures))
      log(`  failures of ${route}: ${list.join(' | ')}`);
    log(
      `\nwhere the database time went (awaited per statement, queueing for the connection included), ${thousands(api.run.outcomes.length)} requests:`,
    );
    log(profile.report(api.run.ms, api.run.outcomes.length, 'request'));
    log(`peak RSS ${peakRssMiB()} MiB`);
    const file = saveJson(`load-${engine}`, {
      engine,
      options: { persons: options.loadPersons, rate: options.loadRate, seconds: options.loadSeconds },
      census,
      setupMs: day.setupMs,
      homes: home!,
      written,
      api: { figures, errors: errorKinds(api.run.outcomes), ...summary(api) },
      bare: { figures: [...bareFigures.values()], ...summary(bareRun) },
      failures: api.run.failures,
      profile: profile.entries(),
      peakRssMiB: peakRssMiB(),
    });
    log(`figures saved to ${file}`);
    const all = figures.find((f) => f.route === 'all')!;
    const bareAll = bareFigures.get('all')!;
    return (['p50', 'p99'] as const).map((p) => ({
      bench: 'load',
      engine,
      measure: `${options.loadRate}/s × ${options.loadSeconds} s, 200 users: ${p} (${thousands(all.errors)} errors of ${thousands(all.count)})`,
      value: `${ms(all[p])} ms`,
      baseline: `${ms(bareAll[p])} ms bare`,
      ratio: ratio(all[p], bareAll[p]),
    }));
  } finally {
    await dispose();
  }
}

const summary = (m: Measured) => ({
  ms: m.run.ms,
  maxInFlight: m.run.maxInFlight,
  maxLagMs: m.run.maxLagMs,
  eventLoopUtilization: m.elu,
  cpuMs: m.cpuMs,
  machineBusy: m.machineBusy,
  loadAverage: m.load,
});

export async function loadBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const engine of options.engines) rows.push(...(await loadOn(engine, options)));
  return rows;
}
