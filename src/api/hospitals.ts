import { type Static, Type } from 'typebox';
import { DateTime, JurisdictionCode, Nullable, OptionalNullable, SafeText, Uuid } from './common.js';

/** Treatment (CAS-3, CAS-4): the hospital registry, readiness, transfers, stays and discharge. */

export const HOSPITAL_KIND_VALUES = ['designated', 'fever_clinic', 'mobile_cabin'] as const;
export const HOSPITAL_STATUS_VALUES = ['in_use', 'standby'] as const;
export const STAY_STATUS_VALUES = ['requested', 'departed', 'admitted', 'discharged', 'cancelled'] as const;
const SHORTFALL_CODES = ['icu_share', 'county_icu', 'county_negative_pressure', 'supply_days'] as const;

const Beds = Type.Integer({ minimum: 0, maximum: 100000 });

/** A hospital as registered or updated (hospital.write); `id` makes a retried registration return the stored one. */
export const HospitalBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    jurisdictionCode: JurisdictionCode,
    name: SafeText(100, { minLength: 1 }),
    kind: Type.Enum(HOSPITAL_KIND_VALUES),
    isCountyHospital: Type.Boolean(),
    status: Type.Enum(HOSPITAL_STATUS_VALUES),
    beds: Beds,
    icuBeds: Beds,
    negativePressureBeds: Beds,
    supplyDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    address: OptionalNullable(SafeText(200)),
  },
  { additionalProperties: false },
);
export type HospitalInput = Static<typeof HospitalBody>;

