import { addDays, format, parseISO } from 'date-fns';
import { localDate } from '../time.js';
import { madeUpByLater } from './catchUp.js';
import { earlierResultOf, LATER_RESULT_READING } from './earlierResult.js';
import { phaseKey, testKey } from './itemKeys.js';
import type { Plan, PlanTest, TestKind } from './types.js';

/**
 * Issue 12 Deliver 4, "change respects work done": what a person's recorded results mean for the
 * plan a new pack version (or a reclassification, ARR-7) makes for them. Pure: the caller reads the
 * results and writes what this returns.
 */

/**
 * A result recorded on the plan being replaced (arrival_plan_events), or on an earlier plan of the
 * same arrival: a test one version dropped is not forgotten by a later one that asks for it again.
 */
export interface RecordedResult {
  item: string;
  result: 'negative' | 'positive' | 'done';
  at: Date;
  /** The item of an earlier plan the result was first recorded on, when it was carried to a moved test. */
  satisfiedBy?: string | null;
  /** The stored record, for the caller that copies a carried result to the new plan. */
  id?: string;
  /** The plan the result is recorded on when it is not the one being replaced (an earlier one). */
  plan?: Pick<Plan, 'day0' | 'tests'>;
}

/** A test the person has done: a result recorded against a test of the plan being replaced (or an earlier one). */
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
  /** The date the plan the result is recorded on gives its item (of `item`). */
  itemDate: string;
  /** The record itself. */
  from: RecordedResult;
}

/** A result the new plan records: on `item`, as it was recorded on `from`. */
interface CarriedResult {
  item: string;
  from: RecordedResult;
  /** The done test's own item when the result counts for another item (a moved test); null when it is the same test. */
  satisfiedBy: string | null;
}

/** Whether a done test counting for another is a local reading (an assumption), and why. */
interface Reading {
  assumption: boolean;
  reason: string | null;
}

export interface CarryOver {
  /** Results the new plan records: the same tests as they were, and moved tests with the done test that satisfies them. */
  carried: CarriedResult[];
  /** Moved (or new) tests a done test satisfies: same kind, negative, enough reagents, within the test's window (or after its passed day). */
  satisfied: Array<{ test: PlanTest; by: DoneTest; reading: Reading }>;
  /** Moved tests that carry the person's positive result: a case, not a pass, but no test to make up. */
  positive: Array<{ test: PlanTest; by: DoneTest }>;
  /** Tests owed although a done test lay in their window, because their item does not accept it. */
  refused: Array<{ test: PlanTest; by: DoneTest }>;
  /** Done tests (of the replaced plan) the new plan has no place for: they stay on the replaced plan's history. */
  dropped: DoneTest[];
  /** Tests the new plan adds before `today` that nothing satisfies and that are owed: each gets a catch-up due time. */
  addedInPast: PlanTest[];
  /** Tests the new plan adds before `today` that nothing satisfies, made up by a later one of their kind (catchUp.ts). */
  madeUp: Array<{ test: PlanTest; by: PlanTest }>;
}

const dateAfter = (date: string, days: number) => format(addDays(parseISO(date), days), 'yyyy-MM-dd');
const sameTest = (a: Pick<PlanTest, 'kind' | 'date'>, b: Pick<PlanTest, 'kind' | 'date'>) =>
  a.kind === b.kind && a.date === b.date;
const byTime = (a: DoneTest, b: DoneTest) => a.at.getTime() - b.at.getTime();

const dayOfItem = (item: string) => Number(/:d(\d+)$/.exec(item)?.[1] ?? 0);

/**
 * The tests the person has done, each once: a result carried from plan to plan is the same test
 * taken (its original item, time and result), counted as recorded on the replaced plan when it is
 * there, else on the latest earlier plan that holds it (`recorded` lists earlier plans from the latest).
 */
