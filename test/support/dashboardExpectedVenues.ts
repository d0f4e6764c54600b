import type { Database } from '../../src/platform/db/types.js';
import { scanFlags } from '../../src/rules/venues.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The venue-code tile's figures (HC-2, ZON-4) counted from the base tables as the owner: active
 * venues in the subtree, and those flagged by the rule on figures read here (check-ins by clock hour;
 * an hour that reaches into the last 24 hours counts to them). None when no venue is active.
 */
export async function expectedVenueFigures(
  db: Database,
  root: string,
  now: Date,
): Promise<Map<string, number>> {
  const venues = await db.query<{ id: string; kind: string; capacity: number | null; created_at: Date }>(
    'SELECT id, kind, capacity, created_at FROM venues WHERE active AND jurisdiction_code ^@ $1',
    [root],
  );
  if (venues.length === 0) return new Map();
  const hours = await db.query<{ venue_id: string; hour: Date; n: number }>(
    `SELECT venue_id, date_trunc('hour', checked_in_at) AS hour, count(*)::int AS n FROM check_ins
      WHERE checked_in_at > $1 AND checked_in_at <= $2 GROUP BY 1, 2`,
    [new Date(now.getTime() - 8 * DAY), now],
  );
  const counts = { missing: 0, few: 0, over_capacity: 0 };
  const since = now.getTime() - DAY;
  for (const v of venues) {
    const mine = hours.filter((h) => h.venue_id === v.id);
    const recent = mine.filter((h) => new Date(h.hour).getTime() + HOUR > since);
    const daily = new Array<number>(7).fill(0);
    for (const h of mine) {
      const t = new Date(h.hour).getTime();
      if (t + HOUR > since) continue;
      const day = Math.floor((since - t - 1) / DAY);
      if (day < 7) daily[day] = (daily[day] ?? 0) + h.n;
    }
    const ageHours = (now.getTime() - new Date(v.created_at).getTime()) / HOUR;
    const flags = scanFlags({
      active: true,
      ageHours,
      kind: v.kind,
      capacity: v.capacity,
      last24h: recent.reduce((s, h) => s + h.n, 0),
      baselineDaily: daily.slice(0, Math.max(0, Math.min(7, Math.floor(ageHours / 24) - 1))),
      peakHour: Math.max(0, ...recent.map((h) => h.n)),
    });
    for (const f of flags) counts[f]++;
  }
  return new Map([
    ['venues.scans.active', venues.length],
    ['venues.scans.missing', counts.missing],
    ['venues.scans.few', counts.few],
    ['venues.scans.overCapacity', counts.over_capacity],
  ]);
}
