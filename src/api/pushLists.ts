import { type Static, Type } from 'typebox';
import { RowErrorSchema } from './bulk.js';
import { Page } from './common.js';

/** Big-data push-list imports (大数据推送) as the API sends them. */
export const PushMode = Type.Enum(['register', 'classify']);

/** Rows of a push list by the origin's risk level then (ARR-9). */
export const LevelCounts = Type.Object({
  total: Type.Integer(),
  overseas: Type.Integer(),
  high: Type.Integer(),
  medium: Type.Integer(),
  keyConcern: Type.Integer(),
  low: Type.Integer(),
  /** Domestic rows no published area covered then. */
  unclassified: Type.Integer(),
  /** Low or unclassified rows whose district held a high / medium-risk area then (ARR-9 “所在区”). */
  districtHigh: Type.Integer(),
  districtMedium: Type.Integer(),
});

export const PushImportSummary = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  fileName: Type.String(),
  format: Type.Enum(['csv', 'xlsx']),
  mode: PushMode,
  /** 'interrupted': it was running when its server stopped; the counts are what it had committed. */
  status: Type.Enum(['running', 'done', 'failed', 'interrupted']),
  failure: Type.Union([Type.Enum(['bad_file', 'too_many_rejected', 'upload', 'error']), Type.Null()]),
  total: Type.Integer(),
  registered: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  levels: Type.Union([LevelCounts, Type.Null()]),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export const PushImportPage = Page(PushImportSummary);

export const PushImportReport = Type.Object({
  ...PushImportSummary.properties,
  errors: Type.Array(RowErrorSchema, { description: 'The first rejected rows; errorReport has all' }),
  errorReport: Type.String(),
});

export type PushMode = Static<typeof PushMode>;
export type LevelCounts = Static<typeof LevelCounts>;
export type PushImportSummary = Static<typeof PushImportSummary>;
export type PushImportPage = Static<typeof PushImportPage>;
export type PushImportReport = Static<typeof PushImportReport>;
export type { RowError as PushRowError } from './bulk.js';
