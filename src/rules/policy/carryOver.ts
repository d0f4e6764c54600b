import { addDays, format, parseISO } from 'date-fns';
import { localDate } from '../time.js';
import { earlierResultOf } from './earlierResult.js';
import { phaseKey, testKey } from './itemKeys.js';
import type { Plan, PlanTest, TestKind } from './types.js';

/**
 * Issue 12 Deliver 4, "change respects work done": what a person's recorded results mean for the
 * plan a new pack version (or a reclassification, ARR-7) makes for them. Pure: the caller reads the
 * results and writes what this returns.
 */

/** A result recorded on the plan being replaced (arrival_plan_events). */
export interface RecordedResult {
  item: string;
  result: 'negative' | 'positive' | 'done';
  at: Date;
  /** The item of an earlier plan the result was first recorded on, when it was carried to a moved test. */
  satisfiedBy?: string | null;
}

/** A test the person has done: a result recorded against a test of the plan being replaced. */
export interface DoneTest {
  item: string;
  kind: TestKind;
  reagents: number;
  result: 'negative' | 'positive';
  at: Date;
  /** Local date the result was taken, in the new plan's zone. */
  date: string;
  /**
   * The item of the test actually taken: `item`, or for a result an earlier change carried to a
   * moved test, the item it was first recorded on ("test:nat:d1" for a result now on "test:nat:d3").
   */
  original: string;
  /** The date the test actually taken was scheduled for (of `original`). */
  scheduledDate: string;
  /** The date the replaced plan gives the item the result is recorded on (of `item`). */
  itemDate: string;
}

/** A result the new plan records: on `item`, as it was recorded on `from`. */
interface CarriedResult {
  item: string;
  from: RecordedResult;
  /** The done test's own item when the result counts for another item (a moved test); null when it is the same test. */
  satisfiedBy: string | null;
}

export interface CarryOver {
  /** Results the new plan records: the same tests as they were, and moved tests with the done test that satisfies them. */
  carried: CarriedResult[];
  /** Moved (or new) tests a done test satisfies: same kind, negative, enough reagents, within the test's window. */
  satisfied: Array<{ test: PlanTest; by: DoneTest }>;
  /** Tests owed although a done test lay in their window, because their item does not accept it. */
  refused: Array<{ test: PlanTest; by: DoneTest }>;
  /** Done tests the new plan has no place for: they stay on the replaced plan's history. */
  dropped: DoneTest[];
  /** Tests the new plan adds before `today` that nothing satisfies: they get a catch-up due time. */
  addedInPast: PlanTest[];
}

const dateAfter = (date: string, days: number) => format(addDays(parseISO(date), days), 'yyyy-MM-dd');
const sameTest = (a: Pick<PlanTest, 'kind' | 'date'>, b: Pick<PlanTest, 'kind' | 'date'>) =>
  a.kind === b.kind && a.date === b.date;

const dayOfItem = (item: string) => Number(/:d(\d+)$/.exec(item)?.[1] ?? 0);

function doneTests(before: Plan, recorded: readonly RecordedResult[], timeZone: string): DoneTest[] {
  const tests = new Map(before.tests.map((test) => [testKey(test), test]));
  return recorded.flatMap((event) => {
    const test = tests.get(event.item);
    if (!test || event.result === 'done') return [];
    const original = event.satisfiedBy ?? event.item;
    return [
      {
        item: event.item,
        kind: test.kind,
        reagents: test.reagents,
        result: event.result,
        at: event.at,
        date: localDate(event.at, timeZone),
        original,
        scheduledDate: event.satisfiedBy ? dateAfter(before.day0, dayOfItem(original)) : test.date,
        itemDate: test.date,
      },
    ];
  });
}

/** The item a carried result names as the test actually taken; null when it is the item itself. */
const takenAs = (done: DoneTest, item: string) => (done.original === item ? null : done.original);

