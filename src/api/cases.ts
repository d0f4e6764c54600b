import { type Static, Type } from 'typebox';
import {
  DateTime,
  IsoDate,
  JurisdictionCode,
  Nullable,
  OptionalNullable,
  Page,
  SafeText,
  TubeBarcode,
  Uuid,
} from './common.js';

/** Cases (CAS-1, CAS-2): the infectious-disease report card, its history and the CDC's review. */

export const CASE_CLASSES = ['suspected', 'confirmed', 'asymptomatic'] as const;
export const CaseClass = Type.Enum(CASE_CLASSES);
export const SEVERITIES = ['mild', 'moderate', 'severe', 'critical'] as const;
export const Severity = Type.Enum(SEVERITIES);
export const CaseStatus = Type.Enum(['reported', 'reviewed', 'discarded'] as const);
const Origin = Type.Enum(['local', 'imported'] as const);

/** A person not yet registered, found or registered through the persons registry. */
const NewPerson = Type.Object(
  {
    name: SafeText(50, { minLength: 1 }),
    idNumber: Type.String({ minLength: 1, maxLength: 18 }),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    jurisdictionCode: JurisdictionCode,
  },
  { additionalProperties: false },
);

/**
 * The report card (传染病报告卡, CAS-1). Identity: the positive tube (its person), a registered
 * person, or a new one. The report time is the moment the card is submitted; a card opened from a
 * result takes its finding time from the result.
 */
export const ReportBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    tubeBarcode: Type.Optional(TubeBarcode),
    personId: Type.Optional(Uuid),
    person: Type.Optional(NewPerson),
    classification: CaseClass,
    severity: OptionalNullable(Severity),
    origin: Type.Optional(Origin),
    onsetAt: OptionalNullable(DateTime),
    sampledAt: OptionalNullable(DateTime),
    foundAt: Type.Optional(DateTime),
    confirmedAt: OptionalNullable(DateTime),
    reportingInstitution: SafeText(100, { minLength: 1 }),
    reportingDoctor: SafeText(50, { minLength: 1 }),
    exposureSummary: OptionalNullable(SafeText(1000)),
    currentLocation: OptionalNullable(SafeText(200)),
  },
  { additionalProperties: false },
);

export const ReclassifyBody = Type.Object(
  {
    classification: CaseClass,
    severity: OptionalNullable(Severity),
    confirmedAt: OptionalNullable(DateTime),
    reason: SafeText(500, { minLength: 2 }),
  },
  { additionalProperties: false },
);

export const DiscardBody = Type.Object(
  { reason: SafeText(500, { minLength: 2 }) },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  { note: Type.Optional(SafeText(500)) },
  { additionalProperties: false },
);

export const PrefillQuery = Type.Object({ tube: TubeBarcode });

export const CaseChangeView = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['report', 'reclassify', 'discard'] as const),
  fromClassification: Nullable(CaseClass),
  toClassification: CaseClass,
  fromSeverity: Nullable(Type.String()),
  toSeverity: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  changedByName: Type.String(),
  changedAt: Type.String(),
  reviewDueAt: Type.String(),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  /** Minutes the review came (or, still pending, is) past its 2 hours; 0 in time. */
  reviewLateMinutes: Type.Integer(),
});

export const CaseView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  /** Always masked: the card never carries a full ID number (open the person to unmask, audited). */
  personIdNumberMasked: Type.String(),
  classification: CaseClass,
  severity: Nullable(Severity),
  origin: Origin,
  status: CaseStatus,
  onsetAt: Nullable(Type.String()),
  sampledAt: Nullable(Type.String()),
  foundAt: Type.String(),
  reportedAt: Type.String(),
  confirmedAt: Nullable(Type.String()),
  reportingInstitution: Type.String(),
  reportingDoctor: Type.String(),
  reportedByName: Type.String(),
  exposureSummary: Nullable(Type.String()),
  currentLocation: Nullable(Type.String()),
  tubeBarcode: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  discardedAt: Nullable(Type.String()),
  discardReason: Nullable(Type.String()),
  /** Minutes the report came after its 2 hours from finding (CAS-2); 0 in time. */
  reportLateMinutes: Type.Integer(),
  /** The earliest review due among the changes awaiting the CDC, if any. */
  reviewDueAt: Nullable(Type.String()),
  awaitingReview: Type.Boolean(),
  version: Type.Integer(),
});

export const CaseDetail = Type.Object({
  ...CaseView.properties,
  history: Type.Array(CaseChangeView),
});

export const CasePageView = Page(CaseView);

export const CaseQuery = Type.Object({
  jurisdiction: Type.Optional(JurisdictionCode),
  classification: Type.Optional(CaseClass),
  status: Type.Optional(CaseStatus),
  /** Only cases not discarded (排除): the cases that count. */
  open: Type.Optional(Type.Boolean()),
  awaitingReview: Type.Optional(Type.Boolean()),
  personId: Type.Optional(Uuid),
  /** Reported on these local days of the jurisdiction, both included. */
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});

/** A card pre-filled from a positive individual result (CAS-2: the lab as finder). */
export const PrefillView = Type.Object({
  tubeBarcode: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  personIdNumberMasked: Type.String(),
  jurisdictionName: Type.String(),
  sampledAt: Nullable(Type.String()),
  foundAt: Type.String(),
  reportingInstitution: Type.String(),
  /** The person's open case, when one exists: report the result on it instead (one open case per person). */
  openCaseId: Nullable(Type.String()),
  /** When the report is due (2 hours from the result). */
  reportDueAt: Type.String(),
});

export const BOARD_KINDS = ['late_report', 'late_review', 'overdue', 'concealed'] as const;
export const BoardKind = Type.Enum(BOARD_KINDS);

export const BoardQuery = Type.Object({
  jurisdiction: Type.Optional(JurisdictionCode),
  kind: Type.Optional(BoardKind),
});

export const BoardRow = Type.Object({
  kind: BoardKind,
  caseId: Nullable(Type.String()),
  personId: Type.String(),
  personName: Type.String(),
  personIdNumberMasked: Type.String(),
  jurisdictionName: Type.String(),
  tubeBarcode: Nullable(Type.String()),
  /** Who owed the step: the reporting institution, the lab, or the reviewing CDC's county. */
  owner: Type.String(),
  /** When it was due, and when it was done (null: still not done). */
  dueAt: Type.String(),
  doneAt: Nullable(Type.String()),
  lateMinutes: Type.Integer(),
});

export const BoardView = Type.Object({
  counts: Type.Object({
    late_report: Type.Integer(),
    late_review: Type.Integer(),
    overdue: Type.Integer(),
    concealed: Type.Integer(),
  }),
  rows: Type.Array(BoardRow),
  /** Rows beyond this many are left out; counts are complete. */
  limit: Type.Integer(),
});

export type ReportInput = Static<typeof ReportBody>;
export type ReclassifyInput = Static<typeof ReclassifyBody>;
export type CaseView = Static<typeof CaseView>;
export type CaseDetail = Static<typeof CaseDetail>;
export type CaseChangeView = Static<typeof CaseChangeView>;
export type CaseQuery = Static<typeof CaseQuery>;
export type PrefillView = Static<typeof PrefillView>;
export type BoardKind = Static<typeof BoardKind>;
export type BoardRow = Static<typeof BoardRow>;
export type BoardView = Static<typeof BoardView>;
export type BoardQuery = Static<typeof BoardQuery>;
