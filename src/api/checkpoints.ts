import { type Static, Type } from 'typebox';
import { HEALTH_CODES, PASS_OUTCOMES } from '../rules/checkpointOutcome.js';
import { DateTime, JurisdictionCode, Nullable, OptionalNullable, SafeText, Uuid } from './common.js';

/** Checkpoints and stations (三站一场) and the travellers logged there (HC-3, ARR-15). */
/** 三站一场 and road checkpoints (ARR-15; 004 §3 “机场、火车站,高速公路、国省干道…设置防疫检查点”). */
export const CHECKPOINT_KINDS = ['highway', 'railway_station', 'bus_station', 'airport', 'port'] as const;
export const PASS_REASONS = [
  'fever',
  'health_code',
  'origin_risk',
  'origin_district_risk',
  'overseas',
] as const;
export { HEALTH_CODES, PASS_OUTCOMES };

export const CheckpointKind = Type.Enum(CHECKPOINT_KINDS);
export const HealthCode = Type.Enum(HEALTH_CODES);
export const PassOutcome = Type.Enum(PASS_OUTCOMES);

export const CheckpointView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  name: Type.String(),
  kind: CheckpointKind,
  active: Type.Boolean(),
  /** HC-3: the NAT proof must be sampled within this many hours before the pass (set, else 48, seed 004 §3). */
  natWithinHours: Type.Integer(),
  /** Whether the checkpoint sets its own hours (false: the default of 48 applies). */
  natWithinHoursSet: Type.Boolean(),
});

/** HC-3 (004 §3 “查验…48 小时核酸检测阴性证明”): the default window of a NAT proof, in hours. */
export const DEFAULT_NAT_WITHIN_HOURS = 48;
export const NatWithinHours = Type.Integer({ minimum: 1, maximum: 168 });

export const CheckpointBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    name: SafeText(60, { minLength: 1 }),
    kind: CheckpointKind,
    jurisdictionCode: JurisdictionCode,
    natWithinHours: OptionalNullable(NatWithinHours),
  },
  { additionalProperties: false },
);

/** A checkpoint's settings (HC-3): the NAT proof's window; null returns to the default (48 h). */
export const CheckpointPatchBody = Type.Object(
  { natWithinHours: Nullable(NatWithinHours) },
  { additionalProperties: false },
);

export const PASS_DIRECTIONS = ['in', 'out'] as const;
export const PassDirection = Type.Enum(PASS_DIRECTIONS);
/** The NAT proof against the checkpoint's window: valid, too old, or none shown. */
export const NAT_PROOFS = ['valid', 'expired', 'missing'] as const;
export const NatProof = Type.Enum(NAT_PROOFS);

/** One traveller at the checkpoint (HC-3); empty optional fields are null. */
export const PassBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    name: SafeText(50, { minLength: 1 }),
    idNumber: SafeText(30, { minLength: 1 }),
    phone: OptionalNullable(SafeText(20)),
    healthCode: HealthCode,
    temperature: Type.Number({ minimum: 30, maximum: 45 }),
    origin: Type.Union([Type.Literal('domestic'), Type.Literal('overseas')]),
    originDivisionCode: OptionalNullable(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$', maxLength: 12 })),
    originName: OptionalNullable(SafeText(100)),
    originCountry: OptionalNullable(SafeText(60)),
    leftOriginAt: OptionalNullable(DateTime),
    natAt: OptionalNullable(DateTime),
    destinationCode: JurisdictionCode,
    plate: OptionalNullable(SafeText(12)),
    /** HC-3: 进 (in) or 出 (out). */
    direction: OptionalNullable(PassDirection),
    /** HC-3: the itinerary card (行程卡) shown or not, and the places it listed. */
    itineraryShown: OptionalNullable(Type.Boolean()),
    itineraryPlaces: Type.Optional(Type.Array(SafeText(40, { minLength: 1 }), { maxItems: 20 })),
    registerEveryArrival: Type.Optional(Type.Boolean({ description: 'ARR-9: register every arrival' })),
  },
  { additionalProperties: false },
);

