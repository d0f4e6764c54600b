import { type Static, Type } from 'typebox';
import { DEADLINE_STATES } from '../rules/deadlines.js';
import { Nullable, Page } from './common.js';

/** Deadlines as the API sends them: one mechanism for every time-bound obligation. */

export const DeadlineStateSchema = Type.Enum(DEADLINE_STATES);

/** An obligation as lists show it, with its state, lateness and escalation at the moment asked. */
export const DeadlineView = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  kind: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  personId: Nullable(Type.String()),
  /** The person's name, when the caller may read the person. */
  personName: Nullable(Type.String()),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  ownerRole: Type.String(),
  title: Type.Object({ zh: Type.String(), en: Type.String() }),
  openedAt: Type.String(),
  dueAt: Type.String(),
  doneAt: Nullable(Type.String()),
  doneBy: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  state: DeadlineStateSchema,
  overdueMinutes: Type.Integer(),
  escalationLevel: Type.Integer(),
  escalatedTo: Nullable(Type.String()),
  escalatedToName: Nullable(Type.String()),
  /**
   * The zone of the owner jurisdiction (set on it or a level above), to read the due time in: a
   * same-day item is due at the next local midnight, read as that day's 24:00. Null: the
   * deployment's default zone.
   */
  timeZone: Nullable(Type.String()),
});

/** A page of obligations; the total stops counting at a cap on very large subtrees. */
export const DeadlinePage = Type.Object({ ...Page(DeadlineView).properties, totalCapped: Type.Boolean() });

export const StateCounts = Type.Object({
  open: Type.Integer(),
  due_soon: Type.Integer(),
  overdue: Type.Integer(),
  done: Type.Integer(),
  cancelled: Type.Integer(),
});

export const DeadlineSummary = Type.Object({
  /** Open items by state now; done and cancelled ones of the last 24 hours. */
  counts: StateCounts,
  escalatedToMe: Type.Integer(),
  byRule: Type.Array(Type.Object({ ruleId: Type.String(), counts: StateCounts })),
  closedSince: Type.String(),
});

export type Deadline = Static<typeof DeadlineView>;
export type DeadlinePage = Static<typeof DeadlinePage>;
export type StateCounts = Static<typeof StateCounts>;
export type DeadlineSummary = Static<typeof DeadlineSummary>;
