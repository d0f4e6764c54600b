import { type Static, Type } from 'typebox';
import { ID_TYPES } from '../rules/idNumber.js';
import type { Plan, PlanRisk, PlanTest } from '../rules/policy/types.js';
import {
  DateTime,
  JurisdictionCode,
  Nullable,
  OptionalNullable,
  Page,
  Paging,
  SafeText,
  Uuid,
} from './common.js';

/** Arrivals from every channel (ARR-11 … ARR-15) and the plans the pack made for them (ARR-1 … ARR-10). */
export const ARRIVAL_CHANNELS = [
  'checkpoint',
  'station',
  'push_list',
  'landing_code',
  'truck',
  'cadre_return',
  'manual',
] as const;
/**
 * As shown, following the plan (item 21): under control only while a controlling phase runs;
 * registered when the plan has no phase (ARR-8); released once the plan has ended; at the CDC
 * while an origin known only to a level holding a published area awaits review (B7), or while
 * no protocol matches or no pack was in force on the arrival date (issue 12 Deliver 5); reviewed
 * once the CDC decided it without a plan.
 */
export const ARRIVAL_STATUSES = [
  'under_control',
  'registered',
  'origin_review',
  'no_protocol',
  'no_pack',
  'reviewed',
  'released',
] as const;
/** Why an arrival waits for the CDC: its status while it waits. */
export const REVIEW_REASONS = ['origin_review', 'no_protocol', 'no_pack'] as const;
/** What the CDC decided for an arrival planned by nothing: no measures, or measures arranged by hand. */
export const REVIEW_DECISIONS = ['no_measures', 'measures_arranged'] as const;
export const ORIGIN_RISKS = ['high', 'medium', 'low', 'key_concern'] as const;
export const DISTRICT_RISKS = ['high', 'medium', 'low'] as const;
export const PLAN_STATUSES = ['active', 'superseded', 'completed'] as const;
export const EVENT_RESULTS = ['negative', 'positive', 'done'] as const;

export const ArrivalChannel = Type.Enum(ARRIVAL_CHANNELS);
export const ArrivalStatus = Type.Enum(ARRIVAL_STATUSES);
export const ArrivalOrigin = Type.Enum(['overseas', 'domestic']);
export const EventResult = Type.Enum(EVENT_RESULTS);

/** An arrival on a list: the person masked, the active plan summarised. */
export const ArrivalSummaryView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  personId: Type.String(),
  personName: Type.String(),
  idNumberMasked: Type.String(),
  channel: ArrivalChannel,
  origin: ArrivalOrigin,
  originDivisionCode: Nullable(Type.String()),
  originName: Nullable(Type.String()),
  // ARR-7: the highest level in force where and when the person was there, or as reclassified.
  originRisk: Nullable(Type.Enum(ORIGIN_RISKS)),
  originDistrictRisk: Nullable(Type.Enum(DISTRICT_RISKS)),
  arrivedAt: Type.String(),
  status: ArrivalStatus,
  ruleId: Nullable(Type.String()),
  protocolId: Nullable(Type.String()),
  /** The protocol's name in both languages, as pages show it (never its id). */
  protocolTitle: Nullable(Type.Object({ zh: Type.String(), en: Type.String() })),
  packId: Nullable(Type.String()),
  packVersion: Nullable(Type.String()),
  releaseDate: Nullable(Type.String()),
  /** B7: the origin's risk as the active plan used it, and why (an override, a coarse origin). */
  planRisk: Nullable(Type.Unsafe<PlanRisk>(Type.Unknown())),
});

export const ArrivalPageView = Page(ArrivalSummaryView);

export const PlanEventView = Type.Object({
  planId: Type.String(),
  item: Type.String(),
  result: EventResult,
  at: Type.String(),
  /** Issue 12 Deliver 4: the test actually done ("test:nat:d1") when this result counts for a moved one. */
  satisfiedBy: Nullable(Type.String()),
});

/** A plan as stored: the engine's Plan (src/rules/policy/types.ts), with instants as JSON strings. */
export type PlanJson = Omit<Plan, 'tests'> & { tests: Array<Omit<PlanTest, 'dueAt'> & { dueAt: string }> };

