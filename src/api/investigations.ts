import { type Static, Type } from 'typebox';
import { DateTime, JurisdictionCode, Nullable, Page, SafeText, Uuid } from './common.js';

/** Epidemiological investigations (EPI-1, EPI-2, EPI-6): the workspace of a case's investigation. */

/** A report's paragraphs: safe text that may hold line breaks (no markup, no other control characters). */
const Paragraphs = (maxLength: number, options: { minLength?: number } = {}) =>
  Type.String({
    maxLength,
    pattern: '^[^<>\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f]*$',
    ...options,
  });

export const INVESTIGATION_STATUS_VALUES = [
  'open',
  'first_done',
  'submitted',
  'returned',
  'released',
  'closed',
] as const;
export const InvestigationStatus = Type.Enum(INVESTIGATION_STATUS_VALUES);

const DeadlineState = Type.Enum(['open', 'due_soon', 'overdue', 'done', 'cancelled']);

/** One of the two EPI-1 deadlines, as the deadlines table holds it. */
const DeadlineBrief = Type.Object({
  dueAt: DateTime,
  state: DeadlineState,
  doneAt: Nullable(DateTime),
});

export const InvestigationSummary = Type.Object({
  id: Uuid,
  caseId: Uuid,
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  personName: Type.String(),
  personIdNumberMasked: Type.String(),
  classification: Type.String(),
  caseStatus: Type.String(),
  reportedAt: DateTime,
  status: InvestigationStatus,
  investigatorId: Nullable(Uuid),
  investigatorName: Nullable(Type.String()),
  teamId: Nullable(Uuid),
  teamName: Nullable(Type.String()),
  openedAt: DateTime,
  first: DeadlineBrief,
  complete: DeadlineBrief,
  submittedAt: Nullable(DateTime),
  releasedAt: Nullable(DateTime),
  version: Type.Integer(),
});
export type InvestigationSummary = Static<typeof InvestigationSummary>;

export const TimelineSource = Type.Enum(['interview', 'check_in', 'checkpoint', 'sample', 'arrival']);

/** One place and time of the EPI-2 timeline; only interview entries are editable. */
export const TimelineEntry = Type.Object({
  id: Type.String(),
  source: TimelineSource,
  at: DateTime,
  until: Nullable(DateTime),
  place: Type.String(),
  activity: Nullable(Type.String()),
  peopleMet: Nullable(Type.String()),
  /** An auto entry's code: a check-in's channel, a pass's direction, a sample's result. */
  detail: Nullable(Type.String()),
  editable: Type.Boolean(),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

export const ExposureKind = Type.Enum(['person', 'place', 'goods', 'travel', 'unknown']);
export const Certainty = Type.Enum(['confirmed', 'probable', 'possible']);
export const SampleResult = Type.Enum(['not_sampled', 'pending', 'negative', 'positive']);

export const ExposureView = Type.Object({
  id: Uuid,
  kind: ExposureKind,
  description: Type.String(),
  evidence: Nullable(Type.String()),
  certainty: Certainty,
  likelySource: Type.Boolean(),
  createdAt: DateTime,
});

export const GoodsView = Type.Object({
  id: Uuid,
  item: Type.String(),
  origin: Nullable(Type.String()),
  batch: Nullable(Type.String()),
  foundAtPlace: Nullable(Type.String()),
  sampleResult: SampleResult,
  note: Nullable(Type.String()),
  createdAt: DateTime,
});

export const InvestigationDetail = Type.Object({
  ...InvestigationSummary.properties,
  personId: Uuid,
  onsetAt: Nullable(DateTime),
  sampledAt: Nullable(DateTime),
  firstDoneAt: Nullable(DateTime),
  firstSummary: Nullable(Type.String()),
  report: Type.String(),
  submittedByName: Nullable(Type.String()),
  submittedBy: Nullable(Uuid),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(DateTime),
  returnReason: Nullable(Type.String()),
  closedAt: Nullable(DateTime),
  closeReason: Nullable(Type.String()),
  /** EPI-2's look-back: where it starts and from what (onset, sampling or report). */
  window: Type.Object({ from: DateTime, to: DateTime, anchor: Type.Enum(['onset', 'sampling', 'report']) }),
  timeline: Type.Array(TimelineEntry),
  exposures: Type.Array(ExposureView),
  goods: Type.Array(GoodsView),
  /** What the caller may do now (the page shows only these controls). */
  may: Type.Object({
    edit: Type.Boolean(),
    recordFirst: Type.Boolean(),
    submit: Type.Boolean(),
    review: Type.Boolean(),
    assign: Type.Boolean(),
  }),
});
export type InvestigationDetail = Static<typeof InvestigationDetail>;

export const InvestigationQuery = Type.Object(
  {
    jurisdiction: Type.Optional(JurisdictionCode),
    /** A status, or 'under_way' for open, first done and returned together. */
    status: Type.Optional(Type.Union([InvestigationStatus, Type.Literal('under_way')])),
    /** 'first' | 'complete': only those whose first / complete investigation is overdue. */
    overdue: Type.Optional(Type.Enum(['first', 'complete', 'any'])),
    /** Those awaiting review (submitted). */
    investigatorId: Type.Optional(Uuid),
    caseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const InvestigationPage = Page(InvestigationSummary);

export const AssignBody = Type.Object(
  {
    investigatorId: Type.Optional(Nullable(Uuid)),
    teamId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const EntryBody = Type.Object(
  {
    /** Client-given id: a retried submission returns the stored entry. */
    id: Type.Optional(Uuid),
    place: SafeText(200, { minLength: 1 }),
    fromAt: DateTime,
    toAt: Type.Optional(Nullable(DateTime)),
    activity: Type.Optional(Nullable(SafeText(500))),
    peopleMet: Type.Optional(Nullable(SafeText(500))),
  },
  { additionalProperties: false },
);
export type EntryInput = Static<typeof EntryBody>;

export const ExposureBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    kind: ExposureKind,
    description: SafeText(500, { minLength: 1 }),
    evidence: Type.Optional(Nullable(SafeText(1000))),
    certainty: Certainty,
    likelySource: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ExposureInput = Static<typeof ExposureBody>;

export const GoodsBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    item: SafeText(200, { minLength: 1 }),
    origin: Type.Optional(Nullable(SafeText(200))),
    batch: Type.Optional(Nullable(SafeText(100))),
    foundAtPlace: Type.Optional(Nullable(SafeText(200))),
    sampleResult: Type.Optional(SampleResult),
    note: Type.Optional(Nullable(SafeText(500))),
  },
  { additionalProperties: false },
);
export type GoodsInput = Static<typeof GoodsBody>;

export const ReportBody = Type.Object(
  { report: Paragraphs(20000), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const FirstBody = Type.Object(
  { summary: Paragraphs(2000, { minLength: 1 }) },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('release'), Type.Literal('return')]),
    reason: Type.Optional(SafeText(500)),
  },
  { additionalProperties: false },
);

export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const WorkloadQuery = Type.Object(
  { jurisdiction: Type.Optional(JurisdictionCode) },
  { additionalProperties: false },
);

/** Contract 4 of issue 15: the teams page shows it (EPI-6 workload per investigator). */
export const Workload = Type.Object({
  items: Type.Array(
    Type.Object({
      userId: Uuid,
      displayName: Type.String(),
      open: Type.Integer(),
      overdue: Type.Integer(),
      completedLast7Days: Type.Integer(),
    }),
  ),
});
