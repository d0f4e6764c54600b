import { dayCounter } from './calendar.js';
import type { ContactClass, ContactControl, ContactStep } from './outbreakTypes.js';
import type { Source, TestKind, Text } from './types.js';

/**
 * EPI-4 (002 §25 "对密切接触者、次密切接触者等…严格实施单人单间隔离…做到隔离人员 12 小时内转运到集中
 * 隔离点"; "一般接触者由所在社区实施居家隔离观察 14 天"): a pack's control of one class of contact as
 * dated steps. The transfer counts hours from the identification; the other steps count days from the
 * last exposure: day 0 is its local date in the contact's jurisdiction (calendar.ts).
 *
 * A step whose time has passed before the contact was identified is not owed as written:
 * - an isolation or monitoring step that ended before identification is `elapsed` (nothing to do);
 * - a test whose day ended before identification is owed within 24 hours of it (`catchUp`): an
 *   assumption (EPI-4) — the test is still worth taking, and a deadline is never overdue when opened;
 * - the transfer is elapsed when every centralised isolation step is.
 */
interface ContactPlanStep {
  kind: ContactStep['kind'];
  /** transfer: hours after identification. */
  withinHours?: number;
  singleRoom?: boolean;
  day?: number;
  date?: string;
  untilDay?: number;
  untilDate?: string;
  test?: TestKind;
  title: Text;
  /** The instant the step is due (transfer: identification + hours; spans: end of the last day). */
  dueAt: Date;
  /** Ended before identification: nothing is owed (isolation, monitoring, transfer). */
  elapsed?: boolean;
  /** A test whose day had passed at identification, owed within 24 h of it. */
  catchUp?: boolean;
  source: Source;
  assumption?: boolean;
  reason?: string;
}

export interface ContactPlan {
  class: ContactClass;
  timeZone: string;
  identifiedAt: Date;
  /** Local date of the last exposure (day 0). */
  day0: string;
  steps: ContactPlanStep[];
  /** Local date of the last day of the last span: control ends after it. */
  endDate: string;
}

const HOUR = 3_600_000;
/** EPI-4 assumption: a test missed before identification is owed within a day of it. */
const CATCH_UP_HOURS = 24;

export function contactPlan(
  control: ContactControl,
  contactClass: ContactClass,
  identifiedAt: Date,
  lastExposureAt: Date,
  timeZone: string,
): ContactPlan | null {
  const cls = control.classes[contactClass];
  if (!cls) return null;
  const days = dayCounter(lastExposureAt, timeZone);
  const ordered = cls.steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => rank(a.step) - rank(b.step) || a.order - b.order)
    .map(({ step }) => step);
  const dated = ordered.map((step): ContactPlanStep => {
    const cited = {
      title: step.title,
      source: step.source,
      ...(step.assumption !== undefined && { assumption: step.assumption }),
      ...(step.reason !== undefined && { reason: step.reason }),
    };
    if (step.kind === 'transfer') {
      const hours = step.withinHours ?? 12;
      return {
        kind: 'transfer',
        withinHours: hours,
        ...(step.singleRoom !== undefined && { singleRoom: step.singleRoom }),
        dueAt: new Date(identifiedAt.getTime() + hours * HOUR),
        ...cited,
      };
    }
    const day = step.day ?? 0;
    const last = step.untilDay ?? day;
    const dueAt = days.dueAt(last);
    const passed = dueAt.getTime() <= identifiedAt.getTime();
    const base = {
      kind: step.kind,
      day,
      date: days.dateOf(day),
      ...(step.untilDay !== undefined && { untilDay: step.untilDay, untilDate: days.dateOf(step.untilDay) }),
      ...(step.singleRoom !== undefined && { singleRoom: step.singleRoom }),
      ...(step.test !== undefined && { test: step.test }),
      ...cited,
    };
    if (step.kind === 'test' && passed) {
      return { ...base, dueAt: new Date(identifiedAt.getTime() + CATCH_UP_HOURS * HOUR), catchUp: true };
    }
    return { ...base, dueAt, ...(passed && { elapsed: true }) };
  });
  const isolations = dated.filter((s) => s.kind === 'centralised_isolation');
  if (isolations.length > 0 && isolations.every((s) => s.elapsed)) {
    for (const s of dated) if (s.kind === 'transfer') s.elapsed = true;
  }
  const lastDay = Math.max(0, ...cls.steps.map((s) => s.untilDay ?? s.day ?? 0));
  return {
    class: contactClass,
    timeZone,
    identifiedAt,
    day0: days.day0,
    steps: dated,
    endDate: days.dateOf(lastDay),
  };
}

/** The transfer first, then the dated steps by day. */
function rank(step: ContactStep): number {
  return step.kind === 'transfer' ? -1 : (step.day ?? 0);
}
