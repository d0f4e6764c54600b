import { allocateRooms } from '../src/modules/isolation/index.js';
import { withScope } from '../src/platform/access/scope.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { FALLBACK_CONTACT_CONTROL } from '../src/rules/contactControl.js';
import { contactPlan } from '../src/rules/policy/contactPlan.js';
import { benchCounties, villagesOf } from './lib/county.js';
import type { BenchOptions } from './lib/options.js';
import { log, saveJson } from './lib/report.js';
import { freshContext, peakRssMiB } from './lib/scratch.js';
import { ms, percentiles, ratio, type SummaryRow, seconds, thousands, timed } from './lib/stats.js';

/**
 * ISO-4 (issue 16, Deliver 7): allocate N people (default 20,000 close contacts, each owed
 * centralised isolation by their plan) to single rooms across 100 sites in use, through the
 * isolation module as a user would: batches of 20 people picked from the queue, rooms left to the
 * module (the site's next ready rooms by floor and number), each batch one scoped transaction (the
 * plan read per person, purposes, open stays, rooms locked and taken, the stays inserted, one audit
 * entry each). Baseline in the same run: a bare INSERT of the same stays, batch by batch, as owner
 * into a plain table of the same columns (no plan read, no lock, no audit). Sizes:
 * BENCH_ALLOCATE_PEOPLE, BENCH_ALLOCATE_BATCH; BENCH_QUICK=1 shrinks them.
 */

const COUNTY = '211122';
const SITES = 100;
const ROOMS_PER_FLOOR = 30;
const HOUR = 3_600_000;

async function load(ctx: Awaited<ReturnType<typeof freshContext>>['ctx'], people: number) {
  const villages = (await villagesOf(ctx, COUNTY)).map((v) => v.code);
  const now = ctx.now();
  const plan = contactPlan(
    FALLBACK_CONTACT_CONTROL,
    'close',
    new Date(now.getTime() - HOUR),
    new Date(now.getTime() - 20 * HOUR),
    ctx.config.defaultTimeZone,
  );
  await ctx.db.query(
    `INSERT INTO persons (jurisdiction_code, name, id_type, id_cipher, id_hash, id_masked)
     SELECT ($2::text[])[1 + g % cardinality($2::text[])], '密接' || g, 'resident',
       sha256(('c' || g)::bytea), sha256(('bench-allocate-' || g)::bytea), '2111**********' || lpad((g % 10000)::text, 4, '0')
     FROM generate_series(0, $1::int) g`,
    [people, villages],
  );
  const [kase] = await ctx.db.query<{ id: string }>(
    `INSERT INTO cases (jurisdiction_code, person_id, classification, status, onset_at, found_at, reported_at,
       confirmed_at, reporting_institution, reporting_doctor, reported_by, reviewed_at)
     SELECT $1, id, 'confirmed', 'reviewed', $2, $2, $2, $2, '盘山县人民医院', '李医生', gen_random_uuid(), $2 FROM persons WHERE name = '密接0'
     RETURNING id`,
    [villages[0], new Date(now.getTime() - 2 * HOUR)],
  );
  await ctx.db.query(
    `INSERT INTO contacts (jurisdiction_code, source_code, case_id, person_id, class, reason, exposure_kind, exposure_at,
       identified_at, identified_by_name, status, plan)
     SELECT p.jurisdiction_code, $1, $2, p.id, 'close', '同一场所同一时段', 'venue', $3, $4, 'bench', 'under_control', $5
     FROM persons p WHERE p.name <> '密接0'`,
    [
      COUNTY,
      kase?.id,
      new Date(now.getTime() - 20 * HOUR),
      new Date(now.getTime() - HOUR),
      JSON.stringify({ ...plan, packId: null, packVersion: null }),
    ],
  );
  const roomsPerSite = Math.ceil(people / SITES) + 10;
  await ctx.db.query(
    `INSERT INTO isolation_sites (jurisdiction_code, name, kind, purposes, status)
     SELECT $1, '隔离酒店' || lpad(s::text, 3, '0'), 'hotel', ARRAY['close_contacts'], 'in_use' FROM generate_series(1, $2::int) s`,
    [COUNTY, SITES],
  );
  await ctx.db.query(
    `INSERT INTO isolation_rooms (site_id, jurisdiction_code, floor, number)
     SELECT si.id, $1, 1 + r / $3, (1 + r / $3)::text || lpad((1 + r % $3)::text, 2, '0')
     FROM isolation_sites si, generate_series(0, $2::int - 1) r`,
    [COUNTY, roomsPerSite, ROOMS_PER_FLOOR],
  );
  await ctx.db.exec(
    `CREATE TABLE bench_stays (LIKE isolation_stays INCLUDING DEFAULTS);
     ANALYZE`,
  );
  const contacts = await ctx.db.query<{ id: string; personId: string }>(
    `SELECT id, person_id AS "personId" FROM contacts ORDER BY identified_at, id`,
  );
  const sites = await ctx.db.query<{ id: string }>('SELECT id FROM isolation_sites ORDER BY name');
  return { contacts, sites: sites.map((s) => s.id) };
}

