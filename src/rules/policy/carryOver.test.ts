import { describe, expect, it } from 'vitest';
import { type CarryOver, carryOver, type RecordedResult } from './carryOver.js';
import { planArrival } from './engine.js';
import { arrival, shippedPack } from './testkit.js';
import type { EarlierResultSpec, Pack, Plan, Protocol } from './types.js';

/**
 * Issue 12 Deliver 4 on ARR-5, the county plan [003] §3.3.2 "一律集中隔离观察14天，并进行“2+1”医学检测":
 * the shipped pack reads "2+1" as a NAT on day 1 and on day 14 and a serum test on day 14; a new
 * version moves the first NAT. Day 0 is 2026-11-20 (Asia/Shanghai).
 */
const panshan = shippedPack('panshan-2021.yaml');
const highRisk = arrival('2026-11-20T10:00+08:00', { originRisk: 'high' });
const PROTOCOL = 'risk-area-14-central';

function version(change: (protocol: Protocol) => void): Pack {
  const pack = structuredClone(panshan);
  pack.version = 'next';
  change(pack.protocols.find((p) => p.id === PROTOCOL)!);
  return pack;
}
const planOf = (pack: Pack): Plan => planArrival(highRisk, pack)!;
const natDays = (days: number[], earlierResult?: EarlierResultSpec) =>
  version((p) => {
    p.tests[0]!.days = days;
    if (earlierResult) p.tests[0]!.earlierResult = earlierResult;
  });
const SOURCE = { document: '003', section: '§3.3.2', quote: '并进行“2+1”医学检测' };

const before = planOf(panshan);
const result = (item: string, outcome: RecordedResult['result'], at: string): RecordedResult => ({
  item,
  result: outcome,
  at: new Date(at),
});
const day1Negative = result('test:nat:d1', 'negative', '2026-11-21T09:00+08:00');

/** The outcome in words: carried "new item ← old item", satisfied, positive, refused, dropped, added in the past, made up. */
function summary(c: CarryOver) {
  return {
    carried: c.carried.map(
      (r) => `${r.item} ← ${r.from.item}${r.satisfiedBy ? ` (by ${r.satisfiedBy})` : ''}`,
    ),
    satisfied: c.satisfied.map((s) => `${s.test.kind} d${s.test.day} by ${s.by.item}`),
    positive: c.positive.map((s) => `${s.test.kind} d${s.test.day} carries ${s.by.item}`),
    refused: c.refused.map((s) => `${s.test.kind} d${s.test.day} not by ${s.by.item}`),
    dropped: c.dropped.map((d) => `${d.item} ${d.result}`),
    addedInPast: c.addedInPast.map((t) => `${t.kind} d${t.day}`),
    madeUp: c.madeUp.map((m) => `${m.test.kind} d${m.test.day} by d${m.by.day}`),
  };
}
const none = {
  carried: [],
  satisfied: [],
  positive: [],
  refused: [],
  dropped: [],
  addedInPast: [],
  madeUp: [],
};

