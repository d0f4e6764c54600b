import type { EarlierResultSpec, PlanEarlierResult, PlanTest, TestKind } from './types.js';

/**
 * Issue 12 Deliver 4: the reading used when a test item does not say whether a test already done
 * counts for it. The documents speak of tests on days, never of a test moved by a new version, so
 * counting a done test of the same kind since the previous one of that kind is a local reading.
 */
const DEFAULT_REASON =
  '政策包未说明已做的检测能否抵充本次检测；本地口径：上一次同类检测之后至本次检测当日已做、结果阴性且试剂数不少于本次的同类检测，' +
  '视为已做，不再重复。The pack does not say whether a test already done counts for this one; the local reading ' +
  'counts a negative test of the same kind, with at least as many reagents, done after the previous scheduled ' +
  'test of that kind and by this one’s day.';
/** A release test shows the person's state when released: by default only a test of that day counts. */
const RELEASE_REASON =
  '政策包未说明已做的检测能否抵充本次检测；本检测是解除管控的依据，本地口径：只认本次检测当日已做、结果阴性且试剂数不少于本次的同类检测。' +
  'The pack does not say whether a test already done counts for this one; as the test for release, the local ' +
  'reading counts only a negative test of the same kind, with at least as many reagents, done on its own day.';

/**
 * A test moved EARLIER (from day 3 to day 1) whose new day has passed: the documents say nothing of
 * it either, so this is a local reading, the same assumption as the default window. A negative of the
 * same kind with at least as many reagents done after the test's day and by today counts for it: a
 * catch-up could only be taken later still, and the person most likely took that test as the one the
 * old plan set for its day, so asking for another would be the "third test" in reverse. A test
 * release waits for is not read this way (ISO-6: its own day only).
 */
const LATER_REASON =
  '政策包未说明检测日期提前后，此后已做的检测能否抵充本次检测；本地口径：本次检测日期已过，补做也只能更晚，' +
  '故本次检测日期之后至今已做、结果阴性且试剂数不少于本次的同类检测，视为已做，不再补做；解除管控所依据的检测除外。' +
  'The pack does not say whether a test done after this one’s day counts for it once the test is moved earlier; ' +
  'as its day has passed and a catch-up could only be later still, the local reading counts a negative test of the ' +
  'same kind, with at least as many reagents, done after this test’s day and by today; not for a test release ' +
  'waits for.';

/** The reading under which a result done after a moved test's day counts for it (above). */
export const LATER_RESULT_READING = { assumption: true, reason: LATER_REASON } as const;

type TestDay = Pick<PlanTest, 'kind' | 'day'> & { forRelease?: boolean };

/**
 * The window's first day when the item gives none: the day after the previous test of its kind, or
 * day 0 for the first; a release test's own day (ISO-6: an earlier test says nothing of the state
 * at release, and the cautious reading never releases on it).
 */
function defaultFromDay(test: TestDay, tests: readonly TestDay[]): number {
  if (test.forRelease) return test.day;
  const previous = tests.filter((t) => t.kind === test.kind && t.day < test.day).map((t) => t.day);
  return previous.length > 0 ? Math.max(...previous) + 1 : 0;
}

/** How one test reads an earlier result: the pack item's `earlierResult`, or the default reading. */
export function earlierResultOf(
  test: TestDay & Pick<PlanTest, 'earlierResult'>,
  tests: readonly TestDay[],
): PlanEarlierResult {
  return test.earlierResult ?? readingOf(undefined, test, tests);
}

function readingOf(
  spec: EarlierResultSpec | undefined,
  test: TestDay,
  tests: readonly TestDay[],
): PlanEarlierResult {
  if (!spec) {
    const reason = test.forRelease ? RELEASE_REASON : DEFAULT_REASON;
    return { accept: true, fromDay: defaultFromDay(test, tests), assumption: true, reason };
  }
  return {
    accept: spec.accept,
    fromDay: spec.withinDays === undefined ? defaultFromDay(test, tests) : test.day - spec.withinDays,
    source: spec.source,
    ...(spec.assumption ? { assumption: true, reason: spec.reason ?? '' } : {}),
  };
}

interface SpecOfTest {
  kind: TestKind;
  days: number[];
  earlierResult?: EarlierResultSpec;
}

/** The plan's tests, each with its reading of an earlier result (from the item that put it on the plan). */
export function withEarlierResults<T extends TestDay>(
  tests: T[],
  specs: readonly SpecOfTest[],
): Array<T & { earlierResult: PlanEarlierResult }> {
  return tests.map((test) => {
    const spec = specs.find((s) => s.kind === test.kind && s.days.includes(test.day));
    return { ...test, earlierResult: readingOf(spec?.earlierResult, test, tests) };
  });
}