/** A recorded phase end stands when the new plan's phase of that index is the same: kind and end date. */
function phaseEnds(before: Plan, after: Plan, recorded: readonly RecordedResult[]): CarriedResult[] {
  return after.phases.flatMap((phase, index) => {
    const was = before.phases[index];
    const event = recorded.find((e) => e.item === phaseKey(index));
    const same = was && was.kind === phase.kind && was.endDate === phase.endDate;
    return event && same ? [{ item: phaseKey(index), from: event, satisfiedBy: null }] : [];
  });
}

/**
 * Matches the results recorded on `before` to the tests of `after`; `today` is the local date (in
 * the new plan's zone) the new plan is made on.
 * 1. The same test (kind and date) keeps its result when it was done with at least as many
 *    reagents, whatever the result: a positive stays on record (it is a case, not a pass).
 * 2. Every test the new plan adds (not on the replaced plan with the same kind, date and
 *    reagents), in day order, takes the earliest unused done test of its kind that is
 *    negative ("a positive is a case, not a pass"), has at least as many reagents (TST-10: a
 *    one-reagent NAT is not a two-reagent one), and was done within the test's window, when the
 *    test's reading accepts earlier results (the pack's `earlierResult`, or the default reading).
 *    Each done test counts once. Taking the earliest fitting one in order of the windows' ends
 *    satisfies as many tests as any matching could.
 * 3. Done tests left over are dropped: their results stay on the replaced plan.
 */
export function carryOver(
  before: Plan,
  after: Plan,
  recorded: readonly RecordedResult[],
  today: string,
): CarryOver {
  const done = doneTests(before, recorded, after.timeZone);
  const used = new Set<DoneTest>();
  const carried: CarriedResult[] = [];
  const kept = new Set<PlanTest>();
  const fromOf = (test: DoneTest) => recorded.find((event) => event.item === test.item) as RecordedResult;

  // The same test first by the day it was actually taken, then as the item it is recorded on (a
  // result an earlier change carried to a moved test, which the new plan keeps as it was).
  for (const dateOf of [(d: DoneTest) => d.scheduledDate, (d: DoneTest) => d.itemDate]) {
    for (const test of after.tests) {
      if (kept.has(test)) continue;
      const same = done.find(
        (d) =>
          !used.has(d) && sameTest(test, { kind: d.kind, date: dateOf(d) }) && d.reagents >= test.reagents,
      );
      if (!same) continue;
      used.add(same);
      kept.add(test);
      carried.push({ item: testKey(test), from: fromOf(same), satisfiedBy: takenAs(same, testKey(test)) });
    }
  }

  const satisfied: CarryOver['satisfied'] = [];
  const refused: CarryOver['refused'] = [];
  // Only what the new plan adds: a test the replaced plan had already asked for is owed as it was.
  const added = after.tests.filter(
    (test) => !before.tests.some((old) => sameTest(old, test) && old.reagents === test.reagents),
  );
  const open = added.filter((test) => !kept.has(test)).sort((a, b) => a.day - b.day);
  for (const test of open) {
    const reading = earlierResultOf(test, after.tests);
    const from = dateAfter(after.day0, reading.fromDay);
    const fits = done
      .filter(
        (d) =>
          !used.has(d) &&
          d.kind === test.kind &&
          d.result === 'negative' &&
          d.reagents >= test.reagents &&
          d.date >= from &&
          d.date <= test.date,
      )
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    const by = fits[0];
    if (!by) continue;
    if (!reading.accept) {
      refused.push({ test, by });
      continue;
    }
    used.add(by);
    satisfied.push({ test, by });
    carried.push({ item: testKey(test), from: fromOf(by), satisfiedBy: takenAs(by, testKey(test)) });
  }

  carried.push(...phaseEnds(before, after, recorded));
  const met = new Set([...kept, ...satisfied.map((s) => s.test)]);
  const addedInPast = added.filter((test) => !met.has(test) && test.date < today);
  return { carried, satisfied, refused, dropped: done.filter((d) => !used.has(d)), addedInPast };
}