/** The plan is sent as the engine wrote it; its shape is the engine's type, not restated here. */
export const StoredPlanView = Type.Object({
  id: Type.String(),
  status: Type.Enum(PLAN_STATUSES),
  createdAt: Type.String(),
  plan: Type.Unsafe<PlanJson>(Type.Unknown()),
  /** Issue 12 Deliver 7: the plan that replaced this one (its version and creation say which and when). */
  supersededBy: Nullable(Type.String()),
});

/** An item of the active plan still owed, with its due time; `catchUp` when its own day had passed when opened. */
export const PlanWorkView = Type.Object({
  item: Type.String(),
  dueAt: Type.String(),
  catchUp: Type.Boolean(),
});

export const ArrivalDetailView = Type.Object({
  ...ArrivalSummaryView.properties,
  leftOriginAt: Type.String(),
  enteredAt: Nullable(Type.String()),
  originCountry: Nullable(Type.String()),
  portIsolationDays: Type.Union([Type.Integer(), Type.Null()]),
  contact: Nullable(Type.Literal('close_contact_of_inbound_positive')),
  returnee: Nullable(Type.Literal('rural')),
  truckCrew: Type.Boolean(),
  homeIsolationConditions: Type.Union([Type.Boolean(), Type.Null()]),
  negativeNatAt: Nullable(Type.String()),
  greenHealthCode: Type.Union([Type.Boolean(), Type.Null()]),
  plans: Type.Array(StoredPlanView),
  events: Type.Array(PlanEventView),
  work: Type.Array(PlanWorkView),
  /** The CDC's decision on an arrival no plan covered (issue 12 Deliver 5), once settled. */
  reviewDecision: Nullable(
    Type.Object({ decision: Type.Enum(REVIEW_DECISIONS), reason: Type.String(), at: Type.String() }),
  ),
});

/** ARR-7: the arrivals from an area in the 14 days before it was published. */
export const LookbackView = Type.Object({
  items: Type.Array(ArrivalSummaryView),
  from: Type.String(),
  to: Type.String(),
});