/** A logged pass as staff see it: identity masked, the outcome with its reasons (ARR-15, HC-3). */
export const PassView = Type.Object({
  id: Type.String(),
  checkpointId: Type.String(),
  passedAt: Type.String(),
  personName: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  healthCode: HealthCode,
  temperature: Type.Number(),
  origin: Type.Enum(['domestic', 'overseas']),
  originDivisionCode: Nullable(Type.String()),
  originName: Nullable(Type.String()),
  // The registry's classification when the traveller left the origin (ARR-7, ARR-9).
  originRisk: Nullable(Type.Enum(['high', 'medium', 'low', 'key_concern'])),
  originDistrictRisk: Nullable(Type.Enum(['high', 'medium', 'low'])),
  natAt: Nullable(Type.String()),
  destinationCode: Type.String(),
  plate: Nullable(Type.String()),
  outcome: PassOutcome,
  reasons: Type.Array(Type.Enum(PASS_REASONS)),
  arrivalId: Nullable(Type.String()),
  handover: Nullable(Type.Enum(['registered', 'outside_scope'])),
  /** HC-3; null on passes logged before directions were recorded (shown as 未记录). */
  direction: Nullable(PassDirection),
  /** The window the NAT proof was checked against (null on old passes: the default 48 h applies). */
  natWithinHours: Nullable(Type.Integer()),
  natProof: NatProof,
  /** null: not recorded (old passes). */
  itineraryShown: Nullable(Type.Boolean()),
  itineraryPlaces: Type.Array(Type.String()),
  /** A NAT proof missing or too old, or the itinerary card not shown. */
  missingProof: Type.Boolean(),
});

/** What registering the traveller as an arrival gave: the plan now on the community's lists. */
export const RegistrationView = Type.Object({
  arrivalId: Type.String(),
  personId: Type.String(),
  created: Type.Boolean(),
  rule: Nullable(Type.String()),
  protocolId: Nullable(Type.String()),
  /** The protocol's name in both languages, as the page says it (never its id). */
  protocolTitle: Nullable(Type.Object({ zh: Type.String(), en: Type.String() })),
  releaseDate: Nullable(Type.String()),
  /** Item 21: the plan has a controlling phase; a register-only plan (ARR-8) puts nobody under control. */
  underControl: Type.Boolean(),
});

export const LoggedPassView = Type.Object({ pass: PassView, registration: Nullable(RegistrationView) });

export const PassCountsView = Type.Object({
  total: Type.Integer(),
  pass: Type.Integer(),
  medical: Type.Integer(),
  hold: Type.Integer(),
  registerAndHandOver: Type.Integer(),
  fever: Type.Integer(),
  held: Type.Integer(),
  handedOver: Type.Integer(),
  directionIn: Type.Integer(),
  directionOut: Type.Integer(),
  missingProof: Type.Integer(),
});

/** A day's passes at one checkpoint, newest first, with the day's counts. */
export const PassDayView = Type.Object({
  date: Type.String(),
  items: Type.Array(PassView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  counts: PassCountsView,
});

export type CheckpointKind = Static<typeof CheckpointKind>;
export type HealthCode = Static<typeof HealthCode>;
export type PassOutcome = Static<typeof PassOutcome>;
export type Checkpoint = Static<typeof CheckpointView>;
export type CheckpointBody = Static<typeof CheckpointBody>;
export type CheckpointPatchBody = Static<typeof CheckpointPatchBody>;
export type PassDirection = Static<typeof PassDirection>;
export type NatProof = Static<typeof NatProof>;
export type PassBody = Static<typeof PassBody>;
export type Pass = Static<typeof PassView>;
export type Registration = Static<typeof RegistrationView>;
export type LoggedPass = Static<typeof LoggedPassView>;
export type PassCounts = Static<typeof PassCountsView>;
export type PassDay = Static<typeof PassDayView>;
