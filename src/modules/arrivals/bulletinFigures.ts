import type { Queryable } from '../../platform/db/types.js';

/**
 * Arrivals in centralised isolation (集中隔离医学观察) on each local date of `dates`, over the subtree
 * `root`, for the daily bulletin (CAS-5): plans not superseded (running or completed) with a
 * centralised-isolation phase that covers the date (from its start date, before its end date).
 * Returns one count per date, in order.
 */
export async function centralisedIsolationOn(
  tx: Queryable,
  root: string,
  dates: readonly string[],
): Promise<number[]> {
  const rows = await tx.query<{ i: number; n: number }>(
    `SELECT d.i::int AS i, count(DISTINCT p.arrival_id)::int AS n
     FROM unnest($3::date[]) WITH ORDINALITY AS d(day, i)
     JOIN arrival_plans p ON p.jurisdiction_code >= $1 AND p.jurisdiction_code < $2
       AND p.status IN ('active', 'completed') AND p.day0 <= d.day
     CROSS JOIN LATERAL jsonb_array_elements(p.plan -> 'phases') AS ph
     WHERE ph ->> 'kind' = 'centralised_isolation'
       AND (ph ->> 'startDate')::date <= d.day AND (ph ->> 'endDate')::date > d.day
     GROUP BY d.i`,
    [root, `${root}:`, dates],
  );
  const byIndex = new Map(rows.map((r) => [r.i, r.n]));
  return dates.map((_, i) => byIndex.get(i + 1) ?? 0);
}
