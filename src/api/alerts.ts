import { type Static, Type } from 'typebox';
import { JurisdictionCode, Nullable, Page, SafeText } from './common.js';

/** Alerts of the multi-point triggers (MON-4): raised, acknowledged, assessed (with a warning), closed. */

export const ALERT_STATES = ['raised', 'acknowledged', 'assessed', 'closed'] as const;
export const AlertState = Type.Enum(ALERT_STATES);
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
/** 预警级别: blue, yellow, orange, red (蓝、黄、橙、红). */
export const WARNING_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export const CLOSE_REASONS = ['excluded', 'handled'] as const;

const FeedName = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', maxLength: 40 });

export const AlertQuery = Type.Object(
  {
    state: Type.Optional(Type.Union([AlertState, Type.Literal('open')])),
    feed: Type.Optional(FeedName),
    jurisdiction: Type.Optional(JurisdictionCode),
    riskLevel: Type.Optional(Type.Enum(RISK_LEVELS)),
  },
  { additionalProperties: false },
);

const Text = Type.Object({ zh: Type.String(), en: Type.String() });

/** The rule as it was when it fired: enough to read the evidence without the pack. */
const RuleSnapshot = Type.Object({
  id: Type.String(),
  title: Text,
  feed: Type.String(),
  measure: Type.String(),
  level: Type.String(),
  windowDays: Type.Integer(),
  baseline: Type.Object({
    kind: Type.String(),
    weeks: Type.Optional(Type.Integer()),
    days: Type.Optional(Type.Integer()),
  }),
  threshold: Type.Object({
    kind: Type.String(),
    count: Type.Optional(Type.Number()),
    ratio: Type.Optional(Type.Number()),
    minCount: Type.Optional(Type.Number()),
  }),
  proposeWarning: Type.Optional(Type.Boolean()),
});

export const AlertView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  /** The unit's name: the jurisdiction's, or the site's (a school). */
  unitName: Type.String(),
  siteId: Nullable(Type.String()),
  rule: RuleSnapshot,
  /** The feed's measure in words, when a feed still offers it. */
  measureLabel: Nullable(Text),
  packId: Nullable(Type.String()),
  packVersion: Nullable(Type.String()),
  feed: Type.String(),
  measure: Type.String(),
  windowStart: Type.String(),
  windowEnd: Type.String(),
  windowValue: Type.Integer(),
  baseline: Nullable(Type.Number()),
  ratio: Nullable(Type.Number()),
  /** The daily series read: [day, value] oldest first. */
  series: Type.Array(Type.Tuple([Type.String(), Type.Integer()])),
  lastWindowEnd: Type.String(),
  lastWindowValue: Type.Integer(),
  state: AlertState,
  raisedAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedByName: Nullable(Type.String()),
  assessedAt: Nullable(Type.String()),
  assessedByName: Nullable(Type.String()),
  riskLevel: Nullable(Type.Enum(RISK_LEVELS)),
  assessmentSummary: Nullable(Type.String()),
  measuresRecommended: Nullable(Type.String()),
  warningText: Nullable(Type.String()),
  warningLevel: Nullable(Type.Enum(WARNING_LEVELS)),
  warningAudience: Nullable(Type.String()),
  warningJurisdictionCode: Nullable(Type.String()),
  warningJurisdictionName: Nullable(Type.String()),
  warningPublishedAt: Nullable(Type.String()),
  warningPublishedByName: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  closedByName: Nullable(Type.String()),
  closeReason: Nullable(Type.Enum(CLOSE_REASONS)),
  closeNote: Nullable(Type.String()),
});
export type AlertViewT = Static<typeof AlertView>;

export const AlertPageView = Page(AlertView);

export const AssessBody = Type.Object(
  {
    riskLevel: Type.Enum(RISK_LEVELS),
    summary: SafeText(2000, { minLength: 1 }),
    measuresRecommended: SafeText(2000, { minLength: 1 }),
  },
  { additionalProperties: false },
);

export const WarningBody = Type.Object(
  {
    text: SafeText(2000, { minLength: 1 }),
    level: Type.Enum(WARNING_LEVELS),
    /** Who the warning is for (e.g. 辖区居民、医疗机构、学校). */
    audience: SafeText(200, { minLength: 1 }),
    /** The jurisdiction it is published in: the alert's or a wider one within the caller's scope. */
    jurisdictionCode: JurisdictionCode,
  },
  { additionalProperties: false },
);

export const CloseBody = Type.Object(
  {
    reason: Type.Enum(CLOSE_REASONS),
    note: SafeText(500, { minLength: 1 }),
  },
  { additionalProperties: false },
);

export const EvaluateBody = Type.Object(
  {
    /** Only the rules of this feed (all feeds when absent). */
    feed: Type.Optional(FeedName),
  },
  { additionalProperties: false },
);

export const EvaluationView = Type.Object({
  rules: Type.Integer(),
  raised: Type.Integer(),
  stillFiring: Type.Integer(),
  skipped: Type.Array(Type.Object({ ruleId: Type.String(), problem: Type.String() })),
});

export type AlertPage = Static<typeof AlertPageView>;
export type AlertQueryT = Static<typeof AlertQuery>;
export type AssessInput = Static<typeof AssessBody>;
export type WarningInput = Static<typeof WarningBody>;
export type CloseInput = Static<typeof CloseBody>;
