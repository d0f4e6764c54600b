import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catchUpDueAt, reachableDueAt } from './catchUp.js';
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
