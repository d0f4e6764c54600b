import { describe, expect, it } from 'vitest';
import type { TriggerRule } from './policy/outbreakTypes.js';
import { baselineWeight, firstDayRead, readTrigger, ruleProblem } from './triggers.js';

/**
 * MON-4 多点触发预警 (002 §15 "建立智慧化多点触发、多渠道监测预警机制"; 003 §3.2 "及时开展快速风险评估和
 * 预警发布"): a rule's window value against its baseline and threshold.
 */
type Spec = Pick<TriggerRule, 'windowDays' | 'baseline' | 'threshold'>;
const DAY = '2026-11-24'; // a Tuesday

const sameWeekday = (windowDays: number, ratio: number, minCount: number): Spec => ({
  windowDays,
  baseline: { kind: 'same_weekday_mean', weeks: 4 },
  threshold: { kind: 'ratio_to_baseline', ratio, minCount },
});
const anyPositive: Spec = {
  windowDays: 1,
  baseline: { kind: 'none' },
  threshold: { kind: 'at_least', count: 1 },
};
const series = (entries: Record<string, number>) => new Map(Object.entries(entries));
/** Four earlier Tuesdays at 10 sales each. */
const FOUR_TUESDAYS = { '2026-11-17': 10, '2026-11-10': 10, '2026-11-03': 10, '2026-10-27': 10 };

describe('MON-4 readTrigger', () => {
  it.each<[string, Spec, Record<string, number>, { value: number; baseline: number | null; fires: boolean }]>(
    [
      [
        'four-class sales at twice the same weekday mean over 4 weeks fire',
        sameWeekday(1, 2, 5),
        { ...FOUR_TUESDAYS, [DAY]: 20 },
        { value: 20, baseline: 10, fires: true },
      ],
      [
        'just below twice the mean does not fire',
        sameWeekday(1, 2, 5),
        { ...FOUR_TUESDAYS, [DAY]: 19 },
        { value: 19, baseline: 10, fires: false },
      ],
      [
        'other weekdays do not enter a same-weekday baseline',
        sameWeekday(1, 2, 5),
        { ...FOUR_TUESDAYS, '2026-11-23': 500, [DAY]: 20 },
        { value: 20, baseline: 10, fires: true },
      ],
      [
        'a rise under the minimum count does not fire, however steep',
        sameWeekday(1, 2, 5),
        { '2026-11-17': 1, [DAY]: 4 },
        { value: 4, baseline: 0.25, fires: false },
      ],
      [
        'no history: reaching the minimum count fires (the cautious reading)',
        sameWeekday(1, 2, 5),
        { [DAY]: 5 },
        { value: 5, baseline: 0, fires: true },
      ],
      [
        'a three-day window compares with the same three days of earlier weeks',
        sameWeekday(3, 1.5, 5),
        { '2026-11-22': 10, '2026-11-23': 10, [DAY]: 10, '2026-11-17': 20 },
        { value: 30, baseline: 5, fires: true },
      ],
      [
        'any positive environment sample fires',
        anyPositive,
        { [DAY]: 1 },
        { value: 1, baseline: null, fires: true },
      ],
      [
        'no positive sample, no alert',
        anyPositive,
        { '2026-11-23': 3 },
        { value: 0, baseline: null, fires: false },
      ],
      [
        'an absence cluster: 5 pupils absent ill over 2 days (daily mean of 7 days × 2)',
        {
          windowDays: 2,
          baseline: { kind: 'daily_mean', days: 7 },
          threshold: { kind: 'ratio_to_baseline', ratio: 3, minCount: 5 },
        },
        { [DAY]: 3, '2026-11-23': 3, '2026-11-20': 7 },
        { value: 6, baseline: 2, fires: true },
      ],
    ],
  )('MON-4 %s', (_title, rule, data, expected) => {
    const reading = readTrigger(rule, series(data), DAY);
    expect({ value: reading.value, baseline: reading.baseline, fires: reading.fires }).toEqual(expected);
  });

  it('MON-4 a ratio of 1.3 is compared exactly (13 against a baseline of 10 fires)', () => {
    const rule = sameWeekday(1, 1.3, 1);
    expect(readTrigger(rule, series({ ...FOUR_TUESDAYS, [DAY]: 13 }), DAY).fires).toBe(true);
    expect(readTrigger(rule, series({ ...FOUR_TUESDAYS, [DAY]: 12 }), DAY).fires).toBe(false);
  });

  it('MON-4 the baseline of a window longer than a week counts each day once per week shift holding it', () => {
    const baseline = { kind: 'same_weekday_mean', weeks: 2 } as const;
    // window 10 days: days 7..16 back are in shift 1, 14..23 in shift 2; days 14, 15, 16 in both.
    expect([6, 7, 13, 14, 16, 17, 23, 24].map((back) => baselineWeight(baseline, 10, back))).toEqual([
      0, 1, 1, 2, 2, 1, 1, 0,
    ]);
    expect(firstDayRead({ windowDays: 10, baseline }, DAY)).toBe('2026-11-01');
  });

  it.each<[string, TriggerRule, 'jurisdiction' | 'site' | undefined, boolean]>([
    ['a feed nobody offers', rule({}), undefined, false],
    ['a school rule over a town series', rule({ level: 'site' }), 'jurisdiction', false],
    ['a ratio without a baseline', rule({ baseline: { kind: 'none' } }), 'jurisdiction', false],
    ['a sound rule', rule({}), 'jurisdiction', true],
  ])('MON-4 a rule that cannot be evaluated is named: %s', (_title, r, unit, ok) => {
    expect(ruleProblem(r, unit) === null).toBe(ok);
  });
});

function rule(overrides: Partial<TriggerRule>): TriggerRule {
  return {
    id: 'four-class-sales-town',
    title: { zh: '乡镇四类药品销售异常升高', en: 'Four-class drug sales up in a town' },
    feed: 'drug_sales',
    measure: 'sales',
    level: 'town',
    ...sameWeekday(1, 2, 5),
    source: { document: '002', section: '§15', quote: '多点触发' },
    ...overrides,
  } as TriggerRule;
}
