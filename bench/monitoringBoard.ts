import { monitoringBoard } from '../src/modules/healthMonitoring/index.js';
import { withScope } from '../src/platform/access/scope.js';
import type { DatabaseKind } from '../src/platform/db/types.js';
import { benchCounties, villagesOf } from './lib/county.js';
import type { BenchOptions } from './lib/options.js';
import { log, saveJson } from './lib/report.js';
import { freshContext, peakRssMiB } from './lib/scratch.js';
import { ms, percentiles, ratio, type SummaryRow, seconds, thousands, timed } from './lib/stats.js';

/**
 * ISO-4, ISO-5 (issue 16, Deliver 7): the monitoring board for N people under monitoring (default
 * 50,000: 70% in 100 sites of 350 rooms each, 30% at home) with two days of readings (every slot
 * of the last two days, this morning's, and this afternoon's for most; 1% abnormal, 50 reports
 * open). Each round reads the board through the module (scoped transaction, row-level security,
 * counts, the open reports, the sites' floors, one page of 50) for four filters, against a bare
 * count of the same stays as owner. Sizes: BENCH_MONITORING_PEOPLE, BENCH_MONITORING_ROUNDS;
 * BENCH_QUICK=1 shrinks them.
 */

const COUNTY = '211122';
const SITES = 100;
const ROOMS_PER_FLOOR = 25;
/** 14:00 local on 7 December: the afternoon slot is open, this morning's is due. */
const NOW = new Date('2026-12-07T06:00:00Z');
const DAYS = ['2026-12-05', '2026-12-06'];

async function load(ctx: Awaited<ReturnType<typeof freshContext>>['ctx'], people: number) {
  const villages = (await villagesOf(ctx, COUNTY)).map((v) => v.code);
  const centralised = Math.round(people * 0.7);
  const roomsPerSite = Math.ceil(centralised / SITES);
  await ctx.db.query(
    `INSERT INTO persons (jurisdiction_code, name, id_type, id_cipher, id_hash, id_masked)
     SELECT ($2::text[])[1 + g % cardinality($2::text[])], '隔离人员' || g, 'resident',
       sha256(('c' || g)::bytea), sha256(('bench-monitoring-' || g)::bytea), '2111**********' || lpad((g % 10000)::text, 4, '0')
     FROM generate_series(1, $1::int) g`,
    [people, villages],
  );
  await ctx.db.query(
    `INSERT INTO isolation_sites (jurisdiction_code, name, kind, purposes, status)
     SELECT $1, '隔离酒店' || s, 'hotel', ARRAY['close_contacts'], 'in_use' FROM generate_series(1, $2::int) s`,
    [COUNTY, SITES],
  );
  await ctx.db.query(
    `INSERT INTO isolation_rooms (site_id, jurisdiction_code, floor, number, state)
     SELECT si.id, $1, 1 + r / $3, (1 + r / $3)::text || lpad((1 + r % $3)::text, 2, '0'), 'occupied'
     FROM isolation_sites si, generate_series(0, $2::int - 1) r`,
    [COUNTY, roomsPerSite, ROOMS_PER_FLOOR],
  );
  await ctx.db.query(
    `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, site_id, room_id, status,
       allocated_at, started_at, planned_end_date)
     SELECT $1, p.id, 'centralised', 'contact', gen_random_uuid(), r.site_id, r.id, 'in_room',
       '2026-12-04T02:00:00Z', '2026-12-04T02:00:00Z', '2026-12-18'
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM persons) p
     JOIN (SELECT id, site_id, row_number() OVER (ORDER BY site_id, floor, number) AS n FROM isolation_rooms) r ON r.n = p.n
     WHERE p.n <= $2`,
    [COUNTY, centralised],
  );
  await ctx.db.query(
    `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, status, started_at,
       planned_end_date)
     SELECT p.jurisdiction_code, p.id, 'home', 'contact', gen_random_uuid(), 'home', '2026-12-04T02:00:00Z', '2026-12-18'
     FROM persons p WHERE NOT EXISTS (SELECT 1 FROM isolation_stays s WHERE s.person_id = p.id)`,
  );
  const slots = [
    ...DAYS.flatMap((d) => [
      [d, 'am', 100],
      [d, 'pm', 100],
    ]),
    ['2026-12-07', 'am', 97],
    ['2026-12-07', 'pm', 60],
  ] as const;
  for (const [date, slot, share] of slots)
    await ctx.db.query(
      `INSERT INTO monitoring_readings (stay_id, person_id, jurisdiction_code, local_date, slot, temperature, symptoms,
         abnormal, source, recorded_at, handled_at, handle_outcome)
       SELECT s.id, s.person_id, s.jurisdiction_code, $1::date, $2, CASE WHEN hashtext(s.id::text || $1 || $2) % 100 = 0 THEN 38.0 ELSE 36.5 END,
         '{}', hashtext(s.id::text || $1 || $2) % 100 = 0, 'staff', ($1::date + time '10:00') AT TIME ZONE 'Asia/Shanghai',
         CASE WHEN hashtext(s.id::text || $1 || $2) % 100 = 0 THEN ($1::date + time '11:00') AT TIME ZONE 'Asia/Shanghai' END,
         CASE WHEN hashtext(s.id::text || $1 || $2) % 100 = 0 THEN 'recheck_normal' END
       FROM isolation_stays s WHERE abs(hashtext(s.id::text || 'share' || $1 || $2)) % 100 < $3`,
      [date, slot, share],
    );
  // 50 open reports (ISO-4 一报告), as the module leaves them.
  await ctx.db.query(
    `WITH open AS (
       UPDATE monitoring_readings SET handled_at = NULL, handle_outcome = NULL
       WHERE id IN (SELECT id FROM monitoring_readings WHERE abnormal AND local_date = '2026-12-07' LIMIT 50) RETURNING id, person_id)
     INSERT INTO deadlines (rule_id, subject_type, subject_id, kind, person_id, jurisdiction_code, owner_role, title_zh,
       title_en, opened_at, due_at)
     SELECT 'ISO-4', 'monitoring_reading', id, 'abnormal_report', person_id, $1, 'isolation_manager', '健康监测异常',
       'Abnormal reading', $2::timestamptz, $2::timestamptz + interval '2 hours' FROM open`,
    [COUNTY, NOW.toISOString()],
  );
  await ctx.db.exec('ANALYZE');
  const [count] = await ctx.db.query<{ stays: number; readings: number }>(
    `SELECT (SELECT count(*)::int FROM isolation_stays) AS stays, (SELECT count(*)::int FROM monitoring_readings) AS readings`,
  );
  return count ?? { stays: 0, readings: 0 };
}