describe('carryOver: a new version respects the tests already done (issue 12 Deliver 4, ARR-5)', () => {
  it.each<[string, Pack, RecordedResult[], string, Partial<ReturnType<typeof summary>>]>([
    [
      'ARR-5 NAT moved from day 1 to day 3, done negative on day 1: satisfied, no third test',
      natDays([3]),
      [day1Negative],
      '2026-11-22',
      {
        carried: ['test:nat:d3 ← test:nat:d1 (by test:nat:d1)'],
        satisfied: ['nat d3 by test:nat:d1'],
      },
    ],
    [
      'ARR-5 the same, seen on day 5: still satisfied, nothing to make up',
      natDays([3]),
      [day1Negative],
      '2026-11-25',
      {
        carried: ['test:nat:d3 ← test:nat:d1 (by test:nat:d1)'],
        satisfied: ['nat d3 by test:nat:d1'],
      },
    ],
    [
      'ARR-5 moved, day 1 never done, seen on day 5: the day-3 test is added in the past',
      natDays([3]),
      [],
      '2026-11-25',
      { addedInPast: ['nat d3'] },
    ],
    [
      'ARR-5 moved, seen on day 3: the day-3 test is due today, not in the past',
      natDays([3]),
      [],
      '2026-11-23',
      {},
    ],
    [
      'ARR-5 a positive on day 1 is a case, not a pass: it goes with the moved test, which is not owed again',
      natDays([3]),
      [result('test:nat:d1', 'positive', '2026-11-21T09:00+08:00')],
      '2026-11-22',
      {
        carried: ['test:nat:d3 ← test:nat:d1 (by test:nat:d1)'],
        positive: ['nat d3 carries test:nat:d1'],
      },
    ],
    [
      'ARR-5 the same positive seen on day 5: no catch-up NAT for a positive person',
      natDays([3]),
      [result('test:nat:d1', 'positive', '2026-11-21T09:00+08:00')],
      '2026-11-25',
      {
        carried: ['test:nat:d3 ← test:nat:d1 (by test:nat:d1)'],
        positive: ['nat d3 carries test:nat:d1'],
      },
    ],
    [
      'ARR-5 a positive and two moved NATs past: it goes with the latest, which makes up the other',
      natDays([2, 3]),
      [result('test:nat:d1', 'positive', '2026-11-21T09:00+08:00')],
      '2026-11-25',
      {
        carried: ['test:nat:d3 ← test:nat:d1 (by test:nat:d1)'],
        positive: ['nat d3 carries test:nat:d1'],
        madeUp: ['nat d2 by d3'],
      },
    ],
    [
      'ARR-5 an item that accepts no earlier result: owed (and made up) although day 1 was negative',
      natDays([3], { accept: false, source: SOURCE }),
      [day1Negative],
      '2026-11-25',
      { refused: ['nat d3 not by test:nat:d1'], dropped: ['test:nat:d1 negative'], addedInPast: ['nat d3'] },
    ],
    [
      'ARR-5 an item accepting a test within 1 day: day 1 is outside day 3’s window',
      natDays([3], { accept: true, withinDays: 1, source: SOURCE }),
      [day1Negative],
      '2026-11-22',
      { dropped: ['test:nat:d1 negative'] },
    ],
    [
      'ARR-5 an item accepting a test within 2 days: day 1 counts for day 3',
      natDays([3], { accept: true, withinDays: 2, source: SOURCE }),
      [day1Negative],
      '2026-11-22',
      {
        carried: ['test:nat:d3 ← test:nat:d1 (by test:nat:d1)'],
        satisfied: ['nat d3 by test:nat:d1'],
      },
    ],
    [
      'ARR-5 one done test counts once: NATs on days 2 and 3, day 1 done, only day 2 is satisfied',
      natDays([2, 3]),
      [day1Negative],
      '2026-11-22',
      {
        carried: ['test:nat:d2 ← test:nat:d1 (by test:nat:d1)'],
        satisfied: ['nat d2 by test:nat:d1'],
      },
    ],
    [
      'ARR-5 a test of another kind does not count: a serum test on day 3 is not a NAT',
      version((p) => {
        p.tests[0]!.kind = 'serum';
        p.tests[0]!.days = [3];
      }),
      [day1Negative],
      '2026-11-22',
      { dropped: ['test:nat:d1 negative'] },
    ],
    [
      'ARR-5 a done test the new version drops stays on the old plan',
      version((p) => {
        p.tests.splice(0, 1);
      }),
      [day1Negative],
      '2026-11-22',
      { dropped: ['test:nat:d1 negative'] },
    ],
    [
      'ARR-5 the same test keeps its result as recorded, a positive too',
      version((p) => {
        p.release = { zh: '同前', en: 'as before' };
      }),
      [result('test:nat:d1', 'positive', '2026-11-21T09:00+08:00')],
      '2026-11-22',
      { carried: ['test:nat:d1 ← test:nat:d1'] },
    ],
    [
      'ISO-6 the release NAT moved from day 14 to day 12 is not satisfied by day 1: it is made up',
      version((p) => {
        p.tests[1]!.days = [12];
      }),
      [day1Negative],
      '2026-12-03',
      { carried: ['test:nat:d1 ← test:nat:d1'], addedInPast: ['nat d12'] },
    ],
    [
      'ARR-5 a NAT added on day 0 before today, with day 1 done: day 1 stands and makes day 0 up, no catch-up',
      natDays([0, 1]),
      [day1Negative],
      '2026-11-22',
      { carried: ['test:nat:d1 ← test:nat:d1'], madeUp: ['nat d0 by d1'] },
    ],
    [
      'ARR-5 daily NATs on days 1–3 with day 1 done, seen on day 5: one catch-up (day 3), day 2 made up by it',
      natDays([1, 2, 3]),
      [day1Negative],
      '2026-11-25',
      { carried: ['test:nat:d1 ← test:nat:d1'], addedInPast: ['nat d3'], madeUp: ['nat d2 by d3'] },
    ],
    [
      'ARR-5 daily NATs on days 1–3, none done, seen on day 5: one catch-up (day 3), days 1 and 2 made up',
      natDays([1, 2, 3]),
      [],
      '2026-11-25',
      { addedInPast: ['nat d3'], madeUp: ['nat d2 by d3'] },
    ],
    [
      'ISO-6 the release NAT moved earlier, from day 14 to day 12, is not satisfied by day 14’s: made up',
      version((p) => {
        p.tests[1]!.days = [12];
      }),
      [result('test:nat:d14', 'negative', '2026-12-04T09:00+08:00')],
      '2026-12-05',
      { dropped: ['test:nat:d14 negative'], addedInPast: ['nat d12'] },
    ],
  ])('%s', (_, pack, recorded, today, expected) => {
    expect(summary(carryOver(before, planOf(pack), recorded, today))).toEqual({ ...none, ...expected });
  });

  // Issue 12's "third test" in reverse: a version moves the day-3 NAT to day 1 after the person took it.
  const movedTo3 = planOf(natDays([3]));
  it.each<[string, Pack, RecordedResult[], string, Partial<ReturnType<typeof summary>>]>([
    [
      'ARR-5 a NAT moved earlier, from day 3 to day 1, done negative on day 3: the later NAT counts, no catch-up',
      natDays([1]),
      [result('test:nat:d3', 'negative', '2026-11-23T09:00+08:00')],
      '2026-11-25',
      {
        carried: ['test:nat:d1 ← test:nat:d3 (by test:nat:d3)'],
        satisfied: ['nat d1 by test:nat:d3'],
      },
    ],
    [
      'ARR-5 a NAT moved earlier whose item accepts no done test: the later NAT is refused, day 1 made up',
      natDays([1], { accept: false, source: SOURCE }),
      [result('test:nat:d3', 'negative', '2026-11-23T09:00+08:00')],
      '2026-11-25',
      {
        refused: ['nat d1 not by test:nat:d3'],
        dropped: ['test:nat:d3 negative'],
        addedInPast: ['nat d1'],
      },
    ],
    [
      'ARR-5 a NAT moved earlier, the later NAT positive: it goes with day 1, no catch-up',
      natDays([1]),
      [result('test:nat:d3', 'positive', '2026-11-23T09:00+08:00')],
      '2026-11-25',
      {
        carried: ['test:nat:d1 ← test:nat:d3 (by test:nat:d3)'],
        positive: ['nat d1 carries test:nat:d3'],
      },
    ],
  ])('%s', (_, pack, recorded, today, expected) => {
    expect(summary(carryOver(movedTo3, planOf(pack), recorded, today))).toEqual({ ...none, ...expected });
  });

  it('TST-10 a one-reagent NAT does not satisfy a two-reagent one on the same day (ARR-5 day 14)', () => {
    const twoReagents = version((p) => {
      p.tests[1]!.reagents = 2;
    });
    const recorded = [result('test:nat:d14', 'negative', '2026-12-04T09:00+08:00')];
    expect(summary(carryOver(before, planOf(twoReagents), recorded, '2026-12-04'))).toEqual({
      ...none,
      dropped: ['test:nat:d14 negative'],
    });
    // The other way round, two reagents done count for a one-reagent test.
    expect(summary(carryOver(planOf(twoReagents), before, recorded, '2026-12-04'))).toEqual({
      ...none,
      carried: ['test:nat:d14 ← test:nat:d14'],
    });
  });

  it('ARR-5 a NAT the replaced plan already asked for is owed as it was: a dropped day 1 does not count for it', () => {
    const both = planOf(natDays([1, 3]));
    expect(summary(carryOver(both, planOf(natDays([3])), [day1Negative], '2026-11-22'))).toEqual({
      ...none,
      dropped: ['test:nat:d1 negative'],
    });
  });

  it('a result carried once keeps naming the test that was done, when the version changes again', () => {
    const moved = planOf(natDays([3]));
    const carried: RecordedResult = { ...day1Negative, item: 'test:nat:d3', satisfiedBy: 'test:nat:d1' };
    const again = carryOver(moved, planOf(natDays([4])), [carried], '2026-11-22');
    expect(summary(again).carried).toEqual(['test:nat:d4 ← test:nat:d3 (by test:nat:d1)']);
  });

  it('ARR-5 a carried result counts as the test actually taken: a version back to day 1 takes it as day 1', () => {
    const moved = planOf(natDays([3]));
    const carried: RecordedResult = { ...day1Negative, item: 'test:nat:d3', satisfiedBy: 'test:nat:d1' };
    expect(summary(carryOver(moved, before, [carried], '2026-11-22'))).toEqual({
      ...none,
      carried: ['test:nat:d1 ← test:nat:d3'],
    });
  });

  it('ARR-5 a carried result stays on its item when the next version keeps it, naming the test taken', () => {
    const moved = planOf(natDays([3]));
    const carried: RecordedResult = { ...day1Negative, item: 'test:nat:d3', satisfiedBy: 'test:nat:d1' };
    expect(summary(carryOver(moved, planOf(natDays([3])), [carried], '2026-11-25'))).toEqual({
      ...none,
      carried: ['test:nat:d3 ← test:nat:d3 (by test:nat:d1)'],
    });
    // A version with NATs on days 1 and 3: the result is day 1's; day 3 is owed as before.
    expect(summary(carryOver(moved, planOf(natDays([1, 3])), [carried], '2026-11-22'))).toEqual({
      ...none,
      carried: ['test:nat:d1 ← test:nat:d3'],
    });
  });

  it('ARR-5 the later NAT of a test moved earlier is read as a local reading, with its reason', () => {
    const moved = planOf(natDays([3]));
    const day3 = result('test:nat:d3', 'negative', '2026-11-23T09:00+08:00');
    const [satisfied] = carryOver(moved, before, [day3], '2026-11-25').satisfied;
    expect(satisfied?.reading).toEqual({ assumption: true, reason: expect.stringContaining('本地口径') });
    expect(satisfied?.reading.reason).toContain('日期之后');
    // A NAT whose own window holds a done test keeps the window's reading.
    const [own] = carryOver(before, moved, [day1Negative], '2026-11-25').satisfied;
    expect(own?.reading).toEqual({ assumption: true, reason: moved.tests[0]?.earlierResult?.reason });
  });

  it('ARR-5 a later NAT is not taken from the test whose own day it is: day 3 kept, day 1 made up by it', () => {
    const moved = planOf(natDays([3]));
    const day3 = result('test:nat:d3', 'negative', '2026-11-23T09:00+08:00');
    expect(summary(carryOver(moved, planOf(natDays([1, 3])), [day3], '2026-11-25'))).toEqual({
      ...none,
      carried: ['test:nat:d3 ← test:nat:d3'],
      madeUp: ['nat d1 by d3'],
    });
  });

  it('ARR-5 an added test the replaced plan already owed late stays owed, not made up by a later one', () => {
    const twoReagentsDaily = natDays([1, 2, 3]);
    twoReagentsDaily.protocols.find((p) => p.id === PROTOCOL)!.tests[0]!.reagents = 2;
    const daily = planOf(natDays([1, 2, 3]));
    const late = new Set(['test:nat:d2']);
    expect(summary(carryOver(daily, planOf(twoReagentsDaily), [], '2026-11-25', late))).toEqual({
      ...none,
      addedInPast: ['nat d2', 'nat d3'],
      madeUp: ['nat d1 by d3'],
    });
  });

  it('ARR-5 a test one version dropped is not forgotten: the next version that restores it keeps its result', () => {
    // Version 5 drops the day-1 NAT; its result stays on version 4's plan. Version 6 restores it.
    const dropped = planOf(version((p) => p.tests.splice(0, 1)));
    const onV4: RecordedResult = { ...day1Negative, plan: before };
    expect(summary(carryOver(dropped, before, [onV4], '2026-11-25'))).toEqual({
      ...none,
      carried: ['test:nat:d1 ← test:nat:d1'],
    });
    // Left unused by a version that does not restore it, it is not dropped again: v5 dropped it.
    expect(summary(carryOver(dropped, dropped, [onV4], '2026-11-25'))).toEqual(none);
  });

  it('ARR-5 a result carried from plan to plan is one test taken: it counts once', () => {
    const moved = planOf(natDays([3]));
    const copy: RecordedResult = { ...day1Negative, item: 'test:nat:d3', satisfiedBy: 'test:nat:d1' };
    const original: RecordedResult = { ...day1Negative, plan: before };
    const wide = planOf(natDays([3, 5], { accept: true, withinDays: 5, source: SOURCE }));
    expect(summary(carryOver(moved, wide, [copy, original], '2026-11-22'))).toEqual({
      ...none,
      carried: ['test:nat:d3 ← test:nat:d3 (by test:nat:d1)'],
    });
  });

  it('ISO-6 a recorded phase end stands only when the new phase is the same kind and ends the same day', () => {
    const ended = [result('phase:0:end', 'done', '2026-12-04T16:00+08:00')];
    expect(summary(carryOver(before, planOf(natDays([3])), ended, '2026-12-05')).carried).toEqual([
      'phase:0:end ← phase:0:end',
    ]);
    const longer = version((p) => {
      p.phases[0]!.endDay = 21;
    });
    expect(summary(carryOver(before, planOf(longer), ended, '2026-12-05')).carried).toEqual([]);
  });
});

describe('earlier-result readings on the plan (issue 12 Deliver 4)', () => {
  it('ARR-5 without a pack word, a test reads since the previous one of its kind, a release test only its own day', () => {
    const tests = planOf(natDays([3, 7])).tests.map((t) => [t.kind, t.day, t.earlierResult]);
    expect(tests).toEqual([
      ['nat', 3, expect.objectContaining({ accept: true, fromDay: 0, assumption: true })],
      ['nat', 7, expect.objectContaining({ accept: true, fromDay: 4, assumption: true })],
      ['nat', 14, expect.objectContaining({ accept: true, fromDay: 14, assumption: true })],
      ['serum', 14, expect.objectContaining({ accept: true, fromDay: 14, assumption: true })],
    ]);
    expect(tests[0]?.[2]).toMatchObject({ reason: expect.stringContaining('本地口径') });
  });

  it('ARR-5 the pack’s word is the reading, with its source, and an assumption only when it says so', () => {
    const pack = natDays([3], { accept: false, withinDays: 2, source: SOURCE });
    expect(planOf(pack).tests[0]?.earlierResult).toEqual({ accept: false, fromDay: 1, source: SOURCE });
  });
});
