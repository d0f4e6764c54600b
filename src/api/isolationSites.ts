import { type Static, Type } from 'typebox';
import { READINESS_ITEMS, SITE_KINDS, SITE_PURPOSES, SITE_STATUSES } from '../rules/isolationSites.js';
import { IsoDate, JurisdictionCode, Nullable, OptionalNullable, SafeText, Uuid } from './common.js';

/** Isolation sites and rooms (ISO-1, ISO-2, ISO-3): the registry, readiness, staff ledger, room grid. */
export const SiteKind = Type.Enum(SITE_KINDS);
export const SitePurpose = Type.Enum(SITE_PURPOSES);
export const SiteStatus = Type.Enum(SITE_STATUSES);
export const ReadinessItemName = Type.Enum(READINESS_ITEMS);
export const ROOM_STATES = ['ready', 'occupied', 'cleaning', 'out_of_service'] as const;
export const RoomState = Type.Enum(ROOM_STATES);
export const STAFF_ROLES = [
  'liaison_leader',
  'point_leader',
  'medical',
  'police',
  'service',
  'cleaning',
  'security',
  'other',
] as const;
export const StaffRole = Type.Enum(STAFF_ROLES);

const RoomCounts = Type.Object({
  total: Type.Integer(),
  ready: Type.Integer(),
  occupied: Type.Integer(),
  cleaning: Type.Integer(),
  outOfService: Type.Integer(),
});

export const SiteListItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: SiteKind,
  purposes: Type.Array(SitePurpose),
  status: SiteStatus,
  active: Type.Boolean(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  contractedOn: Nullable(Type.String()),
  contractUntil: Nullable(Type.String()),
  rooms: RoomCounts,
  /** People with a stay allocated to or in the site's rooms now. */
  occupants: Type.Integer(),
  readiness: Type.Object({ inPlace: Type.Integer(), of: Type.Literal(5) }),
  /** ISO-3: an active point leader (点长) on the staff ledger. */
  hasPointLeader: Type.Boolean(),
});

/** ISO-1 per county: one in use, one on standby; purposes without a site. */
export const CountyCoverageView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  inUse: Type.Integer(),
  standby: Type.Integer(),
  ok: Type.Boolean(),
  purposesWithoutSite: Type.Array(SitePurpose),
});

export const SiteListView = Type.Object({
  items: Type.Array(SiteListItem),
  coverage: Type.Array(CountyCoverageView),
});

export const SiteListQuery = Type.Object({
  jurisdiction: Type.Optional(JurisdictionCode),
  purpose: Type.Optional(SitePurpose),
  status: Type.Optional(SiteStatus),
  /**
   * not_ready: readiness short of five (whatever the status); no_point_leader: none on the ledger;
   * coverage: the sites of counties short of one in use, one on standby (ISO-1).
   */
  flag: Type.Optional(Type.Enum(['not_ready', 'no_point_leader', 'coverage'])),
  includeInactive: Type.Optional(Type.Boolean()),
});

export const ReadinessItemView = Type.Object({
  item: ReadinessItemName,
  label: Type.Object({ zh: Type.String(), en: Type.String() }),
  inPlace: Type.Boolean(),
  evidence: Nullable(Type.String()),
  checkedOn: Nullable(Type.String()),
  checkedByName: Nullable(Type.String()),
});

export const StaffView = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  role: StaffRole,
  name: Type.String(),
  unit: Nullable(Type.String()),
  /** Always masked; the whole number only through the audited reveal. */
  phoneMasked: Nullable(Type.String()),
  fromDate: Nullable(Type.String()),
  untilDate: Nullable(Type.String()),
  active: Type.Boolean(),
});

export const SiteDetailView = Type.Object({
  ...SiteListItem.properties,
  readinessItems: Type.Array(ReadinessItemView),
  /** The rooms item's facts from the rooms themselves (ISO-3 "数量、位置"). */
  roomFacts: Type.Object({ total: Type.Integer(), floors: Type.Array(Type.Integer()) }),
  staff: Type.Array(StaffView),
  version: Type.Integer(),
});

export const SiteBody = Type.Object(
  {
    /** Given by the client to retry safely; the same id again returns the stored site. */
    id: Type.Optional(Uuid),
    name: SafeText(100, { minLength: 1 }),
    kind: SiteKind,
    purposes: Type.Array(SitePurpose, { minItems: 1, maxItems: 4, uniqueItems: true }),
    /** Defaults to not_ready: a new site is in use or on standby only once all five are in place. */
    status: Type.Optional(SiteStatus),
    jurisdictionCode: JurisdictionCode,
    address: OptionalNullable(SafeText(200)),
    contractedOn: OptionalNullable(IsoDate),
    contractUntil: OptionalNullable(IsoDate),
  },
  { additionalProperties: false },
);

