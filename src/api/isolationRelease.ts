import { type Static, Type } from 'typebox';
import { DateTime, IsoDate, JurisdictionCode, Nullable, SafeText, Uuid } from './common.js';

/** Tests during an isolation stay, the release check against the plan, release (ISO-6). */

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const TEST_KINDS = ['nat', 'antigen', 'serum'] as const;
const TestKind = Type.Enum(TEST_KINDS);

export const StayIdParams = Type.Object({ id: Uuid });

/** A test taken at the site (or by the community at home) and its result. */
export const TestBody = Type.Object(
  {
    kind: TestKind,
    /** Reagents run in parallel on the sample (002 §3: two for the day-14 release test of inbound arrivals). */
    reagents: Type.Integer({ minimum: 1, maximum: 3 }),
    result: Type.Enum(['negative', 'positive', 'invalid'] as const),
    sampledAt: DateTime,
  },
  { additionalProperties: false },
);
export type TestBody = Static<typeof TestBody>;

const Reason = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });

const RequiredTestView = Type.Object({
  key: Type.String(),
  kind: TestKind,
  day: Type.Integer(),
  date: IsoDate,
  reagents: Type.Integer(),
  label: Text,
  satisfied: Type.Boolean(),
  /** The local reading (本地口径) when the plan names no release test (contacts), with its reason. */
  assumption: Nullable(Text),
});

const ResultView = Type.Object({
  /** The stay's own record; null for an individual tube of the testing module. */
  id: Nullable(Uuid),
  origin: Type.Enum(['site', 'tube', 'plan'] as const),
  kind: TestKind,
  reagents: Type.Integer(),
  result: Type.Enum(['negative', 'positive', 'invalid'] as const),
  sampledAt: Nullable(DateTime),
  sampledDate: IsoDate,
});

export const ReleaseCheckView = Type.Object({
  stayId: Uuid,
  status: Type.String(),
  allowed: Type.Boolean(),
  reasons: Type.Array(Reason),
  /** Local date of the phase's last day, and today's. */
  lastDate: IsoDate,
  today: IsoDate,
  requiredTests: Type.Array(RequiredTestView),
  results: Type.Array(ResultView),
  /** What release leads to: the next phase at home (point to point), or release from control. */
  next: Nullable(Type.Object({ kind: Type.String(), endDate: IsoDate })),
});
export type ReleaseCheckView = Static<typeof ReleaseCheckView>;

export const TestRecorded = Type.Object({
  id: Uuid,
  /** The arrival plan's test the result was also recorded on, or why the plan did not take it. */
  planItem: Nullable(Type.String()),
  planNote: Nullable(Text),
  check: ReleaseCheckView,
});
export type TestRecorded = Static<typeof TestRecorded>;

export const ReleaseBody = Type.Object(
  {
    reason: SafeText(500, { minLength: 1 }),
    /** Where the point-to-point transfer out goes (default: the person's home address). */
    toPlace: Type.Optional(SafeText(200, { minLength: 1 })),
    vehicle: Type.Optional(SafeText(50)),
    escortName: Type.Optional(SafeText(50)),
  },
  { additionalProperties: false },
);
export type ReleaseBody = Static<typeof ReleaseBody>;

export const HospitalBody = Type.Object(
  {
    reason: SafeText(500, { minLength: 1 }),
    toPlace: Type.Optional(SafeText(200, { minLength: 1 })),
  },
  { additionalProperties: false },
);
export type HospitalBody = Static<typeof HospitalBody>;

export const StayEnded = Type.Object({
  stayId: Uuid,
  endKind: Type.Enum(['released', 'next_phase', 'hospital'] as const),
  endedAt: DateTime,
  /** The home stay opened for the next phase. */
  nextStayId: Nullable(Uuid),
  /** Whether the room now waits for cleaning. */
  roomCleaning: Type.Boolean(),
  /** What the plan could not take (a note; the stay's end stands). */
  notes: Type.Array(Text),
});
export type StayEnded = Static<typeof StayEnded>;

export const QueueQuery = Type.Object(
  {
    jurisdiction: Type.Optional(JurisdictionCode),
    /** today: ending today or earlier; tomorrow; absent: both. */
    due: Type.Optional(Type.Enum(['today', 'tomorrow'] as const)),
    /** allowed: the plan allows release now; blocked: not yet. */
    state: Type.Optional(Type.Enum(['allowed', 'blocked'] as const)),
  },
  { additionalProperties: false },
);

const QueueItem = Type.Object({
  stayId: Uuid,
  kind: Type.Enum(['centralised', 'home'] as const),
  status: Type.String(),
  sourceType: Type.Enum(['contact', 'arrival'] as const),
  personName: Type.String(),
  jurisdictionCode: Type.String(),
  siteName: Nullable(Type.String()),
  roomNumber: Nullable(Type.String()),
  plannedEndDate: IsoDate,
  /** today (or overdue) | tomorrow. */
  due: Type.Enum(['today', 'tomorrow'] as const),
  allowed: Type.Boolean(),
  reasons: Type.Array(Reason),
  next: Nullable(Type.Object({ kind: Type.String(), endDate: IsoDate })),
});
export const ReleaseQueue = Type.Object({
  today: IsoDate,
  items: Type.Array(QueueItem),
  /** Cut at this many; the earliest first. */
  capped: Type.Boolean(),
});
export type ReleaseQueue = Static<typeof ReleaseQueue>;