/** An update: the same fields but the jurisdiction, with the version read (a stale one is refused). */
export const HospitalUpdateBody = Type.Object(
  {
    name: SafeText(100, { minLength: 1 }),
    kind: Type.Enum(HOSPITAL_KIND_VALUES),
    isCountyHospital: Type.Boolean(),
    status: Type.Enum(HOSPITAL_STATUS_VALUES),
    beds: Beds,
    icuBeds: Beds,
    negativePressureBeds: Beds,
    supplyDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    address: OptionalNullable(SafeText(200)),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type HospitalUpdate = Static<typeof HospitalUpdateBody>;

const Shortfall = Type.Object({
  code: Type.Enum(SHORTFALL_CODES),
  actual: Type.Integer(),
  required: Type.Integer(),
});

export const HospitalView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  name: Type.String(),
  kind: Type.Enum(HOSPITAL_KIND_VALUES),
  isCountyHospital: Type.Boolean(),
  status: Type.Enum(HOSPITAL_STATUS_VALUES),
  beds: Type.Integer(),
  icuBeds: Type.Integer(),
  negativePressureBeds: Type.Integer(),
  supplyDays: Type.Integer(),
  address: Nullable(Type.String()),
  /** Patients admitted and not discharged, of every jurisdiction (CAS-4 counts the hospital's). */
  inHospital: Type.Integer(),
  confirmed: Type.Integer(),
  onTheWay: Type.Integer(),
  freeBeds: Type.Integer(),
  /** ICU beds as a whole percent of beds. */
  icuSharePct: Type.Integer(),
  shortfalls: Type.Array(Shortfall),
  /** CAS-4: whether cases may be admitted here (a designated hospital or an opened cabin). */
  admitsCases: Type.Boolean(),
  /** CAS-4: the 48-hour emptying, when owed: since when, due when, done when. */
  emptyingOwedAt: Nullable(Type.String()),
  emptyingDueAt: Nullable(Type.String()),
  emptiedAt: Nullable(Type.String()),
  emptyingOverdue: Type.Boolean(),
  /** Whether the caller may change it (its jurisdiction lies in their scope; hospital.write). */
  editable: Type.Boolean(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type HospitalView = Static<typeof HospitalView>;

export const Readiness = Type.Object({
  hospitals: Type.Integer(),
  beds: Type.Integer(),
  icuBeds: Type.Integer(),
  negativePressureBeds: Type.Integer(),
  icuSharePct: Type.Integer(),
  mobileCabins: Type.Integer(),
  mobileCabinsStandby: Type.Integer(),
  withShortfalls: Type.Integer(),
  inHospital: Type.Integer(),
  freeBeds: Type.Integer(),
});

export const HospitalListView = Type.Object({
  items: Type.Array(HospitalView),
  total: Type.Integer(),
  readiness: Readiness,
});

export const HospitalQuery = Type.Object({
  jurisdiction: Type.Optional(JurisdictionCode),
  kind: Type.Optional(Type.Enum(HOSPITAL_KIND_VALUES)),
  /** Only hospitals a case may be admitted to now (the transfer form's choices). */
  admitting: Type.Optional(Type.Boolean()),
  /** Only hospitals short of a CAS-4 figure. */
  shortfall: Type.Optional(Type.Boolean()),
  /** Only designated hospitals whose 48-hour emptying is owed and not yet recorded (CAS-4). */
  emptying: Type.Optional(Type.Literal('owed')),
});

/** CAS-3: a transfer to a designated hospital, requested for a case. */
export const TransferBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    caseId: Uuid,
    fromPlace: SafeText(100, { minLength: 1 }),
    fromHospitalId: OptionalNullable(Uuid),
    vehicle: OptionalNullable(SafeText(60)),
    escort: OptionalNullable(SafeText(60)),
  },
  { additionalProperties: false },
);
export type TransferInput = Static<typeof TransferBody>;

/** When the step happened; absent: now (the usual case, recorded as it happens). */
export const StepTimeBody = Type.Object({ at: Type.Optional(DateTime) }, { additionalProperties: false });

export const DischargeBody = Type.Object(
  { at: Type.Optional(DateTime), note: OptionalNullable(SafeText(200)) },
  { additionalProperties: false },
);

export const CancelStayBody = Type.Object(
  { reason: SafeText(200, { minLength: 1 }) },
  { additionalProperties: false },
);

export const EmptiedBody = Type.Object(
  { at: Type.Optional(DateTime), note: OptionalNullable(SafeText(200)) },
  { additionalProperties: false },
);

const FollowUpStep = Type.Object({
  title: Type.Object({ zh: Type.String(), en: Type.String() }),
  date: Type.String(),
  owner: Type.Union([Type.Literal('community'), Type.Literal('hospital')]),
});

export const StayView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  caseId: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  personIdNumberMasked: Type.String(),
  classification: Type.String(),
  severity: Nullable(Type.String()),
  hospitalId: Type.String(),
  hospitalName: Type.String(),
  fromPlace: Type.String(),
  fromHospitalName: Nullable(Type.String()),
  vehicle: Nullable(Type.String()),
  escort: Nullable(Type.String()),
  status: Type.Enum(STAY_STATUS_VALUES),
  requestedAt: Type.String(),
  transferDueAt: Type.String(),
  transferOverdue: Type.Boolean(),
  departedAt: Nullable(Type.String()),
  admittedAt: Nullable(Type.String()),
  dischargedAt: Nullable(Type.String()),
  dischargeNote: Nullable(Type.String()),
  /** The discharge plan's steps with their dates; `fromPack` false when the fallback plan was used. */
  followUp: Nullable(
    Type.Object({
      fromPack: Type.Boolean(),
      packId: Nullable(Type.String()),
      steps: Type.Array(FollowUpStep),
    }),
  ),
  version: Type.Integer(),
});
export type StayView = Static<typeof StayView>;

export const HospitalDetailView = Type.Object({
  hospital: HospitalView,
  stays: Type.Array(StayView),
});

/** A case that awaits its transfer (CAS-3): confirmed or asymptomatic, not in or on the way to a hospital. */
export const AwaitingView = Type.Object({
  caseId: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  classification: Type.String(),
  severity: Nullable(Type.String()),
  reportedAt: Type.String(),
  transferDueAt: Type.String(),
  overdue: Type.Boolean(),
});

export const AwaitingListView = Type.Object({ items: Type.Array(AwaitingView), total: Type.Integer() });

export const EvaluateBody = Type.Object(
  { jurisdiction: Type.Optional(JurisdictionCode) },
  { additionalProperties: false },
);
export const EvaluateView = Type.Object({
  transferDeadlinesOpened: Type.Integer(),
  emptyingOpened: Type.Integer(),
});
