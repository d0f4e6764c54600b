import { type Static, Type } from 'typebox';
import { ID_TYPES } from '../rules/idNumber.js';
import { DISCARD_REASONS, FEEDBACK_MEASURES, type ReportState, VERIFICATIONS } from '../rules/landing.js';
import { DateTime, Nullable, OptionalNullable, Page, SafeText, Uuid } from './common.js';

/** The landing code (落地码, ARR-11): the traveller's report, the staff's loop, the daily-clear board. */
export const REPORT_STATES = [
  'new',
  'looked',
  'pushed',
  'verified',
  'cleared',
  'discarded',
] as const satisfies readonly ReportState[];
/** Which part of the loop a list shows: the staff queue works on new/looked, communities on pushed. */
export const QUEUE_FILTERS = ['new', 'looked', 'pushed', 'cleared', 'discarded', 'open', 'all'] as const;
export const OBLIGATION_KINDS = [
  'phase',
  'test',
  'restriction',
  'shortfall',
  'release',
  'truck',
  'next',
] as const;
export { DISCARD_REASONS, FEEDBACK_MEASURES, VERIFICATIONS };

export const Verification = Type.Enum(VERIFICATIONS);
export const FeedbackMeasure = Type.Enum(FEEDBACK_MEASURES);
export const DiscardReason = Type.Enum(DISCARD_REASONS);

export const TextView = Type.Object({ zh: Type.String(), en: Type.String() });

export const LandingCodeParams = Type.Object({
  code: Type.String({ pattern: '^\\d{4}(\\d{2})?$', maxLength: 6 }),
});

/** A landing-code report (ARR-11): flat, so each field error lands on its form field. */
export const ReportBody = Type.Object(
  {
    name: SafeText(50, { minLength: 1 }),
    idType: Type.Optional(Type.Enum(ID_TYPES)),
    idNumber: SafeText(30, { minLength: 1 }),
    phone: SafeText(20, { minLength: 1 }),
    origin: Type.Union([Type.Literal('domestic'), Type.Literal('overseas')]),
    // B7: a district, or better its town or street (9 digits).
    originDivisionCode: OptionalNullable(Type.String({ pattern: '^\\d{6}(\\d{3})?$', maxLength: 9 })),
    originCountry: OptionalNullable(SafeText(60)),
    enteredAt: OptionalNullable(DateTime),
    portIsolationDays: OptionalNullable(Type.Integer({ minimum: 0, maximum: 60 })),
    leftOriginAt: DateTime,
    arrivedAt: DateTime,
    destinationCode: Type.String({ pattern: '^\\d{12}$', maxLength: 12 }),
    address: SafeText(200, { minLength: 1 }),
    homeIsolationConditions: Type.Boolean(),
    negativeNatAt: OptionalNullable(DateTime),
    itineraryStar: Type.Boolean(),
    truckDriver: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** The county or city a landing code belongs to. */
export const LandingAreaView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  fullName: Type.String(),
  level: Type.Enum(['city', 'county']),
});

/** The landing code for staff: the URL its QR code encodes, and the QR code as SVG. */
export const LandingCodeView = Type.Object({
  ...LandingAreaView.properties,
  url: Type.String(),
  svg: Type.String(),
  /**
   * The URL names a loopback address (127.0.0.1, localhost, ::1): no phone that scans the code
   * reaches it, so the page warns until FANGKONG_PUBLIC_URL is set.
   */
  loopback: Type.Boolean(),
});

/** A community or village of the landing code's area. */
export const PlaceView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  townName: Nullable(Type.String()),
});

/** A province, city or district a traveller may come from (GB/T 2260). */
export const OriginDivisionView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  leaf: Type.Boolean(),
});

/**
 * What the traveller sees after reporting: a receipt, what the reported facts call for, identity
 * only masked. The report is a claim: the same answer whether or not the ID number is registered.
 */
export const SubmittedView = Type.Object({
  id: Type.String(),
  receipt: Type.String(),
  created: Type.Boolean(),
  submittedAt: Type.String(),
  landing: Type.Object({ code: Type.String(), name: Type.String() }),
  destination: Type.Object({ code: Type.String(), name: Type.String() }),
  person: Type.Object({
    nameMasked: Type.String(),
    idNumberMasked: Type.String(),
    phoneMasked: Type.String(),
  }),
  obligations: Type.Object({
    matched: Type.Boolean(),
    /** B7: no measures yet: the CDC establishes where the traveller came from first. */
    originReview: Type.Boolean(),
    /** No protocol, or no pack in force on the arrival date, applies: the CDC decides the measures. */
    cdcReview: Type.Boolean(),
    headline: TextView,
    lines: Type.Array(Type.Object({ kind: Type.Enum(OBLIGATION_KINDS), text: TextView })),
  }),
});

