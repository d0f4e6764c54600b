import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { permissionsOf } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { closeFinishedFollowUps } from './followUpDeadlines.js';
import { ingestSales } from './ingest.js';
import type { Outlet } from './outlets.js';
import type { SaleRow } from './saleInput.js';

/** What the demo needs of the county: its towns, some residents' ID numbers and a seeded generator. */
export interface DemoSalesInput {
  county: string;
  timeZone: string;
  buyers: readonly string[];
  random: { next(): number; int(min: number, max: number): number };
  /** An instant `daysAgo` local days before now at `hour:minute` (demo/clock.ts). */
  at(daysAgo: number, hour: number, minute: number): Date;
}

const DAYS = 28;
const KINDS = ['pharmacy', 'clinic', 'health_centre'] as const;
const OUTLET_NAMES: Record<(typeof KINDS)[number], string> = {
  pharmacy: '惠民大药房',
  clinic: '个体诊所',
  health_centre: '卫生院',
};
const CLASS_SETS: ReadonlyArray<SaleRow['classes']> = [
  ['antipyretic'],
  ['antipyretic'],
  ['antitussive'],
  ['antipyretic', 'antitussive'],
  ['antibiotic'],
  ['antiviral'],
  ['antitussive', 'antibiotic'],
];

/**
 * Four weeks of four-class sales (MON-2) at a pharmacy, a clinic and a health centre of each town,
 * a few a day each; in the county's first town the last two days rise to several times the usual
 * (the MON-4 demo trigger fires there and nowhere else). Sales older than yesterday are followed up;
 * yesterday's and today's await the medical-control group. Loaded once: a county holding outlets is left as it is.
 */
export async function loadSalesDemo(ctx: AppContext, input: DemoSalesInput): Promise<void> {
  const [existing] = await ctx.db.query('SELECT 1 FROM drug_outlets WHERE jurisdiction_code ^@ $1 LIMIT 1', [
    input.county,
  ]);
  if (existing) return;
  const towns = await ctx.db.query<{ code: string; name: string }>(
    `SELECT code, name FROM jurisdictions WHERE level = 'town' AND code ^@ $1 ORDER BY code`,
    [input.county],
  );
  const [pharmacyUser] = await ctx.db.query<{ id: string }>(
    "SELECT id FROM users WHERE username = 'pharmacy'",
  );
  if (!pharmacyUser || towns.length === 0) return;
  const actor: Actor = {
    userId: pharmacyUser.id,
    username: 'pharmacy',
    displayName: 'pharmacy',
    roles: ['pharmacy'],
    permissions: permissionsOf(['pharmacy']),
    scopes: [input.county],
  };
  const now = ctx.now();
  const today = localDate(now, input.timeZone);
  const { random } = input;
  for (const [index, town] of towns.entries()) {
    const place = town.name.replace(/(镇|乡|街道|街道办事处)$/, '');
    const rising = index === 0;
    for (const kind of KINDS) {
      const [outlet] = await ctx.db.query<Outlet>(
        `INSERT INTO drug_outlets (jurisdiction_code, name, kind, created_by) VALUES ($1, $2, $3, $4)
         RETURNING id, jurisdiction_code AS "jurisdictionCode", name, kind, NULL AS "jurisdictionName"`,
        [town.code, `${place}${OUTLET_NAMES[kind]}`, kind, pharmacyUser.id],
      );
      if (!outlet) continue;
      const rows: SaleRow[] = [];
      for (let daysAgo = DAYS; daysAgo >= 0; daysAgo--) {
        const usual = kind === 'pharmacy' ? random.int(3, 7) : random.int(1, 3);
        const count = rising && daysAgo <= 1 ? usual * 5 + random.int(2, 6) : usual;
        for (let n = 0; n < count; n++) {
          const soldAt = input.at(daysAgo, random.int(8, 20), random.int(0, 59));
          if (soldAt > now) continue;
          rows.push({
            line: rows.length + 1,
            saleId: `demo-${localDate(soldAt, input.timeZone)}-${n}`,
            soldAt,
            idNumber: input.buyers[random.int(0, input.buyers.length - 1)] ?? '',
            buyerName: null,
            phone: random.next() < 0.6 ? `139${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null,
            classes: [...(CLASS_SETS[random.int(0, CLASS_SETS.length - 1)] ?? ['antipyretic'])],
            quantity: random.int(1, 3),
          });
        }
      }
      await ctx.db.transaction((tx) =>
        ingestSales(
          tx,
          ctx,
          actor,
          outlet,
          input.timeZone,
          rows.filter((r) => r.idNumber),
          { kind: 'api' },
        ),
      );
    }
  }
  await followUpOlderSales(ctx, input.county, today);
}

/** The medical-control group has followed up every sale before yesterday: most buyers had no symptoms. */
async function followUpOlderSales(ctx: AppContext, county: string, today: string) {
  const [group] = await ctx.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'working_group'");
  if (!group) return;
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `UPDATE drug_sales SET followed_up_by = $2, followed_up_at = sold_at + interval '6 hours',
         follow_up_contacted = abs(hashtext(id::text)) % 10 <> 0,
         follow_up_outcome = CASE WHEN abs(hashtext(id::text)) % 10 = 0 THEN 'unreachable'
           WHEN abs(hashtext(id::text)) % 17 = 1 THEN 'referred' WHEN abs(hashtext(id::text)) % 23 = 1 THEN 'sampled'
           ELSE 'no_symptoms' END
       WHERE jurisdiction_code ^@ $1 AND sale_day < $3::date - 1 AND followed_up_at IS NULL`,
      [county, group.id, today],
    );
    const batches = await tx.query<{ id: string }>(
      'SELECT id FROM drug_sale_days WHERE jurisdiction_code ^@ $1 AND day < $2::date - 1',
      [county, today],
    );
    await closeFinishedFollowUps(
      tx,
      batches.map((b) => b.id),
      { at: ctx.now(), by: group.id },
    );
  });
}
