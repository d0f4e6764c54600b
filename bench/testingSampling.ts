import { DEMO_COUNTY, DEMO_PASSWORD, loadDemo } from '../src/modules/demo/index.js';
import { insertSealedPersons, sealPerson } from '../src/modules/persons/index.js';
import { createSite } from '../src/modules/sampling/index.js';
import { withScope } from '../src/platform/access/scope.js';
import type { AppContext } from '../src/platform/context.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { withCheckDigit } from '../src/rules/idNumber.js';
import { serveApp, signIn } from './lib/http.js';
import type { BenchOptions } from './lib/options.js';
import { QueryProfile, switchable } from './lib/queryProfile.js';
import { log, saveJson } from './lib/report.js';
import { actorOf, freshContext } from './lib/scratch.js';
import { ms, percentiles, ratio, type SummaryRow, seconds, table, thousands } from './lib/stats.js';
import { type Load, type Post, runLoad, startBareServer } from './testingSamplingLoad.js';

/**
 * Sampling registrations per second through POST /api/sampling/samples (TST-1: "fast enough for a
 * table that samples one person every few seconds"): the real app listening on loopback, signed in
 * as the county admin, people already registered (scanned ID numbers), pools of 10 at one site, one
 * table per concurrent client; against a bare node:http server answering the same JSON to the same
 * requests from the same client in the same run.
 */

const CONCURRENCY = [1, 8] as const;
const WARM_UP = 50;
const POOL = 10;

/** Valid resident ID numbers of the demo county, distinct by birth date and sequence. */
function idNumbers(count: number): string[] {
  const start = Date.UTC(1950, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const birth = new Date(start + Math.floor(i / 900) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    return withCheckDigit(`${DEMO_COUNTY}${birth}${String(100 + (i % 900)).padStart(3, '0')}`);
  });
}

async function preparePeople(ctx: AppContext, grid: string, ids: readonly string[]) {
  const rows = ids.map((idNumber, i) =>
    sealPerson(ctx.cipher, {
      name: `采样${i}`,
      idType: 'resident_id',
      idNumber,
      phone: null,
      sex: null,
      birthDate: null,
      jurisdictionCode: grid,
      address: null,
      employer: null,
      householdCode: null,
      keyGroups: [],
    }),
  );
  for (let i = 0; i < rows.length; i += 2000)
    await ctx.db.transaction((tx) => insertSealedPersons(tx, rows.slice(i, i + 2000)));
}