export const SitePatchBody = Type.Object(
  {
    name: Type.Optional(SafeText(100, { minLength: 1 })),
    kind: Type.Optional(SiteKind),
    purposes: Type.Optional(Type.Array(SitePurpose, { minItems: 1, maxItems: 4, uniqueItems: true })),
    status: Type.Optional(SiteStatus),
    address: OptionalNullable(SafeText(200)),
    contractedOn: OptionalNullable(IsoDate),
    contractUntil: OptionalNullable(IsoDate),
    /** false deactivates the site (refused while people are in it); true restores it. */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ReadinessBody = Type.Object(
  {
    inPlace: Type.Boolean(),
    evidence: OptionalNullable(SafeText(500)),
    /** The local date it was checked; defaults to today. */
    checkedOn: OptionalNullable(IsoDate),
  },
  { additionalProperties: false },
);

export const StaffBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    role: StaffRole,
    name: SafeText(50, { minLength: 1 }),
    unit: OptionalNullable(SafeText(100)),
    phone: OptionalNullable(SafeText(20)),
    fromDate: OptionalNullable(IsoDate),
    untilDate: OptionalNullable(IsoDate),
  },
  { additionalProperties: false },
);

export const StaffPatchBody = Type.Object(
  {
    role: Type.Optional(StaffRole),
    unit: OptionalNullable(SafeText(100)),
    phone: OptionalNullable(SafeText(20)),
    fromDate: OptionalNullable(IsoDate),
    untilDate: OptionalNullable(IsoDate),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const RoomOccupantView = Type.Object({
  stayId: Type.String(),
  /** Masked unless the caller holds person.unmask. */
  personName: Type.String(),
  status: Type.Enum(['allocated', 'in_room']),
  startedAt: Nullable(Type.String()),
  plannedEndDate: Type.String(),
});

export const RoomView = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  floor: Type.Integer(),
  number: Type.String(),
  capacity: Type.Integer(),
  state: RoomState,
  stateChangedAt: Type.String(),
  note: Nullable(Type.String()),
  /** The last turnover cleaning: when and by whom (002 §11 terminal disinfection). */
  cleanedAt: Nullable(Type.String()),
  cleanedByName: Nullable(Type.String()),
  occupants: Type.Array(RoomOccupantView),
});

export const RoomGridView = Type.Object({ items: Type.Array(RoomView) });

export const RoomsBody = Type.Object(
  {
    floors: Type.Array(
      Type.Object(
        {
          floor: Type.Integer({ minimum: -5, maximum: 200 }),
          from: Type.String({ pattern: '^\\d{1,8}$', maxLength: 8 }),
          to: Type.String({ pattern: '^\\d{1,8}$', maxLength: 8 }),
          /** People a room takes: 1 (ISO-4 单人单间) unless a household room. */
          capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 60 },
    ),
  },
  { additionalProperties: false },
);

export const RoomsAddedView = Type.Object({
  added: Type.Integer(),
  /** Numbers the site already had, left as they are. */
  skipped: Type.Array(Type.String()),
  items: Type.Array(RoomView),
});

export const RoomServiceBody = Type.Object(
  {
    /** false takes the room out of service (refused while someone is in it); true puts it back. */
    inService: Type.Boolean(),
    note: OptionalNullable(SafeText(200)),
  },
  { additionalProperties: false },
);

export const RevealReasonBody = Type.Object(
  { reason: SafeText(200, { minLength: 2 }) },
  { additionalProperties: false },
);
export const RevealedStaffPhone = Type.Object({ phone: Nullable(Type.String()) });

export type SiteListItem = Static<typeof SiteListItem>;
export type SiteList = Static<typeof SiteListView>;
export type SiteListQuery = Static<typeof SiteListQuery>;
export type SiteDetail = Static<typeof SiteDetailView>;
export type SiteBody = Static<typeof SiteBody>;
export type SitePatchBody = Static<typeof SitePatchBody>;
export type ReadinessBody = Static<typeof ReadinessBody>;
export type StaffView = Static<typeof StaffView>;
export type StaffBody = Static<typeof StaffBody>;
export type StaffPatchBody = Static<typeof StaffPatchBody>;
export type RoomView = Static<typeof RoomView>;
export type RoomsBody = Static<typeof RoomsBody>;
export type RoomServiceBody = Static<typeof RoomServiceBody>;
export type StaffRole = Static<typeof StaffRole>;