/** A landing report on a staff list: identity masked, progress through the ARR-11 loop. */
export const ReportView = Type.Object({
  id: Type.String(),
  receipt: Type.String(),
  state: Type.Enum(REPORT_STATES),
  landingCode: Type.String(),
  destinationCode: Type.String(),
  destinationName: Nullable(Type.String()),
  address: Type.String(),
  /** Set once the community verified the report and staff matched it to a person (or registered one). */
  personId: Nullable(Type.String()),
  arrivalId: Nullable(Type.String()),
  match: Nullable(Type.Enum(['existing', 'registered'])),
  personName: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  origin: Type.Enum(['domestic', 'overseas']),
  originLabel: Nullable(Type.String()),
  leftOriginAt: Type.String(),
  arrivedAt: Type.String(),
  itineraryStar: Type.Boolean(),
  truckDriver: Type.Boolean(),
  enteredByStaff: Type.Boolean(),
  submittedAt: Type.String(),
  lookDueAt: Type.String(),
  lookedAt: Nullable(Type.String()),
  pushedAt: Nullable(Type.String()),
  pushedTo: Nullable(Type.String()),
  verifyDueAt: Nullable(Type.String()),
  verification: Nullable(Verification),
  verificationNote: Nullable(Type.String()),
  verifiedAt: Nullable(Type.String()),
  feedbackMeasures: Type.Array(FeedbackMeasure),
  feedbackNote: Nullable(Type.String()),
  feedbackAt: Nullable(Type.String()),
  cleared: Type.Boolean(),
  discardReason: Nullable(DiscardReason),
  discardNote: Nullable(Type.String()),
  discardedAt: Nullable(Type.String()),
  planTitle: Nullable(TextView),
  planRule: Nullable(Type.String()),
  releaseDate: Nullable(Type.String()),
});

export const ReportPageView = Page(ReportView);
export const PushedView = Type.Object({ pushed: Type.Integer() });

const Measures = Type.Array(FeedbackMeasure, {
  minItems: 1,
  maxItems: FEEDBACK_MEASURES.length,
});

/**
 * The community's verification (逐人核实). When the person was found, staff say who they are: one of
 * the candidates (`personId`) or a new person registered from the report (`registerNew`); only then
 * is the arrival registered and planned.
 */
export const VerifyBody = Type.Object(
  {
    verification: Verification,
    note: OptionalNullable(SafeText(200)),
    personId: OptionalNullable(Uuid),
    registerNew: Type.Optional(Type.Boolean()),
    measures: Type.Optional(Measures),
    feedbackNote: OptionalNullable(SafeText(200)),
  },
  { additionalProperties: false },
);

/** The county's staff set a claim aside (a duplicate, not genuine, a test): its workflow ends. */
export const DiscardBody = Type.Object(
  { reason: DiscardReason, note: OptionalNullable(SafeText(200)) },
  { additionalProperties: false },
);

/**
 * A registered person of the verifier's jurisdiction with the reported ID number (found by its keyed
 * hash), and how the record differs from what the traveller reported.
 */
export const CandidateView = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  nameDiffers: Type.Boolean(),
  phoneDiffers: Type.Boolean(),
  jurisdictionDiffers: Type.Boolean(),
});

/** A proof-of-work challenge (ALTCHA's format) that a public form solves when limits near. */
export const ChallengeView = Type.Object({
  algorithm: Type.String(),
  challenge: Type.String(),
  maxnumber: Type.Optional(Type.Integer()),
  salt: Type.String(),
  signature: Type.String(),
});

export const FeedbackBody = Type.Object(
  { measures: Measures, note: OptionalNullable(SafeText(200)) },
  { additionalProperties: false },
);

const Counts = {
  received: Type.Integer(),
  verified: Type.Integer(),
  fedBack: Type.Integer(),
  cleared: Type.Integer(),
  backlog: Type.Integer(),
  outstanding: Type.Integer(),
};

/** The daily-clear board (每日清零): per community, reports of the day, verified, outstanding. */
export const BoardView = Type.Object({
  date: Type.String(),
  timeZone: Type.String(),
  jurisdictionCode: Type.String(),
  clear: Type.Boolean(),
  total: Type.Object(Counts),
  communities: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Nullable(Type.String()),
      ...Counts,
      clear: Type.Boolean(),
    }),
  ),
});

export type Text = Static<typeof TextView>;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
export type ReportBody = Static<typeof ReportBody>;
export type LandingArea = Static<typeof LandingAreaView>;
export type LandingCodeInfo = Static<typeof LandingCodeView>;
export type Place = Static<typeof PlaceView>;
export type OriginDivision = Static<typeof OriginDivisionView>;
export type Submitted = Static<typeof SubmittedView>;
export type LandingReport = Static<typeof ReportView>;
export type ReportPage = Static<typeof ReportPageView>;
export type Pushed = Static<typeof PushedView>;
export type VerifyBody = Static<typeof VerifyBody>;
export type FeedbackBody = Static<typeof FeedbackBody>;
export type DiscardBody = Static<typeof DiscardBody>;
export type Candidate = Static<typeof CandidateView>;
export type ChallengeInfo = Static<typeof ChallengeView>;
export type DiscardReason = Static<typeof DiscardReason>;
export type Board = Static<typeof BoardView>;
export type Verification = Static<typeof Verification>;
export type FeedbackMeasure = Static<typeof FeedbackMeasure>;