async function samplingOn(engine: DatabaseKind, options: BenchOptions): Promise<SummaryRow[]> {
  const requests = options.samplingRequests;
  log(`\n## samplingHttp on ${engine}: ${thousands(requests)} registrations at each concurrency`);
  const { ctx, dispose } = await freshContext(engine, options.databaseUrl, 'sampling');
  try {
    await loadDemo(ctx, 0);
    const [grid] = await ctx.db.query<{ code: string }>(
      "SELECT code FROM jurisdictions WHERE level = 'grid' AND code ^@ $1 ORDER BY code LIMIT 1",
      [DEMO_COUNTY],
    );
    const village = grid!.code.slice(0, 12);
    const ids = idNumbers(WARM_UP + requests * CONCURRENCY.length);
    await preparePeople(ctx, grid!.code, ids);
    await ctx.db.refreshStatistics(['persons']);
    const admin = await actorOf(ctx, 'admin');
    const site = await withScope(ctx.db, admin, (tx) =>
      createSite(tx, admin, { jurisdictionCode: village, name: '基准采样点', address: null, tables: 8 }),
    );
    const now = ctx.now().getTime();
    const [campaign] = await ctx.db.query<{ id: string }>(
      `INSERT INTO campaigns (jurisdiction_code, name, pool_size, starts_at, due_at)
       VALUES ($1, 'bench sampling campaign', $2, $3, $4) RETURNING id`,
      [DEMO_COUNTY, POOL, new Date(now - 3_600_000).toISOString(), new Date(now + 86_400_000).toISOString()],
    );
    const body = (idNumber: string, table: number, barcode: string) =>
      JSON.stringify({
        siteId: site.id,
        tableNo: table,
        tubeBarcode: barcode,
        idNumber,
        purpose: 'campaign',
        campaignId: campaign!.id,
      });

    const db = switchable(ctx.db);
    const served = await serveApp({ ...ctx, db: db.proxy });
    const loads: Load[] = [];
    const profile = new QueryProfile();
    let sampleBody = '';
    try {
      const cookie = await signIn(served.base, 'admin', DEMO_PASSWORD);
      const post: Post = { url: `${served.base}/api/sampling/samples`, cookie, status: 201 };
      let next = 0;
      const posts = (count: number, clients: number, tag: string) =>
        Array.from({ length: count }, (_, i) => {
          const client = i % clients;
          const k = Math.floor(i / clients);
          return {
            client,
            body: body(
              ids[next + i]!,
              client + 1,
              `${tag}-${client}-${String(Math.floor(k / POOL)).padStart(5, '0')}`,
            ),
          };
        });
      const warm = await runLoad(post, posts(WARM_UP, 1, 'WARM'), 1);
      sampleBody = warm.lastBody;
      next += WARM_UP;
      for (const clients of CONCURRENCY) {
        db.profile(clients === 1 ? profile : undefined);
        loads.push({
          ...(await runLoad(post, posts(requests, clients, `C${clients}`), clients)),
          label: 'API',
        });
        db.profile(undefined);
        next += requests;
      }
    } finally {
      await served.close();
    }
    const bare = await startBareServer(sampleBody);
    try {
      const post: Post = {
        url: `${bare.base}/api/sampling/samples`,
        cookie: 'fk_session=bench',
        status: 201,
      };
      for (const clients of CONCURRENCY) {
        const list = Array.from({ length: requests }, (_, i) => ({
          client: i % clients,
          body: body(ids[i]!, 1 + (i % clients), 'BARE-0-00000'),
        }));
        await runLoad(post, list.slice(0, WARM_UP), 1);
        loads.push({ ...(await runLoad(post, list, clients)), label: 'bare node:http' });
      }
    } finally {
      await bare.close();
    }

    const [written] = await ctx.db.query<{ samples: number; full: number; sealed: number }>(
      `SELECT (SELECT count(*) FROM samples WHERE campaign_id = $1)::int AS samples,
         (SELECT count(*) FROM tubes WHERE campaign_id = $1 AND member_count = $2)::int AS full,
         (SELECT count(*) FROM tubes WHERE campaign_id = $1 AND sealed_at IS NOT NULL)::int AS sealed`,
      [campaign!.id, POOL],
    );
    const expected = WARM_UP + requests * CONCURRENCY.length;
    log(
      `check: ${thousands(written!.samples)} samples (expected ${thousands(expected)}), ${thousands(written!.full)} full tubes, ` +
        `${thousands(written!.sealed)} sealed`,
    );
    const apiOf = (c: number) => loads.find((l) => l.label === 'API' && l.clients === c)!;
    const bareOf = (c: number) => loads.find((l) => l.label !== 'API' && l.clients === c)!;
    log(
      `\n${table(
        [
          'server',
          'clients',
          'requests',
          'seconds',
          'requests/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'bare / API (req/s)',
        ],
        loads.map((l) => {
          const p = percentiles(l.latencies);
          return [
            l.label,
            String(l.clients),
            thousands(l.latencies.length),
            seconds(l.ms),
            thousands(l.perSecond),
            ms(p.p50),
            ms(p.p95),
            ms(p.p99),
            l.label === 'API' ? ratio(bareOf(l.clients).perSecond, l.perSecond) : '',
          ];
        }),
      )}`,
    );
    const c1 = apiOf(1);
    log(
      `\nWhere a registration's time goes (1 client, ${thousands(requests)} requests; the rest is HTTP, JSON and the Node process):`,
    );
    log(profile.report(c1.ms, requests, 'registration'));
    const file = saveJson(`samplingHttp-${engine}`, {
      engine,
      requests,
      written,
      loads: loads.map(({ latencies, lastBody, ...l }) => ({ ...l, ...percentiles(latencies) })),
      profile: profile.entries(),
    });
    log(`figures saved to ${file}`);
    return CONCURRENCY.map((c) => ({
      bench: 'samplingHttp',
      engine,
      measure: `registrations, ${c} client${c > 1 ? 's' : ''}`,
      value: `${thousands(apiOf(c).perSecond)}/s`,
      baseline: `${thousands(bareOf(c).perSecond)}/s bare`,
      ratio: ratio(bareOf(c).perSecond, apiOf(c).perSecond),
    }));
  } finally {
    await dispose();
  }
}

export async function samplingHttpBench(options: BenchOptions): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const engine of options.engines) rows.push(...(await samplingOn(engine, options)));
  return rows;
}