export async function isolationAllocateBench(options: BenchOptions): Promise<SummaryRow[]> {
  const people = Number(process.env.BENCH_ALLOCATE_PEOPLE ?? (options.quick ? 2_000 : 20_000));
  const batch = Number(process.env.BENCH_ALLOCATE_BATCH ?? 20);
  const summary: SummaryRow[] = [];
  const report: Record<string, unknown> = {};
  for (const engine of options.engines) {
    const { ctx, dispose } = await freshContext(engine as DatabaseKind, options.databaseUrl, 'allocate');
    try {
      log(
        `\n## isolationAllocate on ${engine}: ${thousands(people)} people, ${SITES} sites, batches of ${batch}`,
      );
      const actor = await benchCounties(ctx, [{ code: COUNTY }]);
      const loaded = await timed(() => load(ctx, people));
      const { contacts, sites } = loaded.result;
      log(`loaded ${thousands(contacts.length)} contacts and ${SITES} sites in ${seconds(loaded.ms)} s`);
      // People go to the sites in turn, a site's share in consecutive batches (a manager fills one hotel).
      const perSite = Math.ceil(contacts.length / SITES);
      const batches: Array<{ siteId: string; people: typeof contacts }> = [];
      for (let s = 0; s < SITES; s++) {
        const share = contacts.slice(s * perSite, (s + 1) * perSite);
        for (let i = 0; i < share.length; i += batch)
          batches.push({ siteId: sites[s] as string, people: share.slice(i, i + batch) });
      }
      const module: number[] = [];
      let placed = 0;
      const started = performance.now();
      for (const b of batches) {
        const run = await timed(() =>
          withScope(ctx.db, actor, (tx) =>
            allocateRooms(ctx, tx, actor, {
              people: b.people.map((p) => ({ sourceType: 'contact' as const, sourceId: p.id })),
              siteId: b.siteId,
            }),
          ),
        );
        module.push(run.ms);
        placed += run.result.length;
      }
      const moduleTotal = performance.now() - started;
      const [check] = await ctx.db.query<{ stays: number; rooms: number; shared: number }>(
        `SELECT (SELECT count(*)::int FROM isolation_stays WHERE status = 'allocated') AS stays,
           (SELECT count(*)::int FROM isolation_rooms WHERE state = 'occupied') AS rooms,
           (SELECT count(*)::int FROM (SELECT room_id FROM isolation_stays GROUP BY room_id HAVING count(*) > 1) x) AS shared`,
      );
      // The bare INSERT of the same stays, batch by batch, as the owner.
      const rooms = await ctx.db.query<{
        roomId: string;
        siteId: string;
        personId: string;
        sourceId: string;
      }>(
        `SELECT room_id AS "roomId", site_id AS "siteId", person_id AS "personId", source_id AS "sourceId"
         FROM isolation_stays ORDER BY allocated_at, id`,
      );
      const bare: number[] = [];
      const bareStarted = performance.now();
      for (let i = 0; i < rooms.length; i += batch) {
        const rows = rooms.slice(i, i + batch);
        const run = await timed(() =>
          ctx.db.query(
            `INSERT INTO bench_stays (jurisdiction_code, person_id, kind, source_type, source_id, site_id, room_id,
               status, allocated_at, planned_end_date)
             SELECT $1, x.p, 'centralised', 'contact', x.s, x.site, x.r, 'allocated', now(), current_date + 14
             FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) AS x(p, s, site, r)`,
            [
              COUNTY,
              rows.map((r) => r.personId),
              rows.map((r) => r.sourceId),
              rows.map((r) => r.siteId),
              rows.map((r) => r.roomId),
            ],
          ),
        );
        bare.push(run.ms);
      }
      const bareTotal = performance.now() - bareStarted;
      const a = percentiles(module);
      const b = percentiles(bare);
      log(
        `allocated ${thousands(placed)} people in ${thousands(batches.length)} batches: ${seconds(moduleTotal)} s ` +
          `(${thousands((placed / moduleTotal) * 1000)} people/s), batch p50 ${ms(a.p50)} ms, p95 ${ms(a.p95)} ms; ` +
          `bare INSERT ${seconds(bareTotal)} s, batch p50 ${ms(b.p50)} ms; ratio ${ratio(moduleTotal, bareTotal)}; ` +
          `${thousands(check?.rooms ?? 0)} rooms occupied, ${check?.shared ?? 0} shared; peak RSS ${peakRssMiB()} MiB`,
      );
      report[engine] = {
        people: placed,
        batches: batches.length,
        moduleMs: moduleTotal,
        bareMs: bareTotal,
        batch: a,
        bareBatch: b,
        check,
      };
      summary.push(
        {
          bench: 'isolationAllocate',
          engine,
          measure: `${thousands(placed)} people to rooms, batches of ${batch}: total`,
          value: `${seconds(moduleTotal)} s`,
          baseline: `${seconds(bareTotal)} s bare INSERT`,
          ratio: ratio(moduleTotal, bareTotal),
        },
        {
          bench: 'isolationAllocate',
          engine,
          measure: `batch of ${batch} p95`,
          value: `${ms(a.p95)} ms`,
          baseline: `${ms(b.p95)} ms bare INSERT`,
          ratio: ratio(a.p95, b.p95),
        },
      );
    } finally {
      await dispose();
    }
  }
  saveJson('isolationAllocate', report);
  return summary;
}