/** POST /arrivals: an arrival registered by hand (ARR-15), for a known person or a new one. */
export const ArrivalBody = Type.Object(
  {
    person: Type.Union([
      Type.Object({ personId: Uuid }, { additionalProperties: false }),
      Type.Object(
        {
          name: SafeText(50, { minLength: 1 }),
          idType: Type.Optional(Type.Union(ID_TYPES.map((t) => Type.Literal(t)))),
          idNumber: SafeText(30, { minLength: 1 }),
          phone: OptionalNullable(SafeText(20)),
        },
        { additionalProperties: false },
      ),
    ]),
    jurisdictionCode: JurisdictionCode,
    origin: Type.Union([Type.Literal('overseas'), Type.Literal('domestic')]),
    originDivisionCode: OptionalNullable(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' })),
    originName: OptionalNullable(SafeText(100)),
    originCountry: OptionalNullable(SafeText(60)),
    leftOriginAt: OptionalNullable(DateTime),
    arrivedAt: DateTime,
    enteredAt: OptionalNullable(DateTime),
    portIsolationDays: OptionalNullable(Type.Integer({ minimum: 0, maximum: 60 })),
    contact: OptionalNullable(Type.Literal('close_contact_of_inbound_positive')),
    returnee: OptionalNullable(Type.Literal('rural')),
    truckCrew: Type.Optional(Type.Boolean()),
    homeIsolationConditions: OptionalNullable(Type.Boolean()),
    negativeNatAt: OptionalNullable(DateTime),
    greenHealthCode: OptionalNullable(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** POST /arrivals/:id/reclassify (ARR-7): the origin's risk as now known. */
export const ReclassifyBody = Type.Object(
  {
    originRisk: Type.Enum(ORIGIN_RISKS),
    originDistrictRisk: OptionalNullable(Type.Enum(DISTRICT_RISKS)),
    reason: SafeText(200, { minLength: 1 }),
  },
  { additionalProperties: false },
);

/** GET /arrivals/review: arrivals waiting for the CDC, oldest due first (issue 12 Deliver 5). */
export const ReviewQuery = Type.Object({
  jurisdiction: Type.Optional(JurisdictionCode),
  reason: Type.Optional(Type.Enum(REVIEW_REASONS)),
  ...Paging.properties,
});

const ReviewPackView = Type.Object({
  id: Type.String(),
  version: Type.String(),
  title: Type.Object({ zh: Type.String(), en: Type.String() }),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
});

/** The facts that matched nothing, as read at registration (the risk as the registry published it). */
const ReviewFactsView = Type.Object({
  origin: ArrivalOrigin,
  originDivisionCode: Nullable(Type.String()),
  originName: Nullable(Type.String()),
  originCountry: Nullable(Type.String()),
  originRisk: Nullable(Type.Enum(ORIGIN_RISKS)),
  originDistrictRisk: Nullable(Type.Enum(DISTRICT_RISKS)),
  originFinerRisk: Nullable(Type.Enum(ORIGIN_RISKS)),
  originOverrideName: Nullable(Type.String()),
  contact: Nullable(Type.Literal('close_contact_of_inbound_positive')),
  returnee: Nullable(Type.Literal('rural')),
  truckCrew: Type.Boolean(),
  portIsolationDays: Type.Union([Type.Integer(), Type.Null()]),
  enteredAt: Nullable(Type.String()),
  /** Calendar days from entry into the country to arrival here, in the destination's zone (ARR-2). */
  daysSinceEntry: Type.Union([Type.Integer(), Type.Null()]),
  homeIsolationConditions: Type.Union([Type.Boolean(), Type.Null()]),
  negativeNatAt: Nullable(Type.String()),
  greenHealthCode: Type.Union([Type.Boolean(), Type.Null()]),
});

const summary = ArrivalSummaryView.properties;

export const ReviewItemView = Type.Object({
  // Who and where, as on the arrivals list.
  id: summary.id,
  jurisdictionCode: summary.jurisdictionCode,
  jurisdictionName: summary.jurisdictionName,
  personId: summary.personId,
  personName: summary.personName,
  idNumberMasked: summary.idNumberMasked,
  channel: summary.channel,
  arrivedAt: summary.arrivedAt,
  reason: Type.Enum(REVIEW_REASONS),
  /** The arrival's local date; null on arrivals sent to review before it was recorded. */
  arrivalDate: Nullable(Type.String()),
  /** The pack that matched nothing, or the one governing now that was not in force on the date. */
  pack: Nullable(ReviewPackView),
  facts: ReviewFactsView,
  /** The CDC's open obligation for it; null when none is open (e.g. sent here by a pack change). */
  deadline: Nullable(Type.Object({ id: Type.String(), dueAt: Type.String(), overdue: Type.Boolean() })),
});
export const ReviewPageView = Page(ReviewItemView);

/** POST /arrivals/:id/review: the CDC settles an arrival planned by nothing, with the reason. */
export const SettleReviewBody = Type.Object(
  {
    decision: Type.Enum(REVIEW_DECISIONS),
    reason: SafeText(200, { minLength: 1 }),
  },
  { additionalProperties: false },
);

export type ArrivalChannel = Static<typeof ArrivalChannel>;
export type ArrivalStatus = Static<typeof ArrivalStatus>;
export type EventResult = Static<typeof EventResult>;
export type ArrivalSummary = Static<typeof ArrivalSummaryView>;
export type ArrivalPage = Static<typeof ArrivalPageView>;
export type PlanEvent = Static<typeof PlanEventView>;
export type StoredPlan = Static<typeof StoredPlanView>;
export type PlanWork = Static<typeof PlanWorkView>;
export type ArrivalDetail = Static<typeof ArrivalDetailView>;
export type Lookback = Static<typeof LookbackView>;
export type ArrivalBody = Static<typeof ArrivalBody>;
export type ReclassifyBody = Static<typeof ReclassifyBody>;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
export type ReviewItem = Static<typeof ReviewItemView>;
export type ReviewPage = Static<typeof ReviewPageView>;
export type SettleReviewBody = Static<typeof SettleReviewBody>;
