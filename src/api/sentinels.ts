import { type Static, type TSchema, Type } from 'typebox';
import { type FeedDef, SITE_KINDS } from '../rules/sentinels.js';
import { RowErrorSchema } from './bulk.js';
import { DateTime, IsoDate, JurisdictionCode, Nullable, SafeText, Uuid } from './common.js';

/** Sentinel feeds (MON-1, MON-3, MON-5): sites, the four feeds' rows and reports, the CDC's overview. */

const SiteKind = Type.Enum(SITE_KINDS);

export const SiteView = Type.Object({
  id: Uuid,
  jurisdictionCode: JurisdictionCode,
  jurisdictionName: Type.String(),
  kind: SiteKind,
  name: Type.String(),
  enrolled: Nullable(Type.Integer()),
  weeklySample: Type.Boolean(),
  active: Type.Boolean(),
});

export const SitesQuery = Type.Object({ kind: Type.Optional(SiteKind) }, { additionalProperties: false });

export const SiteBody = Type.Object(
  {
    jurisdictionCode: JurisdictionCode,
    kind: SiteKind,
    name: SafeText(100, { minLength: 1 }),
    enrolled: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
    weeklySample: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/**
 * A batch of rows of one feed. Rows are checked one by one (a wrong row is refused with its place in
 * the batch and its reason; the others are written), so a row is any object here.
 */
export const FeedBatchBody = Type.Object(
  {
    rows: Type.Array(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown()), {
      minItems: 1,
      maxItems: 5000,
    }),
  },
  { additionalProperties: false },
);

export const FeedReportView = Type.Object({
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
});

export const RecentQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 7 })) },
  { additionalProperties: false },
);

/** A feed's stored row as the entry page lists it. */
export function feedRowView(feed: FeedDef): TSchema {
  const columns: Record<string, TSchema> = {};
  for (const c of feed.columns) {
    const base =
      c.type === 'int'
        ? Type.Integer()
        : c.type === 'temperature'
          ? Type.Number()
          : c.type === 'bool'
            ? Type.Boolean()
            : c.type === 'symptoms'
              ? Type.Array(Type.String())
              : c.type === 'datetime'
                ? DateTime
                : c.type === 'date'
                  ? IsoDate
                  : Type.String();
    columns[c.key] = c.required || c.type === 'symptoms' ? base : Nullable(base);
  }
  return Type.Array(
    Type.Object({ id: Uuid, siteId: Uuid, siteName: Type.String(), reportedAt: DateTime, ...columns }),
  );
}

export const OverviewQuery = Type.Object(
  {
    jurisdiction: Type.Optional(JurisdictionCode),
    days: Type.Optional(Type.Integer({ minimum: 7, maximum: 60, default: 14 })),
  },
  { additionalProperties: false },
);

const SiteSeries = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: SiteKind,
  jurisdictionName: Type.String(),
  values: Type.Array(Nullable(Type.Number())),
});

export const OverviewView = Type.Object({
  jurisdiction: JurisdictionCode,
  days: Type.Array(IsoDate),
  feverVisits: Type.Array(SiteSeries),
  schoolAbsence: Type.Array(SiteSeries),
  iliShare: Type.Array(SiteSeries),
  pneumonia: Type.Array(SiteSeries),
  weeks: Type.Array(IsoDate),
  samples: Type.Array(SiteSeries),
  positives: Type.Array(
    Type.Object({
      id: Uuid,
      siteName: Type.String(),
      jurisdictionName: Type.String(),
      kind: Type.String(),
      item: Type.String(),
      sampledAt: DateTime,
      resultedAt: DateTime,
    }),
  ),
});

export type Site = Static<typeof SiteView>;
export type FeedReport = Static<typeof FeedReportView>;
export type SentinelOverviewView = Static<typeof OverviewView>;
