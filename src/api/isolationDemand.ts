import { type Static, Type } from 'typebox';
import { DateTime, IsoDate, JurisdictionCode, Nullable, Uuid } from './common.js';

/** Isolation demand against capacity (ISO-2) and the commander's occupancy view of every site. */

const Count = Type.Integer({ minimum: 0 });
const Place = Type.Object({ code: Type.String(), name: Type.String() });

export const DemandQuery = Type.Object(
  { jurisdiction: Type.Optional(JurisdictionCode) },
  { additionalProperties: false },
);

const CapacityView = Type.Object({
  total: Count,
  readyNow: Count,
  occupied: Count,
  cleaning: Count,
  standby: Count,
  outOfService: Count,
});

/** One county's figures (ISO-2: the county HQ sizes isolation), or the sum of a wider scope's counties. */
export const DemandRowView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** Confirmed cases not discarded and not discharged from hospital. */
  confirmedCases: Count,
  /** ISO-2: 100 rooms per confirmed case. */
  demanded: Count,
  inRoom: Count,
  awaitingArrival: Count,
  /** People owed centralised isolation with no room yet: close and secondary close contacts, arrivals. */
  queued: Count,
  neededNow: Count,
  required: Count,
  capacity: CapacityView,
  /** required − capacity: short when positive, spare rooms when negative. */
  gap: Type.Integer(),
  level: Type.Union([Type.Literal('ok'), Type.Literal('short')]),
  sites: Type.Object({ inUse: Count, standby: Count, notReady: Count }),
});
export type DemandRow = Static<typeof DemandRowView>;

export const DemandView = Type.Object({
  jurisdiction: Place,
  asOf: DateTime,
  roomsPerCase: Count,
  rows: Type.Array(DemandRowView),
  /** The scope's sum when it is wider than one county; counties short counted. */
  total: Nullable(Type.Object({ ...DemandRowView.properties, countiesShort: Count })),
});
export type Demand = Static<typeof DemandView>;

const RoomsByState = Type.Object({
  total: Count,
  ready: Count,
  occupied: Count,
  cleaning: Count,
  outOfService: Count,
});

export const OccupancySiteView = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  purposes: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('in_use'), Type.Literal('standby'), Type.Literal('not_ready')]),
  jurisdictionCode: Type.String(),
  countyCode: Type.String(),
  countyName: Type.String(),
  rooms: RoomsByState,
  inRoom: Count,
  awaitingArrival: Count,
  endingToday: Count,
  endingTomorrow: Count,
});

export const HomeIsolationView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  atHome: Count,
  endingToday: Count,
  endingTomorrow: Count,
});

export const OccupancyView = Type.Object({
  jurisdiction: Place,
  /** The local date in the jurisdiction's zone that "ending today" counts. */
  today: IsoDate,
  sites: Type.Array(OccupancySiteView),
  homeIsolation: Type.Array(HomeIsolationView),
});
export type Occupancy = Static<typeof OccupancyView>;
