import type { AppContext } from '../../platform/context.js';
import type { SiteKind } from '../../rules/sentinels.js';
import { WEEKLY_SAMPLE_KINDS, weekStart } from '../../rules/sentinels.js';
import { localDate } from '../../rules/time.js';
import { addLocalDays } from '../../rules/truckReport.js';

/** What the demo loader hands over: the county, its zone, a seeded generator and local times. */
export interface SentinelDemoOptions {
  county: string;
  timeZone: string;
  random: { next(): number; int(min: number, max: number): number };
  /** A local wall-clock time `daysAgo` days before the demo's now. */
  at(daysAgo: number, hour: number, minute?: number): Date;
}

/** Five weeks: the four weeks shown, and before them the same-weekday baselines of the first of them (MON-4). */
const DAYS = 35;
const DISPOSITIONS = ['home', 'home', 'home', 'observation', 'admitted'] as const;
const SYMPTOMS = ['fever', 'cough', 'sore_throat', 'fatigue'] as const;

/**
 * The demo county's sentinel feeds: its sites (the county hospital with its fever clinic, two town
 * health centres' fever clinics, a school per town, two farmers' markets and a cold-chain store),
 * five weeks of fever-clinic visits and school reports (one school with an absence cluster over the
 * last three days, one that has not reported today), weekly environment samples (one market
 * positive two days ago; the cold-chain store has not sampled this week) and daily ILI counts.
 */
