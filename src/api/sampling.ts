import { type Static, Type } from 'typebox';
import { SAMPLE_CATEGORIES } from '../rules/turnaround.js';
import { JurisdictionCode, Nullable, SafeText, Uuid } from './common.js';

/** Sampling sites, tables and tubes (TST-1, TST-8) as the API sends them. */
export const SAMPLE_PURPOSES = ['campaign', 'routine', 'arrival', 'resample', 'clinical', 'other'] as const;
export const SamplePurpose = Type.Enum(SAMPLE_PURPOSES);
/** TST-2 turnaround category of a tube. */
export const SampleCategory = Type.Enum(SAMPLE_CATEGORIES);
export const TubeResult = Type.Enum(['negative', 'positive', 'invalid']);

export const SiteView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  name: Type.String(),
  address: Nullable(Type.String()),
  tables: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Type.String(),
});
export const SiteList = Type.Object({ items: Type.Array(SiteView) });

const Tables = Type.Integer({ minimum: 1, maximum: 500 });
const Address = Type.Optional(Type.Union([SafeText(200), Type.Null()]));
export const SiteBody = Type.Object(
  {
    jurisdictionCode: JurisdictionCode,
    name: SafeText(60, { minLength: 1 }),
    address: Address,
    tables: Tables,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** Rename a site, change its address or tables, or close it (active: false). */
export const SitePatch = Type.Object(
  {
    name: Type.Optional(SafeText(60, { minLength: 1 })),
    address: Address,
    tables: Type.Optional(Tables),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** One registration at a sampling table: a person (scanned ID or known id) into a tube (TST-1). */
export const RegisterBody = Type.Object(
  {
    siteId: Uuid,
    tableNo: Tables,
    tubeBarcode: SafeText(64, { minLength: 1 }),
    idNumber: Type.Optional(SafeText(30, { minLength: 1 })),
    personId: Type.Optional(Uuid),
    name: Type.Optional(SafeText(50)),
    purpose: SamplePurpose,
    campaignId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    poolSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    category: Type.Optional(SampleCategory),
    arrivalId: Type.Optional(Uuid),
    planItem: Type.Optional(SafeText(60, { minLength: 1 })),
  },
  { additionalProperties: false },
);

export const TubeState = Type.Object({
  barcode: Type.String(),
  capacity: Type.Integer(),
  memberCount: Type.Integer(),
  full: Type.Boolean(),
  sealed: Type.Boolean(),
  dueAt: Type.String(),
});

export const MaskedPerson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  jurisdictionCode: Type.String(),
});

export const SampleView = Type.Object({
  id: Type.String(),
  tubeId: Type.String(),
  personId: Type.String(),
  siteId: Type.String(),
  tableNo: Type.Integer(),
  campaignId: Nullable(Type.String()),
  purpose: SamplePurpose,
  category: SampleCategory,
  arrivalId: Nullable(Type.String()),
  planItem: Nullable(Type.String()),
  sampledAt: Type.String(),
});

export const RegisteredView = Type.Object({ sample: SampleView, tube: TubeState, person: MaskedPerson });

export const TubeMember = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  sampledAt: Type.String(),
});

export const TubeDetail = Type.Object({
  ...TubeState.properties,
  id: Type.String(),
  siteId: Nullable(Type.String()),
  tableNo: Nullable(Type.Integer()),
  campaignId: Nullable(Type.String()),
  category: SampleCategory,
  openedAt: Type.String(),
  sealedAt: Nullable(Type.String()),
  result: Nullable(TubeResult),
  members: Type.Array(TubeMember),
});

/** Today's counts of a site or one table (local day): people sampled, tubes, the open tube. */
export const TodayCounts = Type.Object({
  date: Type.String(),
  tableNo: Nullable(Type.Integer()),
  people: Type.Integer(),
  tubes: Type.Integer(),
  openTube: Nullable(Type.String()),
});

export type SamplePurpose = Static<typeof SamplePurpose>;
export type SampleCategory = Static<typeof SampleCategory>;
export type Site = Static<typeof SiteView>;
export type SiteList = Static<typeof SiteList>;
export type SiteBody = Static<typeof SiteBody>;
export type SitePatch = Static<typeof SitePatch>;
export type RegisterBody = Static<typeof RegisterBody>;
export type TubeState = Static<typeof TubeState>;
export type MaskedPerson = Static<typeof MaskedPerson>;
export type Sample = Static<typeof SampleView>;
export type Registered = Static<typeof RegisteredView>;
export type TubeMember = Static<typeof TubeMember>;
export type TubeDetail = Static<typeof TubeDetail>;
export type TodayCounts = Static<typeof TodayCounts>;
