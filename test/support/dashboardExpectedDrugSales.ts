import type { Database } from '../../src/platform/db/types.js';

/**
 * The four-class drug sales tile's figures (MON-2) counted straight from the base tables: today's
 * sales (all and per class, by the sale's local day in `zone`), those awaiting follow-up, and those
 * whose outlet-day's open follow-up deadline is past due. None when the tile is hidden (no outlet).
 */
export async function expectedDrugSalesFigures(
  db: Database,
  root: string,
  now: Date,
  zone: string,
  today: string,
): Promise<Map<string, number>> {
  const [outlet] = await db.query('SELECT 1 FROM drug_outlets WHERE jurisdiction_code LIKE $1 LIMIT 1', [
    `${root}%`,
  ]);
  if (!outlet) return new Map();
  const [row] = await db.query<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE (s.sold_at AT TIME ZONE $2)::date::text = $3)::int AS today,
       count(*) FILTER (WHERE (s.sold_at AT TIME ZONE $2)::date::text = $3 AND 'antipyretic' = ANY(s.classes))::int AS antipyretic,
       count(*) FILTER (WHERE (s.sold_at AT TIME ZONE $2)::date::text = $3 AND 'antitussive' = ANY(s.classes))::int AS antitussive,
       count(*) FILTER (WHERE (s.sold_at AT TIME ZONE $2)::date::text = $3 AND 'antiviral' = ANY(s.classes))::int AS antiviral,
       count(*) FILTER (WHERE (s.sold_at AT TIME ZONE $2)::date::text = $3 AND 'antibiotic' = ANY(s.classes))::int AS antibiotic,
       count(*) FILTER (WHERE s.followed_up_at IS NULL)::int AS awaiting,
       count(*) FILTER (WHERE s.followed_up_at IS NULL AND EXISTS (
         SELECT 1 FROM drug_sale_days d JOIN deadlines dl ON dl.subject_type = 'drug_sale_day' AND dl.subject_id = d.id
         WHERE d.outlet_id = s.outlet_id AND d.day = s.sale_day AND dl.done_at IS NULL AND dl.cancelled_at IS NULL
           AND dl.due_at < $4))::int AS overdue
     FROM drug_sales s WHERE s.jurisdiction_code LIKE $1`,
    [`${root}%`, zone, today, now],
  );
  return new Map(Object.entries(row ?? {}).map(([key, value]) => [`drugSales.sales.${key}`, value]));
}
