/**
 * Epidemiological investigation (流行病学调查) of a case: its two deadlines (EPI-1), the 14-day
 * look-back of its timeline (EPI-2) and the workflow of its report, reviewed before release (EPI-6).
 * Pure: times are parameters.
 */
import { localDate, startOfLocalDay } from './time.js';

const HOUR = 3_600_000;

/** EPI-1, 001 §9: "在 8 小时内完成首次流行病学调查". */
export const FIRST_INVESTIGATION_HOURS = 8;
/** EPI-1, 002 §24: "24小时内完成对病例（或无症状感染者）的流行病学调查". */
export const COMPLETE_INVESTIGATION_HOURS = 24;
/** EPI-2: the timeline looks back 14 days. */
export const LOOK_BACK_DAYS = 14;

export interface InvestigationDue {
  firstDueAt: Date;
  completeDueAt: Date;
}

/**
 * EPI-1: both deadlines run from the report ("接到报告后第一时间开展调查", 001 §9): the later of the
 * report's own time and the moment the report reached the platform (a card typed in late is
 * received when it is recorded). An obligation is never overdue when opened (the platform rule of
 * src/rules/deadlines.ts on opened-late items): when it is opened at or after the time it would
 * fall due (the sweep was stopped, a case was restored), it gets its full window from opening.
 */
export function investigationDue(times: {
  reportedAt: Date;
  receivedAt?: Date | null;
  openedAt: Date;
}): InvestigationDue {
  const base = Math.max(times.reportedAt.getTime(), times.receivedAt?.getTime() ?? 0);
  const due = (hours: number) => {
    const fromReport = base + hours * HOUR;
    return new Date(
      fromReport > times.openedAt.getTime() ? fromReport : times.openedAt.getTime() + hours * HOUR,
    );
  };
  const firstDueAt = due(FIRST_INVESTIGATION_HOURS);
  // The complete investigation includes the first: never due before it (a first opened late).
  const completeDueAt = new Date(Math.max(due(COMPLETE_INVESTIGATION_HOURS).getTime(), firstDueAt.getTime()));
  return { firstDueAt, completeDueAt };
}

type LookBackAnchor = 'onset' | 'sampling' | 'report';

export interface LookBack {
  anchor: LookBackAnchor;
  anchorAt: Date;
  from: Date;
  to: Date;
}

/**
 * EPI-2 (002 §24 "摸清疫情传播脉络"; the 14 days of REQUIREMENTS EPI-2). 本地口径: the look-back runs
 * from the start of the local day 14 days before onset (发病前14天, the incubation period in which the
 * case was infected); a case without symptoms (asymptomatic, or onset not known) is read from its
 * first positive sampling (采样前14天), and without that from its report — the earliest time known
 * to follow infection, so the window is never shorter than the case's real exposure period. It ends
 * at the report, from which the case is under control.
 */
export function lookBackWindow(
  times: { onsetAt: Date | null; sampledAt: Date | null; reportedAt: Date },
  timeZone: string,
): LookBack {
  const [anchor, anchorAt]: [LookBackAnchor, Date] = times.onsetAt
    ? ['onset', times.onsetAt]
    : times.sampledAt
      ? ['sampling', times.sampledAt]
      : ['report', times.reportedAt];
  const day = localDate(anchorAt, timeZone);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d - LOOK_BACK_DAYS));
  const from = startOfLocalDay(back.toISOString().slice(0, 10), timeZone);
  const to = new Date(Math.max(times.reportedAt.getTime(), anchorAt.getTime()));
  return { anchor, anchorAt, from, to };
}

const INVESTIGATION_STATUSES = [
  'open', // opened with the case; the first investigation not yet recorded
  'first_done', // 首次流调 recorded (EPI-1's 8 hours)
  'submitted', // the complete report awaits review (EPI-1's 24 hours, EPI-6)
  'returned', // sent back for changes with a reason
  'released', // reviewed and released (审核后发布)
  'closed', // its case was discarded: nothing more is owed
] as const;
export type InvestigationStatus = (typeof INVESTIGATION_STATUSES)[number];

export type InvestigationAct = 'edit' | 'record_first' | 'submit' | 'review' | 'assign';

/** Which acts each status allows (EPI-1, EPI-6); anything else is refused as the wrong state. */
const ALLOWED: Record<InvestigationStatus, readonly InvestigationAct[]> = {
  open: ['edit', 'record_first', 'submit', 'assign'],
  first_done: ['edit', 'submit', 'assign'],
  submitted: ['review', 'assign'],
  returned: ['edit', 'submit', 'assign'],
  released: [],
  closed: [],
};

export function mayAct(status: InvestigationStatus, act: InvestigationAct): boolean {
  return ALLOWED[status].includes(act);
}

/** Submitting records the first investigation too when it was not recorded separately. */
export function statusAfter(
  status: InvestigationStatus,
  act: 'record_first' | 'submit' | 'release' | 'return',
): InvestigationStatus {
  if (act === 'record_first') return 'first_done';
  if (act === 'submit') return 'submitted';
  if (act === 'release') return 'released';
  return status === 'submitted' ? 'returned' : status;
}

/**
 * EPI-6 "建立流行病学调查报告审核制度": a report is reviewed by someone other than who wrote it —
 * neither the person who submitted it nor the investigator it is assigned to.
 */
export function mayReview(
  reviewerId: string,
  authors: { submittedBy: string | null; investigatorId: string | null },
): boolean {
  return reviewerId !== authors.submittedBy && reviewerId !== authors.investigatorId;
}
