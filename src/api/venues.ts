import { type Static, Type } from 'typebox';
import { VENUE_KINDS } from '../rules/venues.js';
import { RowErrorSchema } from './bulk.js';
import { DateTime, JurisdictionCode, Nullable, OptionalNullable, SafeText, Uuid } from './common.js';

/** Venues and venue codes (场所码, HC-2), check-ins and the supervisor's view (ZON-4). */
export const VenueKind = Type.Enum(VENUE_KINDS);
const Phone = Type.String({ maxLength: 20, pattern: '^[0-9+()\\s-]*$' });

export const VenueView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  name: Type.String(),
  kind: VenueKind,
  address: Nullable(Type.String()),
  capacity: Nullable(Type.Integer()),
  /** ZON-4: the most people allowed inside at once (null: the plans set no limit for the kind). */
  capacityLimit: Nullable(Type.Integer()),
  responsibleName: Nullable(Type.String()),
  /** Masked (138****5678); the full number is never sent. */
  responsiblePhoneMasked: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: DateTime,
  version: Type.Integer(),
});
export type VenueView = Static<typeof VenueView>;

export const VenueBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    name: SafeText(80, { minLength: 1 }),
    kind: VenueKind,
    jurisdictionCode: JurisdictionCode,
    address: OptionalNullable(SafeText(200)),
    capacity: OptionalNullable(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    responsibleName: OptionalNullable(SafeText(40)),
    responsiblePhone: OptionalNullable(Phone),
  },
  { additionalProperties: false },
);
export type VenueBody = Static<typeof VenueBody>;

export const VenuePatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(SafeText(80, { minLength: 1 })),
    kind: Type.Optional(VenueKind),
    address: OptionalNullable(SafeText(200)),
    capacity: OptionalNullable(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    responsibleName: OptionalNullable(SafeText(40)),
    responsiblePhone: OptionalNullable(Phone),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type VenuePatchBody = Static<typeof VenuePatchBody>;

export const VenueListQuery = Type.Object({
  jurisdiction: Type.Optional(JurisdictionCode),
  kind: Type.Optional(VenueKind),
  active: Type.Optional(Type.Boolean()),
  q: Type.Optional(SafeText(40)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

export const VenueListView = Type.Object({
  items: Type.Array(VenueView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const VenueCodeView = Type.Object({
  venueId: Type.String(),
  /** The signed token (Ed25519), as the QR code carries it inside the URL. */
  code: Type.String(),
  /** The public check-in page the QR code opens. */
  url: Type.String(),
  /** The QR code as an SVG document. */
  qrSvg: Type.String(),
});

export const VenueCodeKeyView = Type.Object({
  algorithm: Type.Literal('Ed25519'),
  publicKey: Type.String({ description: 'raw 32-byte public key, base64url' }),
  pem: Type.String(),
  signedMessage: Type.String(),
  tokenLayout: Type.String(),
});

/** A signed token: 108 base64url characters (src/modules/venues/venueCode.ts). */
export const VenueCodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{108}$' }) });

export const PublicVenueView = Type.Object({
  name: Type.String(),
  kind: VenueKind,
  /** "辽宁省盘锦市盘山县…": where the venue is, so a visitor can tell it is the right one. */
  place: Type.String(),
});

export const CheckInBody = Type.Object(
  {
    name: SafeText(40, { minLength: 1 }),
    idNumber: SafeText(30, { minLength: 1 }),
    phone: Phone,
  },
  { additionalProperties: false },
);
export type CheckInBody = Static<typeof CheckInBody>;

/** The whole answer to a visitor: nothing about anyone, the same whoever they are. */
export const CheckedInView = Type.Object({
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  venueName: Type.String(),
  at: DateTime,
});

export const FeedRow = Type.Object(
  {
    venueId: Type.Optional(Type.String({ maxLength: 60 })),
    venueCode: Type.Optional(Type.String({ maxLength: 200 })),
    at: Type.String({ maxLength: 40 }),
    name: Type.String({ maxLength: 60 }),
    idNumber: Type.String({ maxLength: 40 }),
    phone: OptionalNullable(Type.String({ maxLength: 30 })),
  },
  { additionalProperties: false },
);
export type FeedRow = Static<typeof FeedRow>;

export const MAX_FEED_ROWS = 5_000;
export const FeedBody = Type.Object(
  { rows: Type.Array(FeedRow, { minItems: 1, maxItems: MAX_FEED_ROWS }) },
  { additionalProperties: false },
);

export const FeedReportView = Type.Object({
  received: Type.Integer(),
  accepted: Type.Integer(),
  /** Accepted rows that were new (a re-sent row is accepted and changes nothing). */
  inserted: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
});
export type FeedReportView = Static<typeof FeedReportView>;

export const SUPERVISION_FLAGS = ['missing', 'few', 'over_capacity'] as const;
export const SupervisionItem = Type.Object({
  venueId: Type.String(),
  name: Type.String(),
  kind: VenueKind,
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  capacity: Nullable(Type.Integer()),
  capacityLimit: Nullable(Type.Integer()),
  last24h: Type.Integer(),
  baselineMedian: Type.Number(),
  peakHour: Type.Integer(),
  peakHourAt: Nullable(DateTime),
  lastCheckInAt: Nullable(DateTime),
  flags: Type.Array(Type.Enum(SUPERVISION_FLAGS)),
});
export const SupervisionView = Type.Object({
  asOf: DateTime,
  activeVenues: Type.Integer(),
  counts: Type.Object({ missing: Type.Integer(), few: Type.Integer(), over_capacity: Type.Integer() }),
  items: Type.Array(SupervisionItem),
});
export type SupervisionView = Static<typeof SupervisionView>;
