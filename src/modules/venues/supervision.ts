import type { SupervisionView } from '../../api/venues.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { capacityLimit, median, SCAN_RULES, type ScanFlag, scanFlags } from '../../rules/venues.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The supervisor's view (HC-2 “加强对‘场所码’使用情况的监督检查”, ZON-4): active venues in scope with
 * no scans in the last 24 hours, with suspiciously few against their own 7-day median, or over
 * their ZON-4 limit by peak check-ins in an hour (本地口径, src/rules/venues.ts SCAN_RULES).
 */
export async function supervision(
  tx: Queryable,
  actor: Actor,
  now: Date,
  options: { jurisdiction?: string | undefined; flag?: ScanFlag | undefined } = {},
): Promise<SupervisionView> {
  if (options.jurisdiction && !inScope(options.jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  const scopes = options.jurisdiction ? [options.jurisdiction] : actor.scopes;
  const baselineFrom = new Date(now.getTime() - (SCAN_RULES.baselineDays + 1) * DAY);
  const venueParams: unknown[] = [];
  const venues = await tx.query<{
    id: string;
    name: string;
    kind: string;
    jurisdictionCode: string;
    jurisdictionName: string | null;
    capacity: number | null;
    createdAt: Date;
  }>(
    `SELECT v.id, v.name, v.kind, v.jurisdiction_code AS "jurisdictionCode",
       (SELECT j.name FROM jurisdictions j WHERE j.code = v.jurisdiction_code) AS "jurisdictionName",
       v.capacity, v.created_at AS "createdAt"
     FROM venues v WHERE v.active AND ${scopeCondition('v.jurisdiction_code', scopes, venueParams)}
     ORDER BY v.jurisdiction_code, v.name`,
    venueParams,
  );
  // Hourly counts per venue over the baseline days and the last 24 hours: one pass over the range.
  const hourParams: unknown[] = [baselineFrom, now];
  const hours = await tx.query<{ venue_id: string; hour: Date; n: number }>(
    `SELECT c.venue_id, date_trunc('hour', c.checked_in_at) AS hour, count(*)::int AS n
       FROM check_ins c
      WHERE c.checked_in_at > $1 AND c.checked_in_at <= $2 AND ${scopeCondition('c.jurisdiction_code', scopes, hourParams)}
      GROUP BY 1, 2`,
    hourParams,
  );
  const byVenue = new Map<string, Array<{ hour: Date; n: number }>>();
  for (const h of hours) {
    const list = byVenue.get(h.venue_id) ?? [];
    list.push({ hour: new Date(h.hour), n: h.n });
    byVenue.set(h.venue_id, list);
  }
  const since = now.getTime() - DAY;
  const counts = { missing: 0, few: 0, over_capacity: 0 };
  const items: SupervisionView['items'] = [];
  for (const v of venues) {
    const list = byVenue.get(v.id) ?? [];
    let last24h = 0;
    let peakHour = 0;
    let peakHourAt: Date | null = null;
    const daily = new Array<number>(SCAN_RULES.baselineDays).fill(0);
    for (const { hour, n } of list) {
      // The hour bucket that straddles the 24-hour boundary counts to the last 24 hours.
      if (hour.getTime() + HOUR > since) {
        last24h += n;
        if (n > peakHour) {
          peakHour = n;
          peakHourAt = hour;
        }
      } else {
        const day = Math.floor((since - hour.getTime() - 1) / DAY);
        if (day >= 0 && day < daily.length) daily[day] = (daily[day] ?? 0) + n;
      }
    }
    const ageHours = (now.getTime() - new Date(v.createdAt).getTime()) / HOUR;
    // Baseline days before the venue existed are not days without scans.
    const baselineDaily = daily.slice(0, Math.max(0, Math.min(daily.length, Math.floor(ageHours / 24) - 1)));
    const flags = scanFlags({
      active: true,
      ageHours,
      kind: v.kind,
      capacity: v.capacity,
      last24h,
      baselineDaily,
      peakHour,
    });
    for (const f of flags) counts[f]++;
    if (flags.length === 0 || (options.flag && !flags.includes(options.flag))) continue;
    items.push({
      venueId: v.id,
      name: v.name,
      kind: v.kind as SupervisionView['items'][number]['kind'],
      jurisdictionCode: v.jurisdictionCode,
      jurisdictionName: v.jurisdictionName,
      capacity: v.capacity,
      capacityLimit: capacityLimit(v.kind, v.capacity),
      last24h,
      baselineMedian: median(baselineDaily),
      peakHour,
      peakHourAt: peakHourAt?.toISOString() ?? null,
      lastCheckInAt: null,
      flags,
    });
  }
  // When each listed venue last saw a scan (its index on venue and time answers it per partition).
  if (items.length > 0) {
    const last = await tx.query<{ venue_id: string; at: Date }>(
      `SELECT c.venue_id, max(c.checked_in_at) AS at FROM check_ins c
        WHERE c.venue_id = ANY($1::uuid[]) AND c.checked_in_at <= $2 GROUP BY 1`,
      [items.map((i) => i.venueId), now],
    );
    const lastAt = new Map(last.map((r) => [r.venue_id, new Date(r.at).toISOString()]));
    for (const item of items) item.lastCheckInAt = lastAt.get(item.venueId) ?? null;
  }
  return { asOf: now.toISOString(), activeVenues: venues.length, counts, items };
}
