import { type Static, Type } from 'typebox';
import type { Pack } from '../rules/policy/types.js';
import { JurisdictionCode, Nullable } from './common.js';

export type { PackError } from '../rules/policy/packCheck.js';

/** Policy packs (ARR-1 … ARR-10), their assignment to jurisdictions, and the impact of a new version. */

/** A loaded pack version. */
export const PackSummaryView = Type.Object({
  id: Type.String(),
  version: Type.String(),
  titleZh: Type.String(),
  titleEn: Type.String(),
  authorityZh: Type.String(),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  protocols: Type.Integer(),
  loadedAt: Type.String(),
});

/** The pack is sent as stored; its shape is the pack type (src/rules/policy/types.ts), not restated here. */
export const PackDetailView = Type.Object({
  ...PackSummaryView.properties,
  content: Type.Unsafe<Pack>(Type.Unknown()),
  sourceText: Type.String(),
});

export const AssignmentView = Type.Object({
  jurisdictionCode: Type.String(),
  packId: Type.String(),
  packVersion: Type.String(),
});

/** The pack governing a jurisdiction, and the assignments within it. */
export const AssignmentsView = Type.Object({
  governing: Nullable(AssignmentView),
  within: Type.Array(AssignmentView),
});

const TEST_KINDS = ['nat', 'antigen', 'serum'] as const;

/** A test of a plan: its kind, plan day and date, parallel reagents (TST-10) and whether release waits for it. */
const PlanTestItem = Type.Object({
  kind: Type.Enum(TEST_KINDS),
  day: Type.Integer(),
  date: Type.String(),
  reagents: Type.Integer(),
  forRelease: Type.Boolean(),
});

/** A test the person has done: the result recorded on the plan's item, and the local date it was taken. */
const DoneTestItem = Type.Object({
  item: Type.String(),
  kind: Type.Enum(TEST_KINDS),
  date: Type.String(),
  reagents: Type.Integer(),
  result: Type.Union([Type.Literal('negative'), Type.Literal('positive')]),
  at: Type.String(),
});

const TextView = Type.Object({ zh: Type.String(), en: Type.String() });

const RESTRICTION_IDS = [
  'no_gatherings',
  'no_movement',
  'daily_health_report',
  'closed_loop_transfer',
  'register_with_community',
  'register_with_employer',
] as const;

/** A restriction of a plan and its local dates. */
const RestrictionItem = Type.Object({
  id: Type.Enum(RESTRICTION_IDS),
  startDate: Type.String(),
  endDate: Type.String(),
});

/**
 * One active plan a new version would change, per person (issue 12 Deliver 3, 4). `removedTests`
 * and `addedTests` read "nat@2026-11-30" or "nat@2026-11-30x2" (kept for API clients); `removed` and
 * `added` say the same as items. What the person has done: `satisfied` moved tests a done test
 * satisfies (with the reading's assumption), `refused` tests owed although a done test lay in their
 * window, `doneDropped` done tests the version no longer has, `addedInPast` tests it adds before
 * today with their catch-up due time (one per kind, the latest, besides release tests: `madeUp` the
 * others), `positive` moved tests that carry the person's positive result.
 */
export const PlanChangeView = Type.Object({
  arrivalId: Type.String(),
  planId: Type.String(),
  personName: Type.String(),
  idNumberMasked: Type.String(),
  fromPackId: Type.String(),
  fromVersion: Type.String(),
  fromProtocol: Type.String(),
  fromRule: Type.String(),
  fromTitle: TextView,
  toVersion: Nullable(Type.String()),
  toProtocol: Nullable(Type.String()),
  toRule: Nullable(Type.String()),
  toTitle: Nullable(TextView),
  removedTests: Type.Array(Type.String()),
  addedTests: Type.Array(Type.String()),
  removed: Type.Array(PlanTestItem),
  added: Type.Array(PlanTestItem),
  satisfied: Type.Array(
    Type.Object({
      test: PlanTestItem,
      by: DoneTestItem,
      assumption: Type.Boolean(),
      reason: Nullable(Type.String()),
    }),
  ),
  /** Moved tests that carry the person's positive result: a case, not a pass, and nothing to make up. */
  positive: Type.Array(Type.Object({ test: PlanTestItem, by: DoneTestItem })),
  refused: Type.Array(Type.Object({ test: PlanTestItem, by: DoneTestItem })),
  doneDropped: Type.Array(DoneTestItem),
  addedInPast: Type.Array(Type.Object({ ...PlanTestItem.properties, catchUpDueAt: Type.String() })),
  /** Tests added before today that nothing satisfies, made up by `by`, a later test of their kind (no catch-up of their own). */
  madeUp: Type.Array(Type.Object({ test: PlanTestItem, by: PlanTestItem })),
  /** Restrictions the new version adds or drops (e.g. registering with the employer). */
  addedRestrictions: Type.Array(RestrictionItem),
  removedRestrictions: Type.Array(RestrictionItem),
  endDateBefore: Type.String(),
  endDateAfter: Nullable(Type.String()),
});

/** A deeper jurisdiction with its own assignment: its plans are its own, untouched by this change. */
export const ImpactBoundaryView = Type.Object({
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  packId: Type.String(),
  packVersion: Type.String(),
  plans: Type.Integer(),
});

/**
 * `examined` plans the assignment governs, of which `changes` change and `unchanged` stay as they
 * are (re-stamped with the new version on apply); left untouched: `outsideWindow` plans of arrivals
 * dated outside the version's dates of effect, `governedElsewhere` plans under `boundary`.
 */
export const ImpactPreviewView = Type.Object({
  changes: Type.Array(PlanChangeView),
  unchanged: Type.Integer(),
  examined: Type.Integer(),
  outsideWindow: Type.Integer(),
  governedElsewhere: Type.Integer(),
  boundary: Type.Array(ImpactBoundaryView),
});

/** What an apply did: plans replaced and re-stamped, tests satisfied by done ones, catch-ups opened. */
export const ImpactResultView = Type.Object({
  replaced: Type.Integer(),
  unchanged: Type.Integer(),
  examined: Type.Integer(),
  outsideWindow: Type.Integer(),
  governedElsewhere: Type.Integer(),
  satisfied: Type.Integer(),
  catchUp: Type.Integer(),
});

export const PackKey = Type.Object(
  {
    packId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,60}$' }),
    version: Type.String({ pattern: '^[0-9A-Za-z.-]{1,20}$' }),
  },
  { additionalProperties: false },
);

/** A pack version and the subtree whose active plans it would re-plan. */
export const ImpactBody = Type.Object(
  { ...PackKey.properties, jurisdictionCode: JurisdictionCode },
  { additionalProperties: false },
);

export type PackSummary = Static<typeof PackSummaryView>;
export type PackDetail = Static<typeof PackDetailView>;
export type Assignment = Static<typeof AssignmentView>;
export type Assignments = Static<typeof AssignmentsView>;
export type PlanChange = Static<typeof PlanChangeView>;
export type ImpactPreview = Static<typeof ImpactPreviewView>;
export type ImpactResult = Static<typeof ImpactResultView>;
export type ImpactRequest = Static<typeof ImpactBody>;
export type ImpactBoundary = Static<typeof ImpactBoundaryView>;