function doneTests(before: Plan, recorded: readonly RecordedResult[], timeZone: string): DoneTest[] {
  const seen = new Set<string>();
  const ordered = [...recorded.filter((e) => !e.plan), ...recorded.filter((e) => e.plan)];
  return ordered.flatMap((event) => {
    const on = event.plan ?? before;
    const test = on.tests.find((t) => testKey(t) === event.item);
    if (!test || event.result === 'done') return [];
    const original = event.satisfiedBy ?? event.item;
    const taken = `${original}|${event.at.getTime()}|${event.result}`;
    if (seen.has(taken)) return [];
    seen.add(taken);
    return [
      {
        item: event.item,
        kind: test.kind,
        reagents: test.reagents,
        result: event.result,
        at: event.at,
        date: localDate(event.at, timeZone),
        original,
        scheduledDate: event.satisfiedBy ? dateAfter(on.day0, dayOfItem(original)) : test.date,
        itemDate: test.date,
        from: event,
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
    const event = recorded.find((e) => !e.plan && e.item === phaseKey(index));
    const same = was && was.kind === phase.kind && was.endDate === phase.endDate;
    return event && same ? [{ item: phaseKey(index), from: event, satisfiedBy: null }] : [];
  });
}

/**
 * Matches the results recorded on `before` (and on the arrival's earlier plans) to the tests of
 * `after`; `today` is the local date (in the new plan's zone) the new plan is made on, `owedLate`
 * the items the replaced plan owed late (open past their due time).
 * 1. The same test (kind and date) keeps its result when it was done with at least as many
 *    reagents, whatever the result: a positive stays on record (it is a case, not a pass).
 * 2. Every test the new plan adds (not on the replaced plan with the same kind, date and
 *    reagents), in day order, takes the earliest unused done test of its kind that is
 *    negative ("a positive is a case, not a pass"), has at least as many reagents (TST-10: a
 *    one-reagent NAT is not a two-reagent one), and was done within the test's window, when the
 *    test's reading accepts earlier results (the pack's `earlierResult`, or the default reading).
 *    Each done test counts once. Taking the earliest fitting one in order of the windows' ends
 *    satisfies as many tests as any matching could.
 * 3. A test moved earlier whose day has passed, not one release waits for, then takes the earliest
 *    unused such negative done after its day and by today, when its reading accepts done tests
 *    (earlierResult.ts LATER_RESULT_READING: a local reading like the default window): the day-3
 *    NAT taken before the test moved to day 1 is not asked for again.
 * 4. A positive whose own test the new plan does not keep goes with it to a moved test of its kind
 *    (the latest one whose day has passed, else the first): the person's result stays on the
 *    active plan, and a positive person is not asked to make the test up.
 * 5. Done tests of the replaced plan left over are dropped: their results stay on it.
 * 6. Of the added tests still owed whose day has passed, those a later test of their kind makes up
 *    (catchUp.ts madeUpByLater, as the plan's work is opened) are not caught up, unless the replaced
 *    plan already owed them late (planWork.ts keeps such an item as it was); the rest are.
 */
export function carryOver(
  before: Plan,
  after: Plan,
  recorded: readonly RecordedResult[],
  today: string,
  owedLate: ReadonlySet<string> = new Set(),
): CarryOver {
  const done = doneTests(before, recorded, after.timeZone);
  const used = new Set<DoneTest>();
  const carried: CarriedResult[] = [];
  const kept = new Set<PlanTest>();
  const carry = (test: PlanTest, by: DoneTest) => {
    used.add(by);
    carried.push({ item: testKey(test), from: by.from, satisfiedBy: takenAs(by, testKey(test)) });
  };

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
      kept.add(test);
      carry(test, same);
    }
  }

  const satisfied: CarryOver['satisfied'] = [];
  const positive: CarryOver['positive'] = [];
  const refused: CarryOver['refused'] = [];
  const met = () => new Set([...kept, ...satisfied.map((s) => s.test), ...positive.map((p) => p.test)]);
  // Only what the new plan adds: a test the replaced plan had already asked for is owed as it was.
  const added = after.tests.filter(
    (test) => !before.tests.some((old) => sameTest(old, test) && old.reagents === test.reagents),
  );
  const open = added.filter((test) => !kept.has(test)).sort((a, b) => a.day - b.day);
  const negativeFor = (test: PlanTest, d: DoneTest) =>
    !used.has(d) && d.kind === test.kind && d.result === 'negative' && d.reagents >= test.reagents;
  const settle = (test: PlanTest, by: DoneTest | undefined, reading: Reading, accept: boolean) => {
    if (!by) return;
    if (!accept) {
      if (!refused.some((r) => r.test === test)) refused.push({ test, by });
      return;
    }
    satisfied.push({ test, by, reading });
    carry(test, by);
  };

  for (const test of open) {
    const reading = earlierResultOf(test, after.tests);
    const from = dateAfter(after.day0, reading.fromDay);
    const by = done
      .filter((d) => negativeFor(test, d) && d.date >= from && d.date <= test.date)
      .sort(byTime)[0];
    settle(
      test,
      by,
      { assumption: reading.assumption === true, reason: reading.reason ?? null },
      reading.accept,
    );
  }

  for (const test of open) {
    if (met().has(test) || test.forRelease) continue;
    const by = done
      .filter((d) => negativeFor(test, d) && d.date > test.date && d.date <= today)
      .sort(byTime)[0];
    settle(test, by, LATER_RESULT_READING, earlierResultOf(test, after.tests).accept);
  }

  for (const by of done.filter((d) => !used.has(d) && d.result === 'positive').sort(byTime)) {
    const taken = met();
    const moved = open.filter((test) => test.kind === by.kind && !taken.has(test));
    const test = moved.filter((t) => t.date < today).at(-1) ?? moved[0];
    if (!test) continue;
    positive.push({ test, by });
    carry(test, by);
  }

  carried.push(...phaseEnds(before, after, recorded));
  const taken = met();
  const later = madeUpByLater(after.tests, (test) => test.date < today);
  const owedInPast = added.filter((test) => !taken.has(test) && test.date < today);
  const madeUp = owedInPast.flatMap((test) => {
    const by = later.get(testKey(test));
    return by && !owedLate.has(testKey(test)) ? [{ test, by }] : [];
  });
  return {
    carried,
    satisfied,
    positive,
    refused,
    dropped: done.filter((d) => !used.has(d) && !d.from.plan),
    addedInPast: owedInPast.filter((test) => !madeUp.some((m) => m.test === test)),
    madeUp,
  };
}
