import { type Static, Type } from 'typebox';
import { SLOTS, SYMPTOMS, TEMPERATURE_RANGE } from '../rules/healthMonitoring.js';
import { DateTime, IsoDate, JurisdictionCode, Nullable, OptionalNullable, SafeText, Uuid } from './common.js';

/** Daily health monitoring of people in isolation (ISO-4, ISO-5): readings, abnormal reports, the board. */

export const HANDLE_OUTCOMES = ['reported_cdc', 'fever_clinic', 'recheck_normal'] as const;
const Slot = Type.Enum(SLOTS);
const Temperature = Type.Number({ minimum: TEMPERATURE_RANGE.min, maximum: TEMPERATURE_RANGE.max });
const Symptoms = Type.Array(Type.Enum(SYMPTOMS), { maxItems: SYMPTOMS.length, uniqueItems: true });
const StayKind = Type.Enum(['centralised', 'home'] as const);

/** A reading of today's slot by staff (not a future slot, never a past day). */
export const ReadingBody = Type.Object(
  {
    stayId: Uuid,
    slot: Slot,
    temperature: Temperature,
    symptoms: Type.Optional(Symptoms),
    note: OptionalNullable(SafeText(200)),
  },
  { additionalProperties: false },
);
export type ReadingInput = Static<typeof ReadingBody>;

/** A correction of a reading (audited), with the version read. */
export const ReadingCorrectionBody = Type.Object(
  {
    temperature: Temperature,
    symptoms: Type.Optional(Symptoms),
    note: OptionalNullable(SafeText(200)),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type ReadingCorrection = Static<typeof ReadingCorrectionBody>;

export const ReadingView = Type.Object({
  id: Type.String(),
  stayId: Type.String(),
  date: Type.String(),
  slot: Slot,
  temperature: Type.Number(),
  symptoms: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  abnormal: Type.Boolean(),
  source: Type.Enum(['staff', 'self'] as const),
  recordedAt: Type.String(),
  correctedAt: Nullable(Type.String()),
  handledAt: Nullable(Type.String()),
  handleOutcome: Nullable(Type.Enum(HANDLE_OUTCOMES)),
  handleNote: Nullable(Type.String()),
  /** The open immediate report's due time (ISO-4 一报告), while it is open. */
  reportDueAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type Reading = Static<typeof ReadingView>;

/** An abnormal reading whose immediate report is open (ISO-4 一报告). */
export const AlertView = Type.Object({
  id: Type.String(),
  stayId: Type.String(),
  personName: Type.String(),
  kind: StayKind,
  siteName: Nullable(Type.String()),
  roomNumber: Nullable(Type.String()),
  date: Type.String(),
  slot: Slot,
  temperature: Type.Number(),
  symptoms: Type.Array(Type.String()),
  recordedAt: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
});
export type Alert = Static<typeof AlertView>;

export const HandleBody = Type.Object(
  {
    outcome: Type.Enum(HANDLE_OUTCOMES),
    note: OptionalNullable(SafeText(500)),
  },
  { additionalProperties: false },
);

const SlotReading = Nullable(
  Type.Object({
    id: Type.String(),
    temperature: Type.Number(),
    symptoms: Type.Array(Type.String()),
    abnormal: Type.Boolean(),
    source: Type.Enum(['staff', 'self'] as const),
    version: Type.Integer(),
  }),
);

export const BoardQuery = Type.Object(
  {
    jurisdiction: Type.Optional(JurisdictionCode),
    siteId: Type.Optional(Uuid),
    kind: Type.Optional(StayKind),
    abnormal: Type.Optional(Type.Boolean()),
    missing: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type BoardFilter = Static<typeof BoardQuery>;

const BoardRow = Type.Object({
  stayId: Type.String(),
  personName: Type.String(),
  kind: StayKind,
  jurisdictionName: Type.String(),
  siteId: Nullable(Type.String()),
  siteName: Nullable(Type.String()),
  floor: Nullable(Type.Integer()),
  roomNumber: Nullable(Type.String()),
  startedAt: Type.String(),
  plannedEndDate: Type.String(),
  am: SlotReading,
  pm: SlotReading,
  /** The current slot is owed (the stay had started when it opened) and has no reading. */
  missing: Type.Boolean(),
  openAlerts: Type.Integer(),
});

export const BoardView = Type.Object({
  date: Type.String(),
  slot: Slot,
  counts: Type.Object({
    total: Type.Integer(),
    centralised: Type.Integer(),
    home: Type.Integer(),
    abnormal: Type.Integer(),
    missing: Type.Integer(),
  }),
  alerts: Type.Array(AlertView),
  sites: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      floors: Type.Array(Type.Object({ floor: Type.Integer(), people: Type.Integer() })),
    }),
  ),
  items: Type.Array(BoardRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const FloorQuery = Type.Object(
  { siteId: Uuid, floor: Type.Integer({ minimum: -5, maximum: 200 }) },
  { additionalProperties: false },
);

export const FloorView = Type.Object({
  siteId: Type.String(),
  siteName: Type.String(),
  floor: Type.Integer(),
  floors: Type.Array(Type.Integer()),
  date: Type.String(),
  slot: Slot,
  rooms: Type.Array(
    Type.Object({
      roomId: Type.String(),
      roomNumber: Type.String(),
      stayId: Nullable(Type.String()),
      personName: Nullable(Type.String()),
      am: SlotReading,
      pm: SlotReading,
    }),
  ),
});

export const StayReadingsView = Type.Object({
  stayId: Type.String(),
  kind: StayKind,
  status: Type.String(),
  personName: Type.String(),
  startedAt: Nullable(Type.String()),
  plannedEndDate: Type.String(),
  today: Type.Object({ date: Type.String(), slot: Slot }),
  days: Type.Array(
    Type.Object({
      date: Type.String(),
      am: Nullable(ReadingView),
      pm: Nullable(ReadingView),
      /** Slots owed that day (under monitoring when they opened) and not recorded by their due time. */
      missed: Type.Array(Slot),
    }),
  ),
  alerts: Type.Array(AlertView),
  link: Nullable(Type.Object({ issuedAt: Type.String(), expiresAt: Type.String() })),
});

export const LinkView = Type.Object({
  stayId: Type.String(),
  /** Shown once: only its hash is kept. */
  url: Type.String(),
  expiresAt: Type.String(),
  qrSvg: Type.String(),
});

export const RevokedView = Type.Object({ stayId: Type.String(), revoked: Type.Integer() });

// ---- The public self-report (ISO-5) ----

export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$' }) });

export const PublicSlotView = Type.Object({
  /** The person's name masked (欧***): enough to recognise the link, nothing more. */
  name: Type.String(),
  date: Type.String(),
  slot: Slot,
  recorded: Type.Object({ am: Type.Boolean(), pm: Type.Boolean() }),
});

export const SelfReportBody = Type.Object(
  {
    slot: Slot,
    temperature: Temperature,
    symptoms: Type.Optional(Symptoms),
  },
  { additionalProperties: false },
);

export const SelfReportedView = Type.Object({
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  date: Type.String(),
  slot: Slot,
  /** Whether the person is told to wait for a call (an abnormal reading is reported at once). */
  abnormal: Type.Boolean(),
});

export const StayParams = Type.Object({ id: Uuid });
export const ReadingsQuery = Type.Object({ from: Type.Optional(IsoDate) }, { additionalProperties: false });
export const AtTime = DateTime;
