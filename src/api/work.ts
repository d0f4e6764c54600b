import { type Static, Type } from 'typebox';
import { Nullable } from './common.js';
import { DeadlineView } from './deadlines.js';

/** "My work" (我的工作) as the API sends it: the caller's open items with whom and what closes them. */

const Text = Type.Object({ zh: Type.String(), en: Type.String() });

/** The one action that closes an item (src/platform/surfaces/types.ts WorkAction). */
const WorkActionSchema = Type.Object({
  label: Text,
  /** Web path where the item is closed. */
  href: Type.String(),
  /** The job is a call: POST /api/my-work/{id}/call reveals the number to the assignee. */
  call: Type.Optional(Type.Boolean()),
  /** No page records it: it is marked done (POST /api/deadlines/{id}/done) once done. */
  markDone: Type.Optional(Type.Boolean()),
});

/** Whom an item is about, as the persons list shows them (the phone masked). */
export const WorkPerson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
});

/**
 * An open item: the deadline as lists show it, its title without the person's name (which `person`
 * carries), whether it climbed to the caller's level from below, and its action.
 */
export const MyWorkItem = Type.Object({
  ...DeadlineView.properties,
  person: Nullable(WorkPerson),
  escalatedToMe: Type.Boolean(),
  /** Whole minutes left until it is due (0 once due), as of the moment asked. */
  minutesLeft: Type.Integer(),
  action: WorkActionSchema,
});

/** Items by state (overdue includes those escalated to the caller, counted apart as well). */
export const MyWorkCounts = Type.Object({
  overdue: Type.Integer(),
  due_soon: Type.Integer(),
  open: Type.Integer(),
  escalated: Type.Integer(),
});

export const MyWorkPage = Type.Object({
  items: Type.Array(MyWorkItem),
  /** Every open item of the caller, of which `items` is one page, most urgent first. */
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  counts: MyWorkCounts,
});

/** The header's count: the caller's overdue items and, of them, those escalated to the caller. */
export const MyWorkCount = Type.Object({ overdue: Type.Integer(), escalated: Type.Integer() });

export const WorkCall = Type.Object({ phone: Nullable(Type.String()) });

export type MyWorkItem = Static<typeof MyWorkItem>;
export type MyWorkPage = Static<typeof MyWorkPage>;
export type MyWorkCount = Static<typeof MyWorkCount>;
export type WorkCall = Static<typeof WorkCall>;
