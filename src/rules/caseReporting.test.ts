import { describe, expect, it } from 'vitest';
import { checkCardTimes, reportLateMinutes, reviewDueAt, unreportedState } from './caseReporting.js';

const at = (hours: number) => new Date(Date.UTC(2026, 11, 7, 0, 0) + hours * 3_600_000);

describe('CAS-2 "2小时内进行网络直报…2小时内完成审核" [002 §27]', () => {
  it.each([
    [1.5, 'due'],
    [2, 'due'],
    [2.1, 'overdue'],
    [24, 'overdue'],
    [24.1, 'concealed'],
  ] as const)('a positive unreported %s h after its result is %s', (hours, state) => {
    expect(unreportedState(at(0), at(hours))).toBe(state);
  });

  it.each([
    [1, 0],
    [2, 0],
    [3, 60],
  ])('a report %s h after finding is %s minutes late', (hours, late) => {
    expect(reportLateMinutes(at(0), at(hours))).toBe(late);
  });

  it('the review is due 2 hours after the report', () => {
    expect(reviewDueAt(at(1))).toEqual(at(3));
  });
});

describe('CAS-1 report card times: onset ≤ report, sampling ≤ found ≤ report', () => {
  it.each([
    ['in order', { onsetAt: at(-48), sampledAt: at(-3), foundAt: at(-1), reportedAt: at(0) }, []],
    ['onset missing', { sampledAt: at(-3), foundAt: at(-1), reportedAt: at(0) }, []],
    [
      'onset after sampling (fever before a screening result)',
      { onsetAt: at(-2), sampledAt: at(-3), foundAt: at(-1), reportedAt: at(0) },
      [],
    ],
    ['onset after finding', { onsetAt: at(-0.5), sampledAt: at(-3), foundAt: at(-1), reportedAt: at(0) }, []],
    [
      'onset after report',
      { onsetAt: at(1), sampledAt: at(-3), foundAt: at(-1), reportedAt: at(0) },
      [{ field: 'onsetAt', code: 'in_future' }],
    ],
    [
      'found before sampling',
      { onsetAt: at(-2), sampledAt: at(-3), foundAt: at(-4), reportedAt: at(0) },
      [{ field: 'foundAt', code: 'case_time_order' }],
    ],
    [
      'found after report',
      { sampledAt: at(-3), foundAt: at(1), reportedAt: at(0) },
      [{ field: 'foundAt', code: 'in_future' }],
    ],
    [
      'confirmed before sampling',
      { sampledAt: at(-3), foundAt: at(-1), reportedAt: at(0), confirmedAt: at(-4) },
      [{ field: 'confirmedAt', code: 'case_time_order' }],
    ],
  ])('%s', (_name, card, problems) => {
    expect(checkCardTimes(card)).toEqual(problems);
  });
});
