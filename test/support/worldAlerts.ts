import type { AppContext } from '../../src/platform/context.js';

/** County A's raised alert (MON-4), for the alert routes: four-class drug sales up in its first town. */
export const ALERT_A = 'a1e70000-0000-4000-8000-00000000000a';
const TOWN_A = '211122001';

const RULE = {
  id: 'four-class-sales-town',
  title: { zh: '乡镇四类药品销售异常升高', en: 'Four-class drug sales up in a town' },
  feed: 'drug_sales',
  measure: 'sales',
  level: 'town',
  windowDays: 1,
  baseline: { kind: 'same_weekday_mean', weeks: 4 },
  threshold: { kind: 'ratio_to_baseline', ratio: 2, minCount: 10 },
  source: { document: '002', section: '§15' },
};

export async function seedAlerts(ctx: AppContext): Promise<void> {
  await ctx.db.query(
    `INSERT INTO alerts (id, jurisdiction_code, unit_key, rule_id, rule, feed, measure, window_start, window_end,
       window_value, baseline, ratio, series, last_window_end, last_window_value, raised_at)
     VALUES ($1, $2, $2, $3, $4, 'drug_sales', 'sales', '2026-11-24', '2026-11-24', 30, 10, 3, $5, '2026-11-24', 30, $6)`,
    [
      ALERT_A,
      TOWN_A,
      RULE.id,
      JSON.stringify(RULE),
      JSON.stringify([
        ['2026-11-17', 10],
        ['2026-11-24', 30],
      ]),
      ctx.now(),
    ],
  );
}
