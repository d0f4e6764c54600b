import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catchUpDueAt, madeUpByLater, pastTestsMadeUpByLater, reachableDueAt } from './catchUp.js';
import { validatePack } from './packSchema.js';
import { packText } from './testkit.js';

type Tree = Record<string, unknown>;
/** The county pack [003] as plain data; its ARR-5 protocol's first test is the day-1 NAT. */
function panshanWith(earlierResult: unknown): Tree {
  const tree = parse(packText('panshan-2021.yaml')) as { protocols: Array<{ tests: Tree[] }> };
  tree.protocols[1]!.tests[0]!.earlierResult = earlierResult;
  return tree as unknown as Tree;
}
const SOURCE = { document: '003', section: '§3.3.2', quote: '并进行“2+1”医学检测' };
const PATH = 'protocols[1].tests[0].earlierResult';

describe('a test item’s earlierResult in the pack schema (issue 12 Deliver 4)', () => {
  it.each<[string, unknown, string | null]>([
    ['ARR-5 accept with a window, cited', { accept: true, withinDays: 2, source: SOURCE }, null],
    [
      'ARR-5 refuse, as a stated assumption',
      { accept: false, source: SOURCE, assumption: true, reason: '从严' },
      null,
    ],
    ['no accept', { withinDays: 2, source: SOURCE }, `${PATH}.accept`],
    ['no source', { accept: true }, `${PATH}.source`],
    ['a negative window', { accept: true, withinDays: -1, source: SOURCE }, `${PATH}.withinDays`],
    ['an assumption without reason', { accept: true, source: SOURCE, assumption: true }, `${PATH}.reason`],
    ['a misspelt key', { accept: true, withinDay: 2, source: SOURCE }, `${PATH}.withinDay`],
  ])('%s', (_, earlierResult, errorPath) => {
    const result = validatePack(panshanWith(earlierResult));
    const paths = 'errors' in result ? result.errors.map((e) => e.path) : [];
    expect(paths).toEqual(errorPath ? [errorPath] : []);
  });
});

describe('catch-up due times: nothing is overdue on creation (issue 12 Deliver 4)', () => {
  it.each([
    // [opened at, zone, due by]: the end of the next local day after opening.
    ['2026-11-24T10:00+08:00', 'Asia/Shanghai', '2026-11-25T16:00:00.000Z'],
    ['2026-11-24T23:59+08:00', 'Asia/Shanghai', '2026-11-25T16:00:00.000Z'],
    ['2026-11-25T00:00+08:00', 'Asia/Shanghai', '2026-11-26T16:00:00.000Z'],
    // New York springs forward on 2022-03-13: the next day ends at midnight EDT (UTC-4).
    ['2022-03-12T20:00-05:00', 'America/New_York', '2022-03-14T04:00:00.000Z'],
    // A year end.
    ['2026-12-31T09:00+08:00', 'Asia/Shanghai', '2027-01-01T16:00:00.000Z'],
  ])('ARR-5 opened %s (%s): due by %s', (opened, zone, due) => {
    expect(catchUpDueAt(new Date(opened), zone).toISOString()).toBe(due);
  });

  it('ARR-5 keeps a due time still ahead, and replaces one already past', () => {
    const opened = new Date('2026-11-24T10:00+08:00');
    const ahead = new Date('2026-11-24T16:00:00Z');
    expect(reachableDueAt(ahead, opened, 'Asia/Shanghai')).toEqual({ dueAt: ahead, catchUp: false });
    const past = new Date('2026-11-21T16:00:00Z');
    expect(reachableDueAt(past, opened, 'Asia/Shanghai')).toEqual({
      dueAt: new Date('2026-11-25T16:00:00Z'),
      catchUp: true,
    });
  });
});

describe('catch-ups: missed tests of one kind are made up by one test', () => {
  const day = (d: number, kind: 'nat' | 'antigen' = 'nat', forRelease = false) => ({
    kind,
    day: d,
    forRelease,
    // Each test is due at the end of its day: day d of a plan whose day 0 is 2026-11-10 (UTC+8).
    dueAt: new Date(Date.UTC(2026, 10, 10 + d, 16)),
  });
  const opened = new Date('2026-11-18T02:00:00Z'); // day 8, local morning

  it('ARR-9 daily NATs on days 1–7 missed: only day 7 is made up, days 1–6 are not repeated', () => {
    const tests = [1, 2, 3, 4, 5, 6, 7, 10, 14].map((d) => day(d));
    expect([...pastTestsMadeUpByLater(tests, opened)].sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((d) => `test:nat:d${d}`).sort(),
    );
  });

  it('ARR-9 each kind has its own catch-up: the day-0 antigen test stays beside the NATs', () => {
    const tests = [day(0), day(0, 'antigen'), day(3), day(7)];
    expect([...pastTestsMadeUpByLater(tests, opened)].sort()).toEqual(['test:nat:d0', 'test:nat:d3']);
  });

  it('ISO-6 a test release waits for keeps its own catch-up', () => {
    const tests = [day(1, 'nat', true), day(5)];
    expect([...pastTestsMadeUpByLater(tests, opened)]).toEqual([]);
  });

  it('ARR-9 read by date as the carry-over does, each made-up test names the later one that makes it up', () => {
    const tests = [day(0), day(0, 'antigen'), day(3), day(7), day(9)];
    const byDate = madeUpByLater(tests, (t) => t.day < 8);
    expect([...byDate].map(([key, later]) => `${key} by d${later.day}`)).toEqual([
      'test:nat:d0 by d7',
      'test:nat:d3 by d7',
    ]);
    expect(new Set(byDate.keys())).toEqual(pastTestsMadeUpByLater(tests, opened));
  });

  it('ARR-5 nothing is left out while the tests are still ahead', () => {
    expect([...pastTestsMadeUpByLater([day(9), day(14)], opened)]).toEqual([]);
  });
});
