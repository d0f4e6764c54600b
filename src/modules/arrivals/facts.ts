import type { ArrivalFacts, OriginRisk, RiskLevel } from '../../rules/policy/types.js';

/** An arrival as stored: the facts a plan is computed from, so a new pack can recompute it. */
export interface ArrivalRow {
  id: string;
  jurisdictionCode: string;
  personId: string;
  origin: 'overseas' | 'domestic';
  originDivisionCode: string | null;
  arrivedAt: Date;
  enteredAt: Date | null;
  portIsolationDays: number | null;
  contact: 'close_contact_of_inbound_positive' | null;
  returnee: 'rural' | null;
  truckCrew: boolean;
  homeIsolationConditions: boolean | null;
  negativeNatAt: Date | null;
  greenHealthCode: boolean | null;
  originRisk: OriginRisk | null;
  originDistrictRisk: RiskLevel | null;
  /** B7: the highest published level finer than the origin as reported. */
  originFinerRisk: OriginRisk | null;
  /** ARR-9: the HQ's whole-division override in force over the origin, by name. */
  originOverrideName: string | null;
}

/** The columns of an ArrivalRow, qualified by `alias` when given. */
export function arrivalColumns(alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `${a}id, ${a}jurisdiction_code AS "jurisdictionCode", ${a}person_id AS "personId", ${a}origin,
  ${a}origin_division_code AS "originDivisionCode", ${a}arrived_at AS "arrivedAt", ${a}entered_at AS "enteredAt",
  ${a}port_isolation_days AS "portIsolationDays", ${a}contact, ${a}returnee, ${a}truck_crew AS "truckCrew",
  ${a}home_isolation_conditions AS "homeIsolationConditions", ${a}negative_nat_at AS "negativeNatAt",
  ${a}green_health_code AS "greenHealthCode", ${a}origin_risk AS "originRisk",
  ${a}origin_district_risk AS "originDistrictRisk", ${a}origin_finer_risk AS "originFinerRisk",
  ${a}origin_override_name AS "originOverrideName"`;
}

const HOUR = 3_600_000;

export function factsOf(arrival: ArrivalRow, timeZone: string): ArrivalFacts {
  const arrivedAt = new Date(arrival.arrivedAt);
  const facts: ArrivalFacts = { arrivedAt, timeZone, origin: arrival.origin, truckCrew: arrival.truckCrew };
  if (arrival.originDivisionCode) facts.originDivisionCode = arrival.originDivisionCode;
  if (arrival.originRisk) facts.originRisk = arrival.originRisk;
  if (arrival.originDistrictRisk) facts.originDistrictRisk = arrival.originDistrictRisk;
  if (arrival.originFinerRisk) facts.originFinerRisk = arrival.originFinerRisk;
  if (arrival.originOverrideName) facts.originOverrideName = arrival.originOverrideName;
  if (arrival.enteredAt) facts.enteredAt = new Date(arrival.enteredAt);
  if (arrival.portIsolationDays !== null) facts.portIsolationDays = arrival.portIsolationDays;
  if (arrival.contact) facts.contact = arrival.contact;
  if (arrival.returnee) facts.returnee = arrival.returnee;
  if (arrival.homeIsolationConditions !== null)
    facts.homeIsolationConditions = arrival.homeIsolationConditions;
  if (arrival.greenHealthCode !== null) facts.greenHealthCode = arrival.greenHealthCode;
  if (arrival.negativeNatAt) {
    // Elapsed hours, not calendar days: "48 小时核酸检测阴性证明" counts hours.
    facts.negativeNatHoursBefore = (arrivedAt.getTime() - new Date(arrival.negativeNatAt).getTime()) / HOUR;
  }
  return facts;
}
