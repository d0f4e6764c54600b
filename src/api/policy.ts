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

/** One active plan a new version would change; tests read "nat@2026-11-30" or "nat@2026-11-30x2" (two reagents). */
export const PlanChangeView = Type.Object({
  arrivalId: Type.String(),
  planId: Type.String(),
  personName: Type.String(),
  idNumberMasked: Type.String(),
  fromVersion: Type.String(),
  fromProtocol: Type.String(),
  toProtocol: Nullable(Type.String()),
  removedTests: Type.Array(Type.String()),
  addedTests: Type.Array(Type.String()),
  endDateBefore: Type.String(),
  endDateAfter: Nullable(Type.String()),
});

export const ImpactPreviewView = Type.Object({
  changes: Type.Array(PlanChangeView),
  unchanged: Type.Integer(),
  examined: Type.Integer(),
});

export const ImpactResultView = Type.Object({
  replaced: Type.Integer(),
  unchanged: Type.Integer(),
  examined: Type.Integer(),
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