export async function loadSentinelsDemo(ctx: AppContext, options: SentinelDemoOptions): Promise<void> {
  const { county, timeZone, random, at } = options;
  const today = localDate(ctx.now(), timeZone);
  const towns = await ctx.db.query<{ code: string; name: string }>(
    `SELECT code, name FROM jurisdictions WHERE parent_code = $1 ORDER BY code LIMIT 6`,
    [county],
  );
  const [first, second] = towns;
  if (!first || !second) return;
  const sites: Array<{ town: string; kind: SiteKind; name: string; enrolled?: number }> = [
    { town: first.code, kind: 'fever_clinic', name: '县人民医院发热门诊' },
    { town: first.code, kind: 'hospital', name: '县人民医院' },
    { town: second.code, kind: 'fever_clinic', name: `${second.name}卫生院发热门诊` },
    ...towns.map((t, i) => ({
      town: t.code,
      kind: 'school' as const,
      name: `${t.name}中心小学`,
      enrolled: 320 + 40 * i,
    })),
    { town: first.code, kind: 'market', name: `${first.name}农贸市场` },
    { town: second.code, kind: 'market', name: `${second.name}农贸市场` },
    { town: first.code, kind: 'cold_chain', name: '县冷链食品集中监管仓' },
  ];
  await ctx.db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const site of sites) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO sentinel_sites (jurisdiction_code, kind, name, enrolled, weekly_sample)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (jurisdiction_code, name) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
        [site.town, site.kind, site.name, site.enrolled ?? null, WEEKLY_SAMPLE_KINDS.includes(site.kind)],
      );
      if (row) ids.set(site.name, row.id);
    }
    const id = (name: string) => ids.get(name) ?? '';
    const townOf = (name: string) => sites.find((s) => s.name === name)?.town ?? county;
    // Fever-clinic visits: the county clinic sees about 14 a day, the health centre about 4.
    const visits: unknown[][] = [[], [], [], [], [], [], [], [], []];
    for (const [clinic, mean] of [
      ['县人民医院发热门诊', 14],
      [`${second.name}卫生院发热门诊`, 4],
    ] as const) {
      for (let daysAgo = DAYS - 1; daysAgo >= 0; daysAgo--) {
        const count =
          daysAgo === 0 ? Math.round(mean / 2) : random.int(Math.round(mean * 0.7), Math.round(mean * 1.3));
        for (let n = 0; n < count; n++) {
          const visitedAt = at(daysAgo, 8 + Math.floor((n * 10) / Math.max(count, 1)), random.int(0, 59));
          if (visitedAt > ctx.now()) continue;
          const row = [
            townOf(clinic),
            id(clinic),
            `FR${localDate(visitedAt, timeZone).replaceAll('-', '')}-${String(n + 1).padStart(3, '0')}`,
            visitedAt,
            (37.3 + random.next() * 2).toFixed(1),
            SYMPTOMS.filter(() => random.next() < 0.5).join(',') || 'fever',
            random.next() < 0.9,
            DISPOSITIONS[random.int(0, DISPOSITIONS.length - 1)],
            visitedAt,
          ];
          for (const [i, value] of row.entries()) visits[i]?.push(value);
        }
      }
    }
    await tx.query(
      `INSERT INTO sentinel_fever_visits (jurisdiction_code, site_id, visit_no, visited_at, temperature, symptoms,
         nat_sampled, disposition, reported_at)
       SELECT j, s, v, a, t, string_to_array(y, ','), n, d, r
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[], $5::numeric[], $6::text[], $7::boolean[],
         $8::text[], $9::timestamptz[]) AS u (j, s, v, a, t, y, n, d, r)
       ON CONFLICT (site_id, visit_no) DO NOTHING`,
      visits,
    );
    // School reports on school days; the last town's school has not reported today; the first town's
    // school has an absence cluster over the last three days (MON-4's "absence clusters in a school").
    const schools = sites.filter((s) => s.kind === 'school');
    for (let daysAgo = DAYS - 1; daysAgo >= 0; daysAgo--) {
      const day = addLocalDays(today, -daysAgo);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const [i, school] of schools.entries()) {
        if (daysAgo === 0 && i === schools.length - 1) continue;
        const enrolled = school.enrolled ?? 300;
        const cluster = i === 0 && daysAgo <= 2 ? ([11, 7, 4][daysAgo] ?? 0) : 0;
        const ill = cluster + (random.next() < 0.4 ? random.int(0, 2) : 0);
        const absent = ill + random.int(0, 2);
        await tx.query(
          `INSERT INTO sentinel_school_reports (jurisdiction_code, site_id, day, enrolled, absent, absent_illness, fever,
             respiratory, reported_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (site_id, day) DO NOTHING`,
          [
            school.town,
            id(school.name),
            day,
            enrolled,
            absent,
            ill,
            Math.min(ill, cluster ? cluster - 2 : 0),
            Math.ceil(ill / 2),
            at(daysAgo, 9, 30),
          ],
        );
      }
    }
    // Weekly environment samples: four weeks; one market positive yesterday; the cold-chain store not yet this week.
    const places = sites.filter((s) => WEEKLY_SAMPLE_KINDS.includes(s.kind) && s.kind !== 'hospital');
    const monday = weekStart(today);
    const samples: Array<{ place: (typeof places)[number]; daysAgo: number; positive: boolean }> = [];
    for (let week = 3; week >= 0; week--) {
      // The routine sample is taken on the Tuesday of each week; this week's only once Tuesday has come.
      const tuesday = addLocalDays(monday, 1 - 7 * week);
      if (tuesday > today) continue;
      const daysAgo = Math.round((Date.parse(today) - Date.parse(tuesday)) / 86_400_000);
      for (const place of places)
        if (!(week === 0 && place.kind === 'cold_chain')) samples.push({ place, daysAgo, positive: false });
    }
    // The positive: a swab of a fish stall's chopping board in the first town's market yesterday,
    // resulted this morning (or just now, early in the day), so today's trigger reads it (MON-4).
    const market = places.find((p) => p.name === `${first.name}农贸市场`);
    if (market) samples.push({ place: market, daysAgo: 1, positive: true });
    const now = ctx.now();
    for (const { place, daysAgo, positive } of samples) {
      const sampledAt = at(daysAgo, 9);
      const morning = daysAgo === 0 ? null : at(daysAgo - 1, 8);
      const resultedAt = morning && morning > now ? new Date(now.getTime() - 10 * 60_000) : morning;
      await tx.query(
        `INSERT INTO sentinel_samples (jurisdiction_code, site_id, sample_no, kind, item, sampled_at, result, resulted_at, reported_at)
         VALUES ($1, $2, $3, 'environment', $4, $5, $6, $7, $5) ON CONFLICT (site_id, sample_no) DO NOTHING`,
        [
          place.town,
          id(place.name),
          `HJ${localDate(sampledAt, timeZone).replaceAll('-', '')}-${sites.indexOf(place)}${positive ? 'P' : ''}`,
          positive
            ? '水产区摊位案板'
            : place.kind === 'market'
              ? '摊位、地面和下水道'
              : '冷库内壁和货物外包装',
          sampledAt,
          resultedAt ? (positive ? 'positive' : 'negative') : 'pending',
          resultedAt,
        ],
      );
    }
    // Daily ILI and unexplained pneumonia counts of the county hospital, up to yesterday.
    for (let daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
      const total = random.int(260, 340);
      await tx.query(
        `INSERT INTO sentinel_ili_reports (jurisdiction_code, site_id, day, ili_visits, total_visits, pneumonia_cases, reported_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (site_id, day) DO NOTHING`,
        [
          first.code,
          id('县人民医院'),
          addLocalDays(today, -daysAgo),
          random.int(8, 16),
          total,
          daysAgo === 5 ? 1 : 0,
          at(daysAgo - 1, 8),
        ],
      );
    }
  });
}
