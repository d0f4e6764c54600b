import { type Static, Type } from 'typebox';
import { TRUCK_REJECT_REASONS, TRUCK_STATUSES } from '../rules/truckReport.js';
import { DateTime, JurisdictionCode, Nullable, OptionalNullable, Page, SafeText, Uuid } from './common.js';
import { CandidateView, OriginDivisionView } from './landing.js';

/** Truck pre-reports (ARR-12): the consignee's public form, the staff's list and workflow. */

/** One driver or passenger ("司乘人员"): name, GB 11643 ID number, phone. */
const CrewMemberBody = Type.Object(
  {
    name: SafeText(50, { minLength: 1 }),
    idNumber: SafeText(30, { minLength: 1 }),
    phone: SafeText(20, { minLength: 1 }),
  },
  { additionalProperties: false },
);

const reportFields = {
  unitName: SafeText(100, { minLength: 1 }),
  unitCreditCode: SafeText(30, { minLength: 1 }),
  plate: SafeText(20, { minLength: 1 }),
  plannedArrivalAt: DateTime,
  jurisdictionCode: JurisdictionCode,
  originDivisionCode: Type.String({ pattern: '^\\d{6}$', maxLength: 6 }),
  starred: Type.Boolean(),
  crew: Type.Array(CrewMemberBody, { minItems: 1, maxItems: 5 }),
};

/** The consignee's public form (ARR-12). */
export const PublicReportBody = Type.Object(reportFields, { additionalProperties: false });

/** Staff file the same report; `id` makes a retried submission return the stored one. */
export const StaffReportBody = Type.Object(
  { id: Type.Optional(Uuid), ...reportFields },
  { additionalProperties: false },
);

export const PublicReceipt = Type.Object({
  id: Type.String(),
  plate: Type.String(),
  plannedArrivalAt: Type.String(),
  late: Type.Boolean(),
  jurisdictionName: Type.String(),
  message: Type.String(),
  message_zh: Type.String(),
});

export const TruckStatus = Type.Enum(TRUCK_STATUSES);

export const TruckReportSummary = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  source: Type.Enum(['public', 'staff']),
  unitName: Type.String(),
  unitCreditCode: Type.String(),
  plate: Type.String(),
  plannedArrivalAt: Type.String(),
  originName: Type.String(),
  originDivisionCode: Type.Union([Type.String(), Type.Null()]),
  starred: Type.Boolean(),
  reportedAt: Type.String(),
  late: Type.Boolean(),
  leadMinutes: Type.Integer(),
  status: TruckStatus,
  escortName: Type.Union([Type.String(), Type.Null()]),
  escortAssignedAt: Type.Union([Type.String(), Type.Null()]),
  arrivedAt: Type.Union([Type.String(), Type.Null()]),
  leftAt: Type.Union([Type.String(), Type.Null()]),
  stayReason: Type.Union([Type.String(), Type.Null()]),
  stayFirstDate: Type.Union([Type.String(), Type.Null()]),
  stayLastDate: Type.Union([Type.String(), Type.Null()]),
  crewCount: Type.Integer(),
  /** When staff confirmed a public report with the consignee; a staff-filed one is verified as filed. */
  verifiedAt: Nullable(Type.String()),
  endReason: Nullable(Type.Enum([...TRUCK_REJECT_REASONS, 'called_off'])),
  endNote: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
});

export const CrewView = Type.Object({
  position: Type.Integer(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.String(),
  personId: Type.Union([Type.String(), Type.Null()]),
  arrivalId: Type.Union([Type.String(), Type.Null()]),
  match: Nullable(Type.Enum(['existing', 'registered'])),
});

export const TruckReportView = Type.Object({
  ...TruckReportSummary.properties,
  crew: Type.Array(CrewView),
});

export const TruckPageView = Page(TruckReportSummary);

/** A crew member's full ID number and phone, to reach the driver (audited). */
export const UnmaskedCrewView = Type.Object({ idNumber: Type.String(), phone: Type.String() });

/** A division to pick a destination (governed here) or an origin (GB/T 2260) on the public form. */
export const DivisionView = OriginDivisionView;

export const TruckQuery = Type.Object({
  jurisdiction: Type.Optional(JurisdictionCode),
  status: Type.Optional(TruckStatus),
  late: Type.Optional(Type.Boolean()),
  plate: Type.Optional(SafeText(20)),
});

export const EscortBody = Type.Object(
  { escortName: SafeText(50, { minLength: 1 }) },
  { additionalProperties: false },
);
export const AtBody = Type.Object({ at: DateTime }, { additionalProperties: false });
/**
 * Who a crew member is, chosen by staff before the crew becomes arrivals: a person of their
 * jurisdiction with the reported ID number (`personId`), or null to register a new person.
 */
export const CrewMatch = Type.Object(
  { position: Type.Integer({ minimum: 1, maximum: 5 }), personId: Nullable(Uuid) },
  { additionalProperties: false },
);

export const StayBody = Type.Object(
  {
    reason: SafeText(200, { minLength: 1 }),
    lastDate: Type.String({ format: 'date', maxLength: 10 }),
    /** Required on the first booking of a stay: the crew are registered as arrivals then. */
    crew: Type.Optional(Type.Array(CrewMatch, { maxItems: 5 })),
  },
  { additionalProperties: false },
);

/** Staff reject an unverified public report: it ends, touching no one. */
export const RejectBody = Type.Object(
  { reason: Type.Enum(TRUCK_REJECT_REASONS), note: OptionalNullable(SafeText(200)) },
  { additionalProperties: false },
);

/** A verified trip called off before the truck reached the checkpoint. */
export const CancelBody = Type.Object(
  { note: OptionalNullable(SafeText(200)) },
  { additionalProperties: false },
);

/** The candidates for each crew member: persons of the caller's jurisdiction with their ID number. */
export const CrewCandidatesView = Type.Array(
  Type.Object({ position: Type.Integer(), candidates: Type.Array(CandidateView) }),
);
export const UnmaskBody = Type.Object(
  { reason: SafeText(200, { minLength: 2 }) },
  { additionalProperties: false },
);

export type TruckStatus = Static<typeof TruckStatus>;
export type TruckReportInput = Static<typeof StaffReportBody>;
export type TruckReportBody = Static<typeof PublicReportBody>;
export type PublicReceipt = Static<typeof PublicReceipt>;
export type TruckReportSummary = Static<typeof TruckReportSummary>;
export type CrewView = Static<typeof CrewView>;
export type TruckReportView = Static<typeof TruckReportView>;
export type TruckPage = Static<typeof TruckPageView>;
export type UnmaskedCrew = Static<typeof UnmaskedCrewView>;
export type Division = Static<typeof DivisionView>;
export type CrewMatch = Static<typeof CrewMatch>;
export type CrewCandidates = Static<typeof CrewCandidatesView>;
export type RejectBody = Static<typeof RejectBody>;
export type TruckRejectReason = (typeof TRUCK_REJECT_REASONS)[number];
