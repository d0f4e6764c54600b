import type { Queryable } from '../../platform/db/types.js';
import { daysSpan } from '../../platform/surfaces/days.js';
import type { DashboardRequest } from '../../platform/surfaces/types.js';

export interface ArrivalsOfDay {
  day: string;
  channel: string;
  /** The origin's risk level as registered; 'none' for an origin without one. */
  risk: string;
  n: number;
}

/**
 * Arrivals in the subtree `root` per local day of `days` (in `timeZone`), channel and risk, from
 * the counters of migration 0082 (kept by triggers on every write of arrivals).
 */
async function arrivalsPerDay(
  tx: Queryable,
  root: string,
  days: readonly string[],
  timeZone: string,
): Promise<ArrivalsOfDay[]> {
  const { start, end } = daysSpan(days[0] ?? '', days[days.length - 1] ?? '', timeZone);
  return tx.query<ArrivalsOfDay>(
    `SELECT to_char((c.slot AT TIME ZONE $5)::date, 'YYYY-MM-DD') AS day, c.channel, c.risk,
       sum(c.arrivals)::int AS n
     FROM arrival_counts c
     WHERE c.jurisdiction_code >= $1 AND c.jurisdiction_code < $2 AND c.slot >= $3 AND c.slot < $4
     GROUP BY 1, 2, 3 HAVING sum(c.arrivals) <> 0`,
    [root, `${root}:`, start.toISOString(), end.toISOString(), timeZone],
  );
}

/** One dashboard's read of the arrival counters, shared by the tiles that show it (by risk, by channel). */
const readOnce = new WeakMap<DashboardRequest, Promise<ArrivalsOfDay[]>>();

export function arrivalsOfDashboard(request: DashboardRequest): Promise<ArrivalsOfDay[]> {
  let rows = readOnce.get(request);
  if (!rows) {
    rows = arrivalsPerDay(request.tx, request.jurisdiction, request.days, request.timeZone);
    readOnce.set(request, rows);
  }
  return rows;
}

/**
 * Arrivals under control in the subtree `root` as of `now` (item 21: an active plan with phases
 * whose release date, in the plan's zone, is not past), from the counters of migration 0083.
 * `today` bounds the read: no zone is more than a day away from the jurisdiction's.
 */
export async function underControl(tx: Queryable, root: string, now: Date, today: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT coalesce(sum(c.plans), 0)::int AS n FROM arrival_plan_counts c
     WHERE c.jurisdiction_code >= $1 AND c.jurisdiction_code < $2 AND c.release_date >= $3::date - 1
       AND c.release_date >= ($4::timestamptz AT TIME ZONE c.time_zone)::date`,
    [root, `${root}:`, today, now.toISOString()],
  );
  return row?.n ?? 0;
}
