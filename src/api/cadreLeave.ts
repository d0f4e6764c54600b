import { type Static, Type } from 'typebox';
import { DateTime, IsoDate, JurisdictionCode, Nullable, Page, SafeText, Uuid } from './common.js';

/** Cadre and staff leave (ARR-14): the application, its decision and the return report. */

const DivisionCode = Type.String({ pattern: '^\\d{6}$', maxLength: 6 });

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'returned', 'withdrawn'] as const;
export const LeaveStatus = Type.Enum(LEAVE_STATUSES);

/** An application to leave the city (ARR-14); `id` makes a retried submission return the stored one. */
export const ApplyBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    personId: Uuid,
    destinationName: SafeText(100, { minLength: 1 }),
    destinationDivisionCode: DivisionCode,
    reason: SafeText(200, { minLength: 1 }),
    leaveDate: IsoDate,
    plannedReturnDate: IsoDate,
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
    note: Type.Optional(SafeText(200)),
  },
  { additionalProperties: false },
);

/** Withdrawing a leave that will not be taken: why, in a word or a sentence. */
export const WithdrawBody = Type.Object(
  { reason: SafeText(200, { minLength: 1 }) },
  { additionalProperties: false },
);

/** The return report ("返赤后主动报备"): when they came back and from where. */
export const ReturnBody = Type.Object(
  {
    returnedAt: DateTime,
    /** Where they actually were, when it differs from the approved destination. */
    originDivisionCode: Type.Optional(DivisionCode),
    negativeNatAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
    homeIsolationConditions: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  },
  { additionalProperties: false },
);

/** The plan the return report's arrival was given. */
const PlanSummary = Type.Object({
  packId: Type.String(),
  packVersion: Type.String(),
  protocolId: Type.String(),
  /** The protocol's name in both languages, as pages show it (never its id). */
  protocolTitle: Type.Object({ zh: Type.String(), en: Type.String() }),
  ruleId: Type.String(),
  releaseDate: Type.String(),
});

export const LeaveView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  personIdNumberMasked: Type.String(),
  destinationName: Type.String(),
  destinationDivisionCode: Nullable(Type.String()),
  reason: Type.String(),
  leaveDate: Type.String(),
  plannedReturnDate: Type.String(),
  status: LeaveStatus,
  appliedByName: Type.String(),
  appliedAt: Type.String(),
  applicantScope: Type.String(),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  /** When the return report is due (an approved leave only). */
  returnDueAt: Nullable(Type.String()),
  returnOverdue: Type.Boolean(),
  returnedAt: Nullable(Type.String()),
  returnOriginName: Nullable(Type.String()),
  returnOriginDivisionCode: Nullable(Type.String()),
  returnReportedAt: Nullable(Type.String()),
  arrivalId: Nullable(Type.String()),
  plan: Type.Union([PlanSummary, Type.Null()]),
  /** A withdrawn leave: when, by whom and why. */
  withdrawnAt: Nullable(Type.String()),
  withdrawnByName: Nullable(Type.String()),
  withdrawalReason: Nullable(Type.String()),
});

export const LeavePageView = Page(LeaveView);

export const LeaveQuery = Type.Object({
  jurisdiction: Type.Optional(JurisdictionCode),
  status: Type.Optional(LeaveStatus),
  personId: Type.Optional(Uuid),
});

export type LeaveStatus = Static<typeof LeaveStatus>;
export type ApplyInput = Static<typeof ApplyBody>;
export type DecisionBody = Static<typeof DecisionBody>;
export type ReturnInput = Static<typeof ReturnBody>;
export type WithdrawInput = Static<typeof WithdrawBody>;
export type LeaveView = Static<typeof LeaveView>;
export type LeavePage = Static<typeof LeavePageView>;
