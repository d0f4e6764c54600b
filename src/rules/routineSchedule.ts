import { addDays, format, parseISO, startOfISOWeek } from 'date-fns';

/**
 * Routine key-group testing (TST-4, TST-5) on local calendar dates (YYYY-MM-DD in the
 * jurisdiction's zone). Pure: the caller supplies today and the dates the person was sampled.
 *
 * Production computes all of this set-based, in SQL (src/modules/routineTesting/scheduleSql.ts);
 * nothing here runs in a request. This module is the specification that SQL is held to:
 * test/api/routineTesting.sql.test.ts runs both on random inputs and requires them equal.
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
const weekStart = (date: string): string => iso(startOfISOWeek(day(date)));

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

/**
 * The weekday slot of a person without a unit (TST-4 "每个工作日抽检 20%"): no institution to rank
 * them in, so their id decides, as the number in its last 8 hex digits modulo the slots. Ids are
 * random (UUID v4), so unit-less people spread evenly over the working days instead of all falling
 * on Monday; a person keeps their day when others come and go. The SQL takes the same digits.
 */
export function unitlessSlot(personId: string, frequency: Frequency): number {
  const digits = Number.parseInt(personId.replace(/-/g, '').slice(-8), 16);
  return (Number.isNaN(digits) ? 0 : digits) % slotCount(frequency);
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

/** A frequency in force under one pack assignment (TST-4), as the schedule reads a pack's list. */
export interface AssignedFrequency {
  /** The jurisdiction the pack is assigned to. */
  assignmentCode: string;
  keyGroup: string;
  times: number;
  perDays: number;
  /** Working-day slots of a share allocation (5 = 20 % a day); 0 for an interval. */
  slots: number;
}

/** The frequency of an assigned rule; `slots` stands for the share it was read from. */
function frequencyOf(rule: AssignedFrequency): Frequency {
  return rule.slots > 0
    ? { times: rule.times, perDays: rule.perDays, allocation: 'working_day_share', share: 1 / rule.slots }
    : { times: rule.times, perDays: rule.perDays };
}

/** The assignment that governs a jurisdiction: the nearest one, whose code is its longest prefix. */
function nearestAssignment(code: string, assignments: readonly string[]): string | undefined {
  return assignments
    .filter((a) => code.startsWith(a))
    .reduce<string | undefined>(
      (best, a) => (best === undefined || a.length > best.length ? a : best),
      undefined,
    );
}

/**
 * Stricter first (TST-4, a person in several key groups is tested as the strictest asks): more tests
 * per day; at an equal rate an interval before a working-day share, then by key-group id.
 */
function compareStrictness(a: AssignedFrequency, b: AssignedFrequency): number {
  const rate = b.times / b.perDays - a.times / a.perDays;
  if (rate !== 0) return rate;
  if (a.slots !== b.slots) return a.slots - b.slots;
  return a.keyGroup < b.keyGroup ? -1 : a.keyGroup > b.keyGroup ? 1 : 0;
}

/**
 * The frequency a person is tested at: the strictest of their key groups' under the nearest pack
 * assignment. None when that assignment lists none of their groups, even if a farther one does.
 */
export function governingFrequency<R extends AssignedFrequency>(
  rules: readonly R[],
  assignments: readonly string[],
  person: { jurisdictionCode: string; keyGroups: readonly string[] },
): R | undefined {
  const assignment = nearestAssignment(person.jurisdictionCode, assignments);
  return rules
    .filter((r) => r.assignmentCode === assignment && person.keyGroups.includes(r.keyGroup))
    .sort(compareStrictness)[0];
}

/**
 * Each share-allocated person's rank in their institution (TST-4 "每个工作日抽检 20%"): the people
 * with the same employer in the same county (the person alone without one; their slot comes from
 * unitlessSlot instead), ordered by id. The county is part of the key so that every view from the
 * county up ranks a school alike.
 */
export function institutionRanks(
  persons: ReadonlyArray<{ id: string; jurisdictionCode: string; employer: string | null }>,
): Map<string, number> {
  const seen = new Map<string, number>();
  const ranks = new Map<string, number>();
  for (const person of [...persons].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = `${person.jurisdictionCode.slice(0, 6)}\u0000${person.employer ?? `\u0001${person.id}`}`;
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    ranks.set(person.id, rank);
  }
  return ranks;
}

export interface SchedulePerson {
  id: string;
  jurisdictionCode: string;
  employer: string | null;
  keyGroups: readonly string[];
  /** Local dates the person was sampled, any order, repeats allowed. */
  testDates: readonly string[];
}

export interface ScheduleEntry<R extends AssignedFrequency> {
  personId: string;
  rule: R;
  /** Weekday slot (0 = Monday) for a share allocation, else null. */
  slot: number | null;
  lastTest: string | null;
  nextDue: string;
  /** The latest missed due date within the look-back (the one TST-5 pushes), or null. */
  latestMissed: string | null;
  state: RoutineState;
}

/**
 * The schedule of key-group people (TST-4) with the miss TST-5 pushes: one entry per person with a
 * governing frequency. `persons` are everyone ranked together, i.e. whole counties.
 */
export function schedule<R extends AssignedFrequency>(
  persons: readonly SchedulePerson[],
  rules: readonly R[],
  assignments: readonly string[],
  today: string,
): ScheduleEntry<R>[] {
  const governed = persons.flatMap((person) => {
    const rule = governingFrequency(rules, assignments, person);
    return rule ? [{ person, rule }] : [];
  });
  const ranks = institutionRanks(governed.filter((g) => g.rule.slots > 0).map((g) => g.person));
  return governed.map(({ person, rule }) => {
    const frequency = frequencyOf(rule);
    const rank = ranks.get(person.id);
    const slot =
      rank === undefined
        ? null
        : person.employer === null
          ? unitlessSlot(person.id, frequency)
          : personSlot(rank, frequency);
    const tests = person.testDates.filter((t) => t <= today);
    const due = nextDue(frequency, tests, today, slot ?? 0);
    return {
      personId: person.id,
      rule,
      slot,
      lastTest: [...tests].sort().at(-1) ?? null,
      nextDue: due,
      latestMissed: missed(frequency, tests, today, slot ?? 0).at(-1) ?? null,
      state: routineState(due, today),
    };
  });
}
