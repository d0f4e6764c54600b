import { addDays, format, parseISO } from 'date-fns';
import type { Occupancy } from '../../api/isolationDemand.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { demandScope, inRoot, keyOf } from './demandPlaces.js';

type Site = Occupancy['sites'][number];
type Home = Occupancy['homeIsolation'][number];

/**
 * The commander's occupancy view (ISO-1, ISO-4, ISO-5): every active site of the scope with its
 * rooms by state, the people in rooms and those allocated awaiting their transfer, the stays whose
 * planned last day is today or tomorrow (in the jurisdiction's zone); and home isolation per county.
 * Site statuses order in use, standby, not ready.
 */
export async function occupancyView(
  tx: Queryable,
  actor: Actor,
  jurisdiction: string | undefined,
  now: Date,
  defaultTimeZone: string,
): Promise<Occupancy> {
  const scope = await demandScope(tx, actor, jurisdiction);
  const zone = await effectiveTimeZone(tx, scope.root.code, defaultTimeZone);
  const today = localDate(now, zone);
  const tomorrow = format(addDays(parseISO(today), 1), 'yyyy-MM-dd');
  const params = [scope.root.code, `${scope.root.code}:`, today, tomorrow];
  const sites = await tx.query<Site>(
    `SELECT s.id, s.name, s.kind, s.purposes, s.status, s.jurisdiction_code AS "jurisdictionCode",
       left(s.jurisdiction_code, 6) AS "countyCode",
       coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = left(s.jurisdiction_code, 6)), '') AS "countyName",
       json_build_object('total', r.total, 'ready', r.ready, 'occupied', r.occupied, 'cleaning', r.cleaning,
         'outOfService', r.out_of_service) AS rooms,
       st.in_room AS "inRoom", st.allocated AS "awaitingArrival", st.ending_today AS "endingToday",
       st.ending_tomorrow AS "endingTomorrow"
     FROM isolation_sites s
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS total,
         count(*) FILTER (WHERE state = 'ready')::int AS ready,
         count(*) FILTER (WHERE state = 'occupied')::int AS occupied,
         count(*) FILTER (WHERE state = 'cleaning')::int AS cleaning,
         count(*) FILTER (WHERE state = 'out_of_service')::int AS out_of_service
       FROM isolation_rooms WHERE site_id = s.id) r
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE status = 'in_room')::int AS in_room,
         count(*) FILTER (WHERE status = 'allocated')::int AS allocated,
         count(*) FILTER (WHERE status = 'in_room' AND planned_end_date = $3::date)::int AS ending_today,
         count(*) FILTER (WHERE status = 'in_room' AND planned_end_date = $4::date)::int AS ending_tomorrow
       FROM isolation_stays WHERE site_id = s.id AND status IN ('allocated', 'in_room')) st
     WHERE ${inRoot('s.jurisdiction_code')} AND s.active
     ORDER BY left(s.jurisdiction_code, 6),
       CASE s.status WHEN 'in_use' THEN 0 WHEN 'standby' THEN 1 ELSE 2 END, s.name, s.id`,
    params,
  );
  const home = await tx.query<{ key: string; atHome: number; endingToday: number; endingTomorrow: number }>(
    `SELECT ${keyOf(scope, 's.jurisdiction_code')} AS key, count(*)::int AS "atHome",
       count(*) FILTER (WHERE s.planned_end_date = $3::date)::int AS "endingToday",
       count(*) FILTER (WHERE s.planned_end_date = $4::date)::int AS "endingTomorrow"
     FROM isolation_stays s
     WHERE ${inRoot('s.jurisdiction_code')} AND s.kind = 'home' AND s.status = 'home' GROUP BY 1`,
    params,
  );
  const byKey = new Map(home.map((row) => [row.key, row]));
  const homeIsolation: Home[] = scope.places.map((place) => {
    const row = byKey.get(place.code);
    return {
      code: place.code,
      name: place.name,
      atHome: row?.atHome ?? 0,
      endingToday: row?.endingToday ?? 0,
      endingTomorrow: row?.endingTomorrow ?? 0,
    };
  });
  return { jurisdiction: scope.root, today, sites, homeIsolation };
}
