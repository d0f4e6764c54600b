import { type Static, Type } from 'typebox';
import { IsoDate, Page } from './common.js';

/** Routine testing of key groups (TST-4, TST-5) as the API sends it. */
export const ScheduleState = Type.Enum(['due', 'overdue', 'ok']);
const Text = Type.Object({ zh: Type.String(), en: Type.String() });

/** One key-group person's routine testing: frequency, last test and next due date (TST-4). */
export const ScheduleItemView = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  jurisdictionCode: Type.String(),
  keyGroup: Type.String(),
  times: Type.Integer(),
  perDays: Type.Integer(),
  allocation: Type.Union([Type.Literal('working_day_share'), Type.Null()]),
  /** Weekday slot for a working-day share: 0 = Monday … 4 = Friday. */
  slot: Type.Union([Type.Integer(), Type.Null()]),
  /** Working-day slots of the share (5 = 20 % a day), for a share allocation. */
  slots: Type.Union([Type.Integer(), Type.Null()]),
  department: Text,
  lastTest: Type.Union([IsoDate, Type.Null()]),
  nextDue: IsoDate,
  state: ScheduleState,
});

export const SchedulePage = Type.Object({ ...Page(ScheduleItemView).properties, today: IsoDate });

/** Missed routine tests pushed to the supervising departments (TST-5). */
export const SweepResult = Type.Object({
  opened: Type.Integer(),
  superseded: Type.Integer(),
  /** Open items cancelled because their person is no longer on the schedule (left the key group). */
  noLongerOwed: Type.Integer(),
  today: IsoDate,
});

export type ScheduleState = Static<typeof ScheduleState>;
export type ScheduleItem = Static<typeof ScheduleItemView>;
export type SchedulePage = Static<typeof SchedulePage>;
export type SweepResult = Static<typeof SweepResult>;
