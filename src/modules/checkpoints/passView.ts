import { type Static, Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** A logged pass as staff see it: identity masked, the outcome with its reasons (ARR-15, HC-3). */
export const PassView = Type.Object({
  id: Type.String(),
  checkpointId: Type.String(),
  passedAt: Type.String(),
  personName: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  healthCode: Type.String(),
  temperature: Type.Number(),
  origin: Type.String(),
  originDivisionCode: Nullable(Type.String()),
  originName: Nullable(Type.String()),
  originRisk: Nullable(Type.String()),
  originDistrictRisk: Nullable(Type.String()),
  natAt: Nullable(Type.String()),
  destinationCode: Type.String(),
  plate: Nullable(Type.String()),
  outcome: Type.String(),
  reasons: Type.Array(Type.String()),
  arrivalId: Nullable(Type.String()),
  handover: Nullable(Type.String()),
});
export type PassView = Static<typeof PassView>;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const PASS_VIEW_SQL = `x.id, x.checkpoint_id AS "checkpointId", ${iso('x.passed_at')} AS "passedAt",
  x.person_name AS "personName", x.id_masked AS "idNumberMasked", x.phone_masked AS "phoneMasked",
  x.health_code AS "healthCode", x.temperature::float8 AS temperature, x.origin,
  x.origin_division_code AS "originDivisionCode", x.origin_name AS "originName", x.origin_risk AS "originRisk",
  x.origin_district_risk AS "originDistrictRisk", ${iso('x.nat_at')} AS "natAt",
  x.destination_code AS "destinationCode", x.plate, x.outcome, x.reasons, x.arrival_id AS "arrivalId", x.handover`;

/** What registering the traveller as an arrival gave: the plan now on the community's lists. */
export const Registration = Type.Object({
  arrivalId: Type.String(),
  personId: Type.String(),
  created: Type.Boolean(),
  rule: Nullable(Type.String()),
  protocolId: Nullable(Type.String()),
  releaseDate: Nullable(Type.String()),
});
export type Registration = Static<typeof Registration>;

export const PassCounts = Type.Object({
  total: Type.Integer(),
  pass: Type.Integer(),
  medical: Type.Integer(),
  hold: Type.Integer(),
  registerAndHandOver: Type.Integer(),
  fever: Type.Integer(),
  held: Type.Integer(),
  handedOver: Type.Integer(),
});
export type PassCounts = Static<typeof PassCounts>;
