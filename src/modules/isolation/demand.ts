import type { Demand, DemandRow } from '../../api/isolationDemand.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import {
  isolationDemand,
  ROOMS_PER_CONFIRMED_CASE,
  type RoomStates,
  type Demand as RuleDemand,
  sumDemand,
} from '../../rules/isolationDemand.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import {
  type DemandPlace,
  type DemandScope,
  demandScope,
  inRoot,
  keyOf,
  rootParams,
} from './demandPlaces.js';

/**
 * ISO-2: a confirmed case counts while it is current — classified confirmed, not discarded, and not
 * discharged from hospital (a discharge recorded with no later transfer still live). Asymptomatic
 * infections are not counted: 002 §25 sizes by "确诊病例数量".
 */
const CURRENT_CONFIRMED_SQL = `c.classification = 'confirmed' AND c.status <> 'discarded'
  AND NOT (EXISTS (SELECT 1 FROM hospital_stays h WHERE h.case_id = c.id AND h.status = 'discharged')
    AND NOT EXISTS (SELECT 1 FROM hospital_stays h WHERE h.case_id = c.id AND h.status IN ('requested', 'departed', 'admitted')))`;

/**
 * EPI-4, ISO-2: a close or secondary close contact still owed centralised isolation — identified or
 * under control, whose plan has a centralised phase not yet over (or no plan stored: the cautious
 * reading, EPI-4 puts every close contact in a room), and who has had no stay from it yet (a
 * cancelled one aside). $3 is now.
 */
const CONTACT_OWED_SQL = `c.class IN ('close', 'secondary_close') AND c.status IN ('identified', 'under_control')
  AND (c.plan IS NULL OR EXISTS (
    SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.plan -> 'steps') = 'array' THEN c.plan -> 'steps' ELSE '[]'::jsonb END) st
    WHERE st ->> 'kind' = 'centralised_isolation' AND coalesce(st ->> 'elapsed', 'false') <> 'true'
      AND (st ->> 'dueAt')::timestamptz > $3))
  AND NOT EXISTS (SELECT 1 FROM isolation_stays s
    WHERE s.source_type = 'contact' AND s.source_id = c.id AND s.status <> 'cancelled')`;

/**
 * ARR-*, ISO-2: an arrival not released whose active plan has a centralised isolation phase ending
 * today or later (inbound from abroad, key-area arrivals), with no stay from it yet. $4 is today.
 */
const ARRIVAL_OWED_SQL = `a.status <> 'released' AND EXISTS (
    SELECT 1 FROM arrival_plans ap
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(ap.plan -> 'phases') = 'array' THEN ap.plan -> 'phases' ELSE '[]'::jsonb END) ph
    WHERE ap.arrival_id = a.id AND ap.status = 'active'
      AND ph ->> 'kind' = 'centralised_isolation' AND ph ->> 'endDate' >= $4)
  AND NOT EXISTS (SELECT 1 FROM isolation_stays s
    WHERE s.source_type = 'arrival' AND s.source_id = a.id AND s.status <> 'cancelled')`;

type Keyed = { key: string };

async function countsByKey(
  tx: Queryable,
  scope: DemandScope,
  now: Date,
  today: string,
): Promise<{
  cases: Map<string, number>;
  stays: Map<string, { inRoom: number; allocated: number }>;
  queued: Map<string, number>;
  rooms: Map<string, { inUse: RoomStates; standby: RoomStates }>;
  sites: Map<string, { inUse: number; standby: number; notReady: number }>;
}> {
  const params = rootParams(scope);
  const cases = await tx.query<Keyed & { n: number }>(
    `SELECT ${keyOf(scope, 'c.jurisdiction_code')} AS key, count(*)::int AS n FROM cases c
     WHERE ${inRoot('c.jurisdiction_code')} AND ${CURRENT_CONFIRMED_SQL} GROUP BY 1`,
    params,
  );
  const stays = await tx.query<Keyed & { inRoom: number; allocated: number }>(
    `SELECT ${keyOf(scope, 's.jurisdiction_code')} AS key,
       count(*) FILTER (WHERE s.status = 'in_room')::int AS "inRoom",
       count(*) FILTER (WHERE s.status = 'allocated')::int AS allocated
     FROM isolation_stays s
     WHERE ${inRoot('s.jurisdiction_code')} AND s.kind = 'centralised' AND s.status IN ('allocated', 'in_room')
     GROUP BY 1`,
    params,
  );
  // The isolation queue: each person once (a contact who is also an arrival), none with an open stay.
  const queued = await tx.query<Keyed & { n: number }>(
    `SELECT key, count(DISTINCT person_id)::int AS n FROM (
       SELECT ${keyOf(scope, 'c.jurisdiction_code')} AS key, c.person_id FROM contacts c
       WHERE ${inRoot('c.jurisdiction_code')} AND ${CONTACT_OWED_SQL}
       UNION
       SELECT ${keyOf(scope, 'a.jurisdiction_code')}, a.person_id FROM arrivals a
       WHERE ${inRoot('a.jurisdiction_code')} AND ${ARRIVAL_OWED_SQL}) owed
     WHERE NOT EXISTS (SELECT 1 FROM isolation_stays s
       WHERE s.person_id = owed.person_id AND s.status IN ('allocated', 'in_room', 'home'))
     GROUP BY 1`,
    [...params, now, today],
  );
  // Rooms of active sites by the site's status and the room's state; not-ready sites hold no capacity.
  const rooms = await tx.query<Keyed & { status: 'in_use' | 'standby'; state: string; n: number }>(
    `SELECT ${keyOf(scope, 's.jurisdiction_code')} AS key, s.status, r.state, count(*)::int AS n
     FROM isolation_sites s JOIN isolation_rooms r ON r.site_id = s.id
     WHERE ${inRoot('s.jurisdiction_code')} AND s.active AND s.status IN ('in_use', 'standby')
     GROUP BY 1, 2, 3`,
    params,
  );
  const sites = await tx.query<Keyed & { status: string; n: number }>(
    `SELECT ${keyOf(scope, 's.jurisdiction_code')} AS key, s.status, count(*)::int AS n
     FROM isolation_sites s WHERE ${inRoot('s.jurisdiction_code')} AND s.active GROUP BY 1, 2`,
    params,
  );
  const emptyRooms = (): RoomStates => ({ ready: 0, occupied: 0, cleaning: 0, outOfService: 0 });
  const roomMap = new Map<string, { inUse: RoomStates; standby: RoomStates }>();
  const stateKey: Record<string, keyof RoomStates> = {
    ready: 'ready',
    occupied: 'occupied',
    cleaning: 'cleaning',
    out_of_service: 'outOfService',
  };
  for (const row of rooms) {
    const entry = roomMap.get(row.key) ?? { inUse: emptyRooms(), standby: emptyRooms() };
    const state = stateKey[row.state];
    if (state) entry[row.status === 'in_use' ? 'inUse' : 'standby'][state] += row.n;
    roomMap.set(row.key, entry);
  }
  const siteMap = new Map<string, { inUse: number; standby: number; notReady: number }>();
  for (const row of sites) {
    const entry = siteMap.get(row.key) ?? { inUse: 0, standby: 0, notReady: 0 };
    if (row.status === 'in_use') entry.inUse += row.n;
    else if (row.status === 'standby') entry.standby += row.n;
    else entry.notReady += row.n;
    siteMap.set(row.key, entry);
  }
  return {
    cases: new Map(cases.map((r) => [r.key, r.n])),
    stays: new Map(stays.map((r) => [r.key, { inRoom: r.inRoom, allocated: r.allocated }])),
    queued: new Map(queued.map((r) => [r.key, r.n])),
    rooms: roomMap,
    sites: siteMap,
  };
}