export async function monitoringBoardBench(options: BenchOptions): Promise<SummaryRow[]> {
  const people = Number(process.env.BENCH_MONITORING_PEOPLE ?? (options.quick ? 5_000 : 50_000));
  const rounds = Number(process.env.BENCH_MONITORING_ROUNDS ?? (options.quick ? 10 : 40));
  const summary: SummaryRow[] = [];
  const report: Record<string, unknown> = {};
  for (const engine of options.engines) {
    const { ctx, dispose } = await freshContext(engine as DatabaseKind, options.databaseUrl, 'monitoring');
    try {
      log(`\n## monitoringBoard on ${engine}: ${thousands(people)} people under monitoring`);
      const actor = await benchCounties(ctx, [{ code: COUNTY }]);
      const loaded = await timed(() => load(ctx, people));
      log(
        `loaded ${thousands(loaded.result.stays)} stays and ${thousands(loaded.result.readings)} readings in ` +
          `${seconds(loaded.ms)} s, peak RSS ${peakRssMiB()} MiB`,
      );
      const [site] = await ctx.db.query<{ id: string }>(
        'SELECT id FROM isolation_sites ORDER BY name LIMIT 1',
      );
      const filters = [
        { label: 'board, first page', filter: {} },
        { label: 'missing this slot', filter: { missing: true } },
        { label: 'one site, centralised', filter: { siteId: site?.id, kind: 'centralised' as const } },
        { label: 'page 500', filter: { page: 500 } },
      ];
      const bare = () =>
        ctx.db.query(
          `SELECT count(*) FROM isolation_stays WHERE status IN ('in_room', 'home') AND jurisdiction_code ^@ $1`,
          [COUNTY],
        );
      const zone = ctx.config.defaultTimeZone;
      for (const { label, filter } of filters) {
        const board = () =>
          withScope(ctx.db, actor, (tx) =>
            monitoringBoard(tx, actor, { ...filter, pageSize: 50 }, NOW, zone),
          );
        const first = await board();
        await bare();
        const api: number[] = [];
        const base: number[] = [];
        for (let i = 0; i < rounds; i++) {
          api.push((await timed(board)).ms);
          base.push((await timed(bare)).ms);
        }
        const a = percentiles(api);
        const b = percentiles(base);
        log(
          `${label}: p50 ${ms(a.p50)} ms, p95 ${ms(a.p95)} ms (bare count p50 ${ms(b.p50)} ms); ` +
            `${thousands(first.total)} listed, ${first.items.length} on the page, ${first.alerts.length} open reports`,
        );
        report[`${engine}:${label}`] = { api: a, bare: b, total: first.total };
        for (const p of ['p50', 'p95'] as const)
          summary.push({
            bench: 'monitoringBoard',
            engine,
            measure: `${thousands(people)} people: ${label} ${p}`,
            value: `${ms(a[p])} ms`,
            baseline: `${ms(b[p])} ms bare count`,
            ratio: ratio(a[p], b[p]),
          });
      }
    } finally {
      await dispose();
    }
  }
  saveJson('monitoringBoard', report);
  return summary;
}
