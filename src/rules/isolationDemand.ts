/**
 * ISO-2, 002 §25: "疫情发生地县（市、区）级领导小组（指挥部）要按照确诊病例数量合理确定隔离人员规模，原则上
 * 按照 1 例确诊病例配置 100 间隔离房间". The county sizes centralised isolation by its confirmed cases;
 * this weighs the rooms that ratio demands, and the rooms the people already owed a room need now,
 * against the rooms its sites hold.
 */

/** ISO-2: 100 isolation rooms per confirmed case (002 §25 "1 例确诊病例配置 100 间隔离房间"). */
export const ROOMS_PER_CONFIRMED_CASE = 100;

/** Rooms of one group of sites by state (isolation_rooms.state). */
export interface RoomStates {
  ready: number;
  occupied: number;
  cleaning: number;
  outOfService: number;
}

export interface DemandInput {
  /** Confirmed cases of the county still current (not discarded, not discharged). */
  confirmedCases: number;
  /** People in a room now (centralised stays in_room). */
  inRoom: number;
  /** People allocated a room, awaiting their transfer (centralised stays allocated). */
  awaitingArrival: number;
  /**
   * People owed centralised isolation with no room yet (the isolation queue): close and secondary
   * close contacts (EPI-4) and arrivals whose plan has a centralised phase not over.
   */
  queued: number;
  /** Rooms of the county's active sites in use (在用). */
  inUse: RoomStates;
  /** Rooms of the county's active sites on standby (备用). */
  standby: RoomStates;
}

interface Capacity {
  /** Rooms of active sites in use or on standby, out-of-service rooms not counted. */
  total: number;
  /** Ready rooms of sites in use: where a person can be placed today. */
  readyNow: number;
  occupied: number;
  cleaning: number;
  /** Usable rooms of standby sites (counted in total, not ready now). */
  standby: number;
  /** Rooms taken off the count (out of service), of sites in use or on standby. */
  outOfService: number;
}

export interface Demand {
  /** ISO-2: rooms the plan's ratio demands. */
  demanded: number;
  /** Rooms the people already owed one need: in a room, awaiting arrival, queued for a room. */
  neededNow: number;
  /** The larger of the two: the rooms the county must hold. */
  required: number;
  capacity: Capacity;
  /** required − capacity.total: short when positive, a surplus when negative. */
  gap: number;
  level: 'ok' | 'short';
}

const usable = (rooms: RoomStates) => rooms.ready + rooms.occupied + rooms.cleaning;

/**
 * ISO-2 for one county. Sites not ready (the five-in-place checklist incomplete, ISO-3) and inactive
 * sites hold no capacity. A standby site's rooms count towards capacity, since the plan keeps one
 * site in use and one on standby (ISO-1, "一用一备") as one reserve sized by the ratio, but not as
 * ready now: a standby site is opened before anyone is placed there. A room being cleaned counts,
 * as it turns back to ready within the day; one out of service does not.
 */
export function isolationDemand(input: DemandInput): Demand {
  const demanded = Math.max(0, input.confirmedCases) * ROOMS_PER_CONFIRMED_CASE;
  const neededNow = input.inRoom + input.awaitingArrival + input.queued;
  const required = Math.max(demanded, neededNow);
  const capacity: Capacity = {
    total: usable(input.inUse) + usable(input.standby),
    readyNow: input.inUse.ready,
    occupied: input.inUse.occupied + input.standby.occupied,
    cleaning: input.inUse.cleaning + input.standby.cleaning,
    standby: usable(input.standby),
    outOfService: input.inUse.outOfService + input.standby.outOfService,
  };
  const gap = required - capacity.total;
  return { demanded, neededNow, required, capacity, gap, level: gap > 0 ? 'short' : 'ok' };
}

/** The sum of several counties' figures (a city's or province's total row), gap re-read from the sum of gaps. */
export function sumDemand(rows: readonly Demand[]): Demand & { countiesShort: number } {
  const capacity: Capacity = { total: 0, readyNow: 0, occupied: 0, cleaning: 0, standby: 0, outOfService: 0 };
  let demanded = 0;
  let neededNow = 0;
  let required = 0;
  let shortfall = 0;
  for (const row of rows) {
    demanded += row.demanded;
    neededNow += row.neededNow;
    required += row.required;
    shortfall += Math.max(0, row.gap);
    for (const key of Object.keys(capacity) as Array<keyof Capacity>) capacity[key] += row.capacity[key];
  }
  // A county's spare rooms do not fill another county's shortfall (each county HQ sizes its own,
  // 002 §25 "县（市、区）级"): the total's gap is the sum of the counties' shortfalls.
  const countiesShort = rows.filter((row) => row.level === 'short').length;
  const gap = shortfall > 0 ? shortfall : required - capacity.total;
  return {
    demanded,
    neededNow,
    required,
    capacity,
    gap,
    level: shortfall > 0 ? 'short' : 'ok',
    countiesShort,
  };
}
