/**
 * Deadline states and escalation: one rule for every time-bound obligation (ARR-11's 30-minute look,
 * same-day feedback, TST-2 turnaround, CAS-2's 2-hour report, EPI-1's 8 h/24 h investigations, …).
 * Pure: the moment to judge at is a parameter. Durations here are minutes and hours, not calendar days.
 */
import { LOOK_MINUTES } from './landing.js';

export const DEADLINE_STATES = ['open', 'due_soon', 'overdue', 'done', 'cancelled'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** Code lengths of the levels (CMD-1): province, city, county, town, village/community, grid. */
export const JURISDICTION_CODE_LENGTHS = [2, 4, 6, 9, 12, 15] as const;

const MINUTE = 60_000;
/**
 * Assumption (no seed fixes it): an overdue item climbs one more level every "escalation period",
 * by default its own window (due − opened), but never faster than every 30 minutes (ARR-11's look
 * interval, the shortest cycle in the seeds) nor slower than every 24 hours (a day missed is a day
 * lost in every plan). Callers may set their own period per item.
 */
export const ESCALATE_AFTER_FLOOR_MS = LOOK_MINUTES * MINUTE;
export const ESCALATE_AFTER_CAP_MS = 24 * 60 * MINUTE;
/**
 * Assumption: an item is "due soon" within the last hour before it is due, or within the last
 * quarter of its window when that is shorter, so a 30-minute look turns orange at 7.5 minutes
 * left rather than from the start.
 */
export const DUE_SOON_MAX_MS = 60 * MINUTE;
export const DUE_SOON_WINDOW_FRACTION = 4;

/** The next level up: grid → village → town → county → city → province; null above a province. */
export function parentJurisdiction(code: string): string | null {
  const shorter = JURISDICTION_CODE_LENGTHS.filter((length) => length < code.length);
  const length = shorter[shorter.length - 1];
  return length === undefined ? null : code.slice(0, length);
}

/** How many levels lie above `code` (a village has town, county, city and province: 4). */
function levelsAbove(code: string): number {
  return JURISDICTION_CODE_LENGTHS.filter((length) => length < code.length).length;
}

/** The levels above `code`, nearest first: a village's town, county, city and province. */
export function ancestorsOf(code: string): string[] {
  return JURISDICTION_CODE_LENGTHS.filter((length) => length < code.length)
    .map((length) => code.slice(0, length))
    .reverse();
}

/**
 * CMD-1: escalation puts an overdue item before the level above, so it climbs only as far as there is
 * someone to put it before. The ceiling is the highest level above `code` that is `staffed` (has an
 * active account there that sees escalated work; the platform finds them), or null when no level
 * above has one: the item then stays where it is, overdue but escalated to nobody. A level without
 * accounts between two staffed ones is climbed through, as the periods count levels, not people.
 */
export function escalationCeiling(code: string, staffed: ReadonlySet<string>): string | null {
  const above = ancestorsOf(code).filter((ancestor) => staffed.has(ancestor));
  return above.at(-1) ?? null;
}

/** The jurisdiction `levels` steps above `code`, stopping at the province. */
function ancestorAt(code: string, levels: number): string {
  let current = code;
  for (let i = 0; i < levels; i++) current = parentJurisdiction(current) ?? current;
  return current;
}

/** The default escalation period: the item's own window, kept between the floor and the cap. */
export function defaultEscalateAfterMs(openedAt: Date, dueAt: Date): number {
  const window = dueAt.getTime() - openedAt.getTime();
  return Math.min(ESCALATE_AFTER_CAP_MS, Math.max(ESCALATE_AFTER_FLOOR_MS, window));
}

export interface DeadlineTimes {
  jurisdictionCode: string;
  openedAt: Date;
  dueAt: Date;
  doneAt: Date | null;
  cancelledAt: Date | null;
  /** The item's own escalation period; null means the default. */
  escalateAfterMs: number | null;
  /**
   * The highest level it may climb to (escalationCeiling): null = none above it; absent = every level
   * up to the province, for callers that judge the climb alone.
   */
  escalationCeiling?: string | null | undefined;
}

export interface DeadlineStatus {
  state: DeadlineState;
  /** Whole minutes past due: now for an open item, at completion for a closed one. */
  overdueMinutes: number;
  /** 0 while not overdue (and once closed); 1 = the next level up, and so on. */
  escalationLevel: number;
  /** The jurisdiction the item has climbed to, or null when it is not escalated. */
  escalatedTo: string | null;
}

function escalateAfterMs(item: DeadlineTimes): number {
  return item.escalateAfterMs ?? defaultEscalateAfterMs(item.openedAt, item.dueAt);
}

/** How many levels an item may climb: to its ceiling, or to the province when none is given. */
function maxLevels(item: DeadlineTimes): number {
  const ceiling = item.escalationCeiling;
  if (ceiling === undefined) return levelsAbove(item.jurisdictionCode);
  if (ceiling === null || !item.jurisdictionCode.startsWith(ceiling)) return 0;
  return levelsAbove(item.jurisdictionCode) - levelsAbove(ceiling);
}

/**
 * When an overdue item starts to climb: its due time, but never before its owner has had one
 * escalation period since it was opened. Nothing escalates on creation, anywhere (CMD-1): an item
 * opened at or just before its due time (an arrival registered days late, a test a new pack version
 * adds in the past, a report pushed a minute before midnight) is overdue at once, yet the level
 * above hears of it only one period after it was opened, as if that period had been its window;
 * climbing at once would put work nobody could have done before the county or the province. An
 * item whose window is at least its period starts climbing when it falls due, as always.
 */
function climbStartMs(item: DeadlineTimes): number {
  return Math.max(item.dueAt.getTime(), item.openedAt.getTime() + escalateAfterMs(item));
}

/**
 * From its climb start, an overdue item reaches level 1 at once and one more level per further
 * escalation period, and stops at its ceiling.
 */
function escalationLevel(item: DeadlineTimes, now: Date): number {
  const late = now.getTime() - climbStartMs(item);
  if (late <= 0) return 0;
  const periods = 1 + Math.floor(late / escalateAfterMs(item));
  return Math.min(maxLevels(item), periods);
}

function isDueSoon(item: DeadlineTimes, now: Date): boolean {
  const left = item.dueAt.getTime() - now.getTime();
  const window = item.dueAt.getTime() - item.openedAt.getTime();
  return left <= Math.min(DUE_SOON_MAX_MS, window / DUE_SOON_WINDOW_FRACTION);
}

/** The state of an item at `now`, how late it is and where it has climbed to. */
export function deadlineStatus(item: DeadlineTimes, now: Date): DeadlineStatus {
  const closedAt = item.doneAt ?? item.cancelledAt;
  const end = closedAt ?? now;
  const overdueMinutes = Math.max(0, Math.floor((end.getTime() - item.dueAt.getTime()) / MINUTE));
  if (closedAt) {
    const state = item.doneAt ? 'done' : 'cancelled';
    return { state, overdueMinutes, escalationLevel: 0, escalatedTo: null };
  }
  const level = escalationLevel(item, now);
  if (now.getTime() > item.dueAt.getTime()) {
    const escalatedTo = level > 0 ? ancestorAt(item.jurisdictionCode, level) : null;
    return { state: 'overdue', overdueMinutes, escalationLevel: level, escalatedTo };
  }
  const state = isDueSoon(item, now) ? 'due_soon' : 'open';
  return { state, overdueMinutes: 0, escalationLevel: 0, escalatedTo: null };
}

/**
 * True when an item has climbed to `scope` or above it while its owner lies strictly below `scope`:
 * what reaches a county from the towns and villages under it.
 */
export function escalatedInto(item: DeadlineTimes, scope: string, now: Date): boolean {
  if (!item.jurisdictionCode.startsWith(scope) || item.jurisdictionCode === scope) return false;
  const status = deadlineStatus(item, now);
  return status.escalatedTo !== null && status.escalatedTo.length <= scope.length;
}
