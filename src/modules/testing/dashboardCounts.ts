import type { Queryable } from '../../platform/db/types.js';
import { daysSpan } from '../../platform/surfaces/days.js';

/** A subtree as a range of codes (every code under `root` sorts between these two). */
const range = (root: string) => [root, `${root}:`];

/**
 * Positive tubes of the subtree `root` (the sampling site's jurisdiction) per local day of `days`,
 * pooled or single, from the counters of migration 0085 (kept by triggers on every write of tubes).
 */
export async function positivesPerDay(
  tx: Queryable,
  root: string,
  days: readonly string[],
  timeZone: string,
): Promise<Array<{ day: string; pooled: boolean; n: number }>> {
  const { start, end } = daysSpan(days[0] ?? '', days[days.length - 1] ?? '', timeZone);
  return tx.query(
    `SELECT to_char((c.slot AT TIME ZONE $5)::date, 'YYYY-MM-DD') AS day, c.pooled, sum(c.tubes)::int AS n
     FROM tube_result_counts c
     WHERE c.jurisdiction_code >= $1 AND c.jurisdiction_code < $2 AND c.slot >= $3 AND c.slot < $4
       AND c.result = 'positive'
     GROUP BY 1, 2 HAVING sum(c.tubes) <> 0`,
    [...range(root), start.toISOString(), end.toISOString(), timeZone],
  );
}

/** Open controls (TST-1) of the subtree per reason, from the counters of migration 0084. */
export async function openControls(tx: Queryable, root: string): Promise<Map<string, number>> {
  const rows = await tx.query<{ reason: string; n: number }>(
    `SELECT reason, sum(controls)::int AS n FROM control_counts
     WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2 GROUP BY reason`,
    range(root),
  );
  return new Map(rows.map((row) => [row.reason, row.n]));
}

/**
 * TST-2: tubes the labs located in the subtree resulted since `since` (the local day's start), and
 * how many by their due time: the turnaround board's "resulted today" summed over its labs.
 */
export async function resultedByLabsSince(
  tx: Queryable,
  root: string,
  since: Date,
): Promise<{ resulted: number; onTime: number }> {
  const [row] = await tx.query<{ resulted: number; onTime: number }>(
    `SELECT coalesce(sum(c.tubes), 0)::int AS resulted,
       coalesce(sum(c.tubes) FILTER (WHERE c.on_time), 0)::int AS "onTime"
     FROM tube_result_counts c JOIN labs l ON l.id = c.lab_id
     WHERE l.jurisdiction_code >= $1 AND l.jurisdiction_code < $2 AND c.slot >= $3`,
    [...range(root), since.toISOString()],
  );
  return row ?? { resulted: 0, onTime: 0 };
}

/**
 * TST-2: tubes of the subtree past their due time without a result that a lab has or should have
 * (received, or sealed and waiting to be taken in). Open tubes are few: an index serves them.
 */
export async function overdueTubes(tx: Queryable, root: string, now: Date): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tubes t
     WHERE t.jurisdiction_code >= $1 AND t.jurisdiction_code < $2 AND t.result IS NULL AND t.due_at < $3
       AND (t.lab_id IS NOT NULL OR t.sealed_at IS NOT NULL)`,
    [...range(root), now.toISOString()],
  );
  return row?.n ?? 0;
}
