import { type Static, Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** An arrival on a list: the person masked, the active plan summarised. */
export const ArrivalSummary = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  personId: Type.String(),
  personName: Type.String(),
  idNumberMasked: Type.String(),
  channel: Type.String(),
  origin: Type.String(),
  originDivisionCode: Nullable(Type.String()),
  originName: Nullable(Type.String()),
  originRisk: Nullable(Type.String()),
  originDistrictRisk: Nullable(Type.String()),
  arrivedAt: Type.String(),
  status: Type.String(),
  ruleId: Nullable(Type.String()),
  protocolId: Nullable(Type.String()),
  packId: Nullable(Type.String()),
  packVersion: Nullable(Type.String()),
  releaseDate: Nullable(Type.String()),
});
export type ArrivalSummary = Static<typeof ArrivalSummary>;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const ARRIVAL_SUMMARY_SQL = `a.id, a.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = a.jurisdiction_code) AS "jurisdictionName",
  a.person_id AS "personId", p.name AS "personName", p.id_masked AS "idNumberMasked", a.channel, a.origin,
  a.origin_division_code AS "originDivisionCode", a.origin_name AS "originName", a.origin_risk AS "originRisk",
  a.origin_district_risk AS "originDistrictRisk", ${iso('a.arrived_at')} AS "arrivedAt", a.status,
  pl.rule_id AS "ruleId", pl.protocol_id AS "protocolId", pl.pack_id AS "packId", pl.pack_version AS "packVersion",
  to_char(pl.release_date, 'YYYY-MM-DD') AS "releaseDate"`;

export const ARRIVAL_SUMMARY_FROM = `arrivals a JOIN persons p ON p.id = a.person_id
  LEFT JOIN arrival_plans pl ON pl.arrival_id = a.id AND pl.status = 'active'`;

export const PlanEvent = Type.Object({
  planId: Type.String(),
  item: Type.String(),
  result: Type.String(),
  at: Type.String(),
});

/** The stored plan as JSON (see src/rules/policy/types.ts Plan); its shape is the engine's. */
export const StoredPlan = Type.Object({
  id: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  plan: Type.Unknown(),
});

export const ArrivalDetail = Type.Object({
  ...ArrivalSummary.properties,
  leftOriginAt: Type.String(),
  enteredAt: Nullable(Type.String()),
  originCountry: Nullable(Type.String()),
  portIsolationDays: Type.Union([Type.Integer(), Type.Null()]),
  contact: Nullable(Type.String()),
  returnee: Nullable(Type.String()),
  truckCrew: Type.Boolean(),
  homeIsolationConditions: Type.Union([Type.Boolean(), Type.Null()]),
  negativeNatAt: Nullable(Type.String()),
  greenHealthCode: Type.Union([Type.Boolean(), Type.Null()]),
  plans: Type.Array(StoredPlan),
  events: Type.Array(PlanEvent),
});
export type ArrivalDetail = Static<typeof ArrivalDetail>;
export { iso };
