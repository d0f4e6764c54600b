import { addDays, format, parseISO, startOfISOWeek } from 'date-fns';

/**
 * Routine key-group testing (TST-4, TST-5) on local calendar dates (YYYY-MM-DD in the
 * jurisdiction's zone). Pure: the caller supplies today and the dates the person was sampled.
 */
export interface Frequency {
  /** Tests per `perDays` days: "2 天 1 检" is 1 per 2, "每周 2 检" is 2 per 7. */
  times: number;
  perDays: number;
  /** "每个工作日抽检 20%, 每周全覆盖": each person on one working day a week (their slot). */
  allocation?: 'working_day_share';
  share?: number;
}

export type RoutineState = 'ok' | 'due' | 'overdue';

/** How far back `missed` looks for untested weeks: a missed test older than this is history. */
export const MISSED_LOOKBACK_DAYS = 28;

const day = (date: string) => parseISO(date);
const iso = (date: Date) => format(date, 'yyyy-MM-dd');
export const addLocalDays = (date: string, days: number): string => iso(addDays(day(date), days));
/** Monday of the ISO week (Monday–Sunday) holding the date. */
export const weekStart = (date: string): string => iso(startOfISOWeek(day(date)));

/** Working days a share spreads over: 0.2 → 5 slots (Monday … Friday). */
export function slotCount(frequency: Frequency): number {
  const share = frequency.share ?? 0.2;
  return Math.min(5, Math.max(1, Math.round(1 / share)));
}

/**
 * A person's weekday slot (0 = Monday … 4 = Friday) from their rank within their institution, so
 * that each working day takes one fifth of a school (TST-4 "每个工作日抽检 20%").
 */
export function personSlot(rankInInstitution: number, frequency: Frequency): number {
  const slots = slotCount(frequency);
  return ((rankInInstitution % slots) + slots) % slots;
}

const distinctDesc = (dates: readonly string[]) => [...new Set(dates)].sort().reverse();

function testedInWeekOf(date: string, tests: readonly string[]): boolean {
  const monday = weekStart(date);
  const sunday = addLocalDays(monday, 6);
  return tests.some((t) => t >= monday && t <= sunday);
}

/** The slot day in the week of `date`. */
const slotDay = (date: string, slot: number) => addLocalDays(weekStart(date), slot);

/**
 * The local date the next test is due. Interval: the `times`-th latest test date + `perDays`
 * (fewer than `times` tests: today). Working-day share: the slot day of this week unless the person
 * was tested this week, else next week's.
 */
export function nextDue(frequency: Frequency, testDates: readonly string[], today: string, slot = 0): string {
  const tests = distinctDesc(testDates.filter((t) => t <= today));
  if (frequency.allocation === 'working_day_share') {
    return testedInWeekOf(today, tests) ? slotDay(addLocalDays(today, 7), slot) : slotDay(today, slot);
  }
  const nth = tests[frequency.times - 1];
  return nth === undefined ? today : addLocalDays(nth, frequency.perDays);
}

export function routineState(due: string, today: string): RoutineState {
  return due < today ? 'overdue' : due === today ? 'due' : 'ok';
}

/**
 * The due dates missed up to yesterday, oldest first, within MISSED_LOOKBACK_DAYS (TST-5 pushes
 * only the latest). Interval: the next due date if it has passed. Working-day share: the slot day
 * of every untested week after the latest test.
 */
export function missed(
  frequency: Frequency,
  testDates: readonly string[],
  today: string,
  slot = 0,
  lookbackDays = MISSED_LOOKBACK_DAYS,
): string[] {
  const from = addLocalDays(today, -lookbackDays);
  // A test today answers what was missed (and sampling closes the pushed item).
  const tests = distinctDesc(testDates.filter((t) => t <= today));
  if (frequency.allocation !== 'working_day_share') {
    const due = nextDue(frequency, tests, today, slot);
    return due < today && due >= from ? [due] : [];
  }
  // Weeks after the week of the latest test (untested people: the look-back window).
  const latest = tests[0];
  const start = latest && latest > from ? addLocalDays(weekStart(latest), 7) : from;
  const out: string[] = [];
  for (let monday = weekStart(start); monday < today; monday = addLocalDays(monday, 7)) {
    const due = addLocalDays(monday, slot);
    if (due >= start && due < today && !testedInWeekOf(due, tests)) out.push(due);
  }
  return out;
}
