import { type Static, Type } from 'typebox';
import { DateTime, JurisdictionCode, Nullable, OptionalNullable, SafeText, Uuid } from './common.js';

/** EPI-5 transmission chains: links, clusters, generations, accountability and estimates. */
export const Certainty = Type.Union([
  Type.Literal('confirmed'),
  Type.Literal('probable'),
  Type.Literal('possible'),
]);
export const EvidenceKind = Type.Union([
  Type.Literal('household'),
  Type.Literal('co_exposure'),
  Type.Literal('workplace'),
  Type.Literal('gathering'),
  Type.Literal('healthcare'),
  Type.Literal('transport'),
  Type.Literal('genomic'),
  Type.Literal('other'),
]);
const Accountability = Type.Union([
  Type.Literal('credit'),
  Type.Literal('flag'),
  Type.Literal('alert'),
  Type.Literal('none'),
]);

export const LinkBody = Type.Object(
  {
    infectorCaseId: Uuid,
    infecteeCaseId: Uuid,
    certainty: Certainty,
    evidenceKind: EvidenceKind,
    evidence: SafeText(1000, { minLength: 2 }),
    /** When the infectee was exposed, when the evidence dates it (used for incubation). */
    exposureAt: OptionalNullable(DateTime),
  },
  { additionalProperties: false },
);

export const UnlinkBody = Type.Object(
  { reason: SafeText(500, { minLength: 2 }) },
  { additionalProperties: false },
);

export const LinkView = Type.Object({
  id: Type.String(),
  infectorCaseId: Type.String(),
  infecteeCaseId: Type.String(),
  infectorName: Type.String(),
  infecteeName: Type.String(),
  certainty: Certainty,
  evidenceKind: EvidenceKind,
  evidence: Type.String(),
  exposureAt: Nullable(Type.String()),
  linkedByName: Type.String(),
  linkedAt: Type.String(),
  removedAt: Nullable(Type.String()),
  removedByName: Nullable(Type.String()),
  removalReason: Nullable(Type.String()),
});

export const NodeView = Type.Object({
  caseId: Type.String(),
  personName: Type.String(),
  jurisdictionCode: Type.String(),
  classification: Type.String(),
  origin: Type.String(),
  status: Type.String(),
  onsetAt: Nullable(Type.String()),
  reportedAt: Type.String(),
  reportingInstitution: Type.String(),
  reportingDoctor: Type.String(),
  /** Best reading: the most certain links, the earliest infector (0 = undetermined). */
  generation: Type.Integer(),
  /** Cautious reading: the longest chain over any candidate link; accountability follows it. */
  maxGeneration: Type.Integer(),
  accountability: Accountability,
});

const AlertView = Type.Object({
  deadlineId: Type.String(),
  state: Type.String(),
  dueAt: Type.String(),
  doneAt: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
});

export const ClusterSummary = Type.Object({
  /** The cluster's id: its earliest reported case (any of its cases opens it as well). */
  clusterId: Type.String(),
  rootName: Type.String(),
  jurisdictionCode: Type.String(),
  size: Type.Integer(),
  links: Type.Integer(),
  /** Highest best-reading generation. */
  maxGeneration: Type.Integer(),
  /** Highest cautious-reading generation (any candidate path). */
  maxPossibleGeneration: Type.Integer(),
  /** Cases by best-reading generation: index 0 is generation 1. */
  generations: Type.Array(Type.Integer()),
  secondGeneration: Type.Integer(),
  thirdOrLater: Type.Integer(),
  firstReportedAt: Type.String(),
  lastReportedAt: Type.String(),
  alert: Nullable(AlertView),
});

export const ClusterList = Type.Object({
  items: Type.Array(ClusterSummary),
  total: Type.Integer(),
});

export const EstimateView = Type.Object({
  pairs: Type.Integer(),
  enough: Type.Boolean(),
  minPairs: Type.Integer(),
  mean: Nullable(Type.Number()),
  median: Nullable(Type.Number()),
  meanCi: Nullable(Type.Array(Type.Number())),
  medianCi: Nullable(Type.Array(Type.Number())),
  method: Type.String(),
});

export const ClusterDetail = Type.Object({
  summary: ClusterSummary,
  nodes: Type.Array(NodeView),
  links: Type.Array(LinkView),
  /** Removed links of the cluster's cases, newest first (the chain's history). */
  removedLinks: Type.Array(LinkView),
  credits: Type.Array(
    Type.Object({
      caseId: Type.String(),
      personName: Type.String(),
      reportingInstitution: Type.String(),
      reportingDoctor: Type.String(),
      reportedAt: Type.String(),
      infectees: Type.Integer(),
    }),
  ),
  serialInterval: EstimateView,
  incubation: EstimateView,
});

export const CaseChain = Type.Object({
  caseId: Type.String(),
  clusterId: Type.String(),
  generation: Type.Integer(),
  maxGeneration: Type.Integer(),
  infectors: Type.Array(LinkView),
  infectees: Type.Array(LinkView),
  /** Cases in scope that may be picked as infectors (not discarded, not this case), newest first. */
  candidates: Type.Array(
    Type.Object({
      caseId: Type.String(),
      personName: Type.String(),
      classification: Type.String(),
      onsetAt: Nullable(Type.String()),
      reportedAt: Type.String(),
    }),
  ),
});

export const ClusterParams = Type.Object({ clusterId: Uuid });
export const CaseParams = Type.Object({ caseId: Uuid });
export const LinkParams = Type.Object({ id: Uuid });
export const ClusterQuery = Type.Object({
  /** true: only clusters with an open accountability alert; false: only those without one. */
  alerts: Type.Optional(Type.Boolean()),
  /** Only clusters whose earliest case is managed in this jurisdiction's subtree. */
  jurisdiction: Type.Optional(JurisdictionCode),
});

export type LinkInput = Static<typeof LinkBody>;
export type LinkView = Static<typeof LinkView>;
export type NodeView = Static<typeof NodeView>;
export type ClusterSummary = Static<typeof ClusterSummary>;
export type ClusterDetail = Static<typeof ClusterDetail>;
export type CaseChain = Static<typeof CaseChain>;
export type EstimateView = Static<typeof EstimateView>;
