import { dayCounter } from './calendar.js';
import { coarseReading, highRiskCity } from './originReading.js';

export { divisionPrefix } from './originReading.js';

import type { ArrivalFacts, Match, OriginRisk, Pack, Protocol, Range, RiskLevel } from './types.js';

/** The facts as a pack sees them, after its overrides (ARR-9) and the derived day counts. */
export interface EffectiveFacts {
  origin: ArrivalFacts['origin'];
  originRisk?: OriginRisk;
  originDistrictRisk?: RiskLevel;
  /** Absent means none: a traveller who did no isolation at a port (ARR-1). */
  portIsolationDays: number;
  /** Calendar days from the entry to the arrival here, in the jurisdiction's zone (ARR-2). */
  daysSinceEntry?: number;
  contact?: ArrivalFacts['contact'];
  returnee?: ArrivalFacts['returnee'];
  truckCrew: boolean;
}

const LEVEL: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

/** An area's own high or medium level implies at least that level for the district it lies in. */
function districtRisk(area: OriginRisk | undefined, district: RiskLevel | undefined): RiskLevel | undefined {
  const fromArea = area === 'high' || area === 'medium' ? area : undefined;
  if (!fromArea) return district;
  if (!district) return fromArea;
  return LEVEL[fromArea] > LEVEL[district] ? fromArea : district;
}

export function effectiveFacts(facts: ArrivalFacts, pack: Pack): EffectiveFacts {
  const high = highRiskCity(facts, pack) !== undefined;
  const coarse = coarseReading(facts, pack);
  const originRisk = high ? 'high' : coarse?.reading === 'cautious' ? coarse.finerRisk : facts.originRisk;
  return {
    origin: facts.origin,
    originRisk,
    originDistrictRisk: high ? 'high' : districtRisk(originRisk, facts.originDistrictRisk),
    portIsolationDays: facts.portIsolationDays ?? 0,
    daysSinceEntry: facts.enteredAt
      ? dayCounter(facts.enteredAt, facts.timeZone).dayOf(facts.arrivedAt)
      : undefined,
    contact: facts.contact,
    returnee: facts.returnee,
    truckCrew: facts.truckCrew === true,
  };
}

function inRange(value: number | undefined, range: Range | undefined): boolean {
  if (!range) return true;
  if (value === undefined) return false;
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

function within<T>(value: T | undefined, allowed: T[] | undefined): boolean {
  return !allowed || (value !== undefined && allowed.includes(value));
}

/** Every criterion the match names must hold; a criterion it leaves out holds for anyone. */
function matches(match: Match, facts: EffectiveFacts): boolean {
  return (
    (match.origin === undefined || match.origin === facts.origin) &&
    within(facts.originRisk, match.originRisk) &&
    within(facts.originDistrictRisk, match.originDistrictRisk) &&
    (match.contact === undefined || match.contact === facts.contact) &&
    (match.returnee === undefined || match.returnee === facts.returnee) &&
    (match.truckCrew === undefined || match.truckCrew === facts.truckCrew) &&
    inRange(facts.portIsolationDays, match.portIsolationDays) &&
    inRange(facts.daysSinceEntry, match.daysSinceEntry)
  );
}

/** The protocol an arrival gets: among those that match, the one with the highest priority. */
export function matchProtocol(facts: ArrivalFacts, pack: Pack): Protocol | undefined {
  const effective = effectiveFacts(facts, pack);
  let best: Protocol | undefined;
  for (const protocol of pack.protocols) {
    if (matches(protocol.match, effective) && (!best || protocol.priority > best.priority)) best = protocol;
  }
  return best;
}
