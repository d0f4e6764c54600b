import { type Static, Type } from 'typebox';
import { DateTime, IsoDate, JurisdictionCode, Nullable, Page, SafeText, Uuid } from './common.js';

/** Isolation stays (ISO-4, ISO-5, EPI-4): who needs a room, allocation, transfer in, home stays. */

const SOURCE_TYPES = ['contact', 'arrival'] as const;
const PURPOSES = ['close_contacts', 'inbound', 'asymptomatic', 'key_area_arrivals'] as const;
const STAY_KINDS = ['centralised', 'home'] as const;
const STAY_STATUSES = ['allocated', 'in_room', 'home', 'ended', 'cancelled'] as const;
const END_KINDS = ['released', 'next_phase', 'hospital', 'cancelled'] as const;

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
/** A household's key: letters, digits, dash and underscore (a household code, or one made up on the spot). */
const HouseholdKey = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', maxLength: 64 });

export const QueueQuery = Type.Object(
  {
    jurisdiction: Type.Optional(JurisdictionCode),
    kind: Type.Optional(Type.Enum(STAY_KINDS)),
    /** Only the transfers past their due time (EPI-4's 12 hours). */
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const QueueRow = Type.Object({
  sourceType: Type.Enum(SOURCE_TYPES),
  sourceId: Uuid,
  personId: Uuid,
  personName: Type.String(),
  personIdMasked: Nullable(Type.String()),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  /** A contact's class (close, secondary_close, general); null for an arrival. */
  contactClass: Nullable(Type.String()),
  purpose: Type.Enum(PURPOSES),
  /** The local date of the phase's last day, as the plan says. */
  plannedEndDate: IsoDate,
  identifiedAt: DateTime,
  /** A contact's transfer deadline (12 h from identification, EPI-4); null where the plan sets none. */
  dueAt: Nullable(DateTime),
  overdue: Type.Boolean(),
  /** Every step of the plan allows sharing a room with the household (ISO-4's exception). */
  sharingAllowed: Type.Boolean(),
  householdCode: Nullable(Type.String()),
});
export type QueueRowT = Static<typeof QueueRow>;
export const QueuePage = Type.Object({ items: Type.Array(QueueRow), truncated: Type.Boolean() });
export type QueuePageT = Static<typeof QueuePage>;

const Person = Type.Object(
  { sourceType: Type.Enum(SOURCE_TYPES), sourceId: Uuid },
  { additionalProperties: false },
);

/** Contract 2: POST /api/isolation/allocations. */
export const AllocationBody = Type.Object(
  {
    people: Type.Array(Person, { minItems: 1, maxItems: 200 }),
    siteId: Uuid,
    /** One room per person; omitted = the site's next ready rooms by floor and number. */
    roomIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 200 })),
    householdKey: Type.Optional(HouseholdKey),
  },
  { additionalProperties: false },
);
export type AllocationBodyT = Static<typeof AllocationBody>;

export const AllocationResult = Type.Object({
  stays: Type.Array(
    Type.Object({ stayId: Uuid, roomId: Uuid, roomNumber: Type.String(), personName: Type.String() }),
  ),
});
export type AllocationResultT = Static<typeof AllocationResult>;

/** Contract 2: POST /api/isolation/stays/:id/arrive, the point-to-point transfer in. */
export const ArriveBody = Type.Object(
  {
    arrivedAt: Type.Optional(DateTime),
    departedAt: Type.Optional(DateTime),
    fromPlace: SafeText(200, { minLength: 1 }),
    vehicle: Type.Optional(SafeText(50, { minLength: 1 })),
    escortName: Type.Optional(SafeText(50, { minLength: 1 })),
  },
  { additionalProperties: false },
);
export type ArriveBodyT = Static<typeof ArriveBody>;

export const CancelBody = Type.Object(
  { reason: SafeText(500, { minLength: 1 }) },
  { additionalProperties: false },
);

export const HomeStayBody = Type.Object(
  { sourceType: Type.Enum(SOURCE_TYPES), sourceId: Uuid },
  { additionalProperties: false },
);

export const StayQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(STAY_STATUSES)),
    /** open: allocated, in a room or at home; closed: ended or cancelled. */
    state: Type.Optional(Type.Enum(['open', 'closed'] as const)),
    kind: Type.Optional(Type.Enum(STAY_KINDS)),
    siteId: Type.Optional(Uuid),
    /** Open stays whose planned end date is on or before this local date. */
    endingBy: Type.Optional(IsoDate),
    jurisdiction: Type.Optional(JurisdictionCode),
  },
  { additionalProperties: false },
);
export type StayQueryT = Static<typeof StayQuery>;

const StayItem = Type.Object({
  id: Uuid,
  kind: Type.Enum(STAY_KINDS),
  status: Type.Enum(STAY_STATUSES),
  personId: Uuid,
  personName: Type.String(),
  personIdMasked: Nullable(Type.String()),
  sourceType: Type.Enum(SOURCE_TYPES),
  sourceId: Uuid,
  jurisdictionCode: Type.String(),
  siteId: Nullable(Uuid),
  siteName: Nullable(Type.String()),
  roomId: Nullable(Uuid),
  roomNumber: Nullable(Type.String()),
  floor: Nullable(Type.Integer()),
  householdKey: Nullable(Type.String()),
  allocatedAt: Nullable(DateTime),
  startedAt: Nullable(DateTime),
  plannedEndDate: IsoDate,
  endedAt: Nullable(DateTime),
  endKind: Nullable(Type.Enum(END_KINDS)),
});
export type StayItemT = Static<typeof StayItem>;
export const StayPage = Page(StayItem);
export type StayPageT = Static<typeof StayPage>;

const Transfer = Type.Object({
  id: Uuid,
  direction: Type.Enum(['in', 'out'] as const),
  fromPlace: Type.String(),
  toPlace: Type.String(),
  vehicle: Nullable(Type.String()),
  escortName: Nullable(Type.String()),
  departedAt: DateTime,
  arrivedAt: Nullable(DateTime),
});

const TimelineEntry = Type.Object({ at: DateTime, kind: Type.String(), text: Text });

export const StayView = Type.Object({
  ...StayItem.properties,
  endReason: Nullable(Type.String()),
  nextStayId: Nullable(Uuid),
  purpose: Nullable(Type.Enum(PURPOSES)),
  /** A contact's transfer deadline (EPI-4): due, and when it closed. */
  transfer: Nullable(Type.Object({ dueAt: DateTime, doneAt: Nullable(DateTime), overdue: Type.Boolean() })),
  transfers: Type.Array(Transfer),
  timeline: Type.Array(TimelineEntry),
  /** ISO-5 (002 §17 §25): what the community supervises at home. */
  homeRules: Type.Array(Text),
});
export type StayViewT = Static<typeof StayView>;
