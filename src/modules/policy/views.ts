import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const PackSummary = Type.Object({
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

export const PackDetail = Type.Object({
  ...PackSummary.properties,
  content: Type.Unknown(),
  sourceText: Type.String(),
});

export const Assignment = Type.Object({
  jurisdictionCode: Type.String(),
  packId: Type.String(),
  packVersion: Type.String(),
});

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

export const ImpactResult = Type.Object({
  replaced: Type.Integer(),
  unchanged: Type.Integer(),
  examined: Type.Integer(),
});