const rowOf = (place: DemandPlace, counts: Awaited<ReturnType<typeof countsByKey>>) => {
  const stays = counts.stays.get(place.code) ?? { inRoom: 0, allocated: 0 };
  const input = {
    confirmedCases: counts.cases.get(place.code) ?? 0,
    inRoom: stays.inRoom,
    awaitingArrival: stays.allocated,
    queued: counts.queued.get(place.code) ?? 0,
    ...(counts.rooms.get(place.code) ?? {
      inUse: { ready: 0, occupied: 0, cleaning: 0, outOfService: 0 },
      standby: { ready: 0, occupied: 0, cleaning: 0, outOfService: 0 },
    }),
  };
  const demand = isolationDemand(input);
  return { input, demand, sites: counts.sites.get(place.code) ?? { inUse: 0, standby: 0, notReady: 0 } };
};

const view = (
  place: DemandPlace,
  figures: Pick<DemandRow, 'confirmedCases' | 'inRoom' | 'awaitingArrival' | 'queued' | 'sites'>,
  demand: RuleDemand,
): DemandRow => ({
  code: place.code,
  name: place.name,
  ...figures,
  demanded: demand.demanded,
  neededNow: demand.neededNow,
  required: demand.required,
  capacity: demand.capacity,
  gap: demand.gap,
  level: demand.level,
});

/**
 * ISO-2 over `jurisdiction` (default: the caller's broadest scope): one row per county with its
 * current confirmed cases, the rooms they demand, the rooms needed now, the rooms its sites hold and
 * the gap; and the sum when the scope is wider than one county.
 */
export async function isolationDemandView(
  tx: Queryable,
  actor: Actor,
  jurisdiction: string | undefined,
  now: Date,
  defaultTimeZone: string,
): Promise<Demand> {
  const scope = await demandScope(tx, actor, jurisdiction);
  const today = localDate(now, await effectiveTimeZone(tx, scope.root.code, defaultTimeZone));
  const counts = await countsByKey(tx, scope, now, today);
  const computed = scope.places.map((place) => ({ place, ...rowOf(place, counts) }));
  const rows = computed.map(({ place, input, demand, sites }) =>
    view(
      place,
      {
        confirmedCases: input.confirmedCases,
        inRoom: input.inRoom,
        awaitingArrival: input.awaitingArrival,
        queued: input.queued,
        sites,
      },
      demand,
    ),
  );
  const wide = scope.places.length !== 1 || scope.places[0]?.code !== scope.root.code;
  let total: Demand['total'] = null;
  if (wide) {
    const sum = sumDemand(computed.map((c) => c.demand));
    const add = (pick: (row: DemandRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
    total = {
      ...view(
        scope.root,
        {
          confirmedCases: add((r) => r.confirmedCases),
          inRoom: add((r) => r.inRoom),
          awaitingArrival: add((r) => r.awaitingArrival),
          queued: add((r) => r.queued),
          sites: {
            inUse: add((r) => r.sites.inUse),
            standby: add((r) => r.sites.standby),
            notReady: add((r) => r.sites.notReady),
          },
        },
        sum,
      ),
      countiesShort: sum.countiesShort,
    };
  }
  return {
    jurisdiction: scope.root,
    asOf: now.toISOString(),
    roomsPerCase: ROOMS_PER_CONFIRMED_CASE,
    rows,
    total,
  };
}
