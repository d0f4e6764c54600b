import type { Queryable } from '../../platform/db/types.js';

/**
 * Cases in hospital (admitted and not discharged) over the subtree `root` at each instant of `at`,
 * for the daily bulletin (CAS-5): each case once, whichever hospital holds it. Returns one count per
 * instant, in order.
 */
export async function inHospitalAt(tx: Queryable, root: string, at: readonly Date[]): Promise<number[]> {
  const rows = await tx.query<{ i: number; n: number }>(
    `SELECT t.i::int AS i, count(DISTINCT s.case_id)::int AS n
     FROM unnest($3::timestamptz[]) WITH ORDINALITY AS t(at, i)
     JOIN hospital_stays s ON s.jurisdiction_code >= $1 AND s.jurisdiction_code < $2
       AND s.admitted_at < t.at AND (s.discharged_at IS NULL OR s.discharged_at >= t.at)
     GROUP BY t.i`,
    [root, `${root}:`, at.map((d) => d.toISOString())],
  );
  const byIndex = new Map(rows.map((r) => [r.i, r.n]));
  return at.map((_, i) => byIndex.get(i + 1) ?? 0);
}
