import { type Static, Type } from 'typebox';

/** Timestamps leave the database as ISO-8601 UTC text, so both engines answer alike. */
export const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const SiteView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  tables: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Type.String(),
});
export type SiteView = Static<typeof SiteView>;

export const SITE_SQL = `s.id, s.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = s.jurisdiction_code) AS "jurisdictionName",
  s.name, s.address, s.tables, s.active, ${iso('s.created_at')} AS "createdAt"`;

export const TubeState = Type.Object({
  barcode: Type.String(),
  capacity: Type.Integer(),
  memberCount: Type.Integer(),
  full: Type.Boolean(),
  sealed: Type.Boolean(),
  dueAt: Type.String(),
});
export type TubeState = Static<typeof TubeState>;

export const MaskedPerson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  jurisdictionCode: Type.String(),
});
export type MaskedPerson = Static<typeof MaskedPerson>;

export const SampleView = Type.Object({
  id: Type.String(),
  tubeId: Type.String(),
  personId: Type.String(),
  siteId: Type.String(),
  tableNo: Type.Integer(),
  campaignId: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.String(),
  category: Type.String(),
  arrivalId: Type.Union([Type.String(), Type.Null()]),
  planItem: Type.Union([Type.String(), Type.Null()]),
  sampledAt: Type.String(),
});
export type SampleView = Static<typeof SampleView>;

export const TubeDetail = Type.Object({
  ...TubeState.properties,
  id: Type.String(),
  siteId: Type.Union([Type.String(), Type.Null()]),
  tableNo: Type.Union([Type.Integer(), Type.Null()]),
  campaignId: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  openedAt: Type.String(),
  sealedAt: Type.Union([Type.String(), Type.Null()]),
  result: Type.Union([Type.String(), Type.Null()]),
  members: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      idNumberMasked: Type.String(),
      sampledAt: Type.String(),
    }),
  ),
});
export type TubeDetail = Static<typeof TubeDetail>;
