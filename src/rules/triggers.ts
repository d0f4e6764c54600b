import type { TriggerBaseline, TriggerRule, TriggerThreshold } from './policy/outbreakTypes.js';
import { addLocalDays } from './truckReport.js';

/**
 * MON-4 multi-point triggers (多点触发预警, 002 §15; 003 §3.2): a rule compares a feed's value over
 * its window with a baseline and fires at its threshold. This is the pure form of the evaluation;
 * src/modules/alerts/evaluateSql.ts computes the same in one SQL per rule, and a property test holds
 * the two equal.
 *
 * Definitions (assumptions: the seeds name the mechanism, not its arithmetic):
 * - The window is the last `windowDays` local days ending on the evaluation day, inclusive.
 * - A baseline is the value the window is expected to have: for `same_weekday_mean` the mean of the
 *   same window shifted back by 1 … N whole weeks (for a one-day window: the same weekday's mean over
 *   N weeks); for `daily_mean` the mean daily value over the N days before the window, times the
 *   window's length. Days without data count as 0.
 * - `ratio_to_baseline` fires when value ≥ ratio × baseline and value ≥ minCount; with no history
 *   (baseline 0) any value reaching minCount fires, the cautious reading (DESIGN "never understate
 *   risk"). The ratio is read to 1/1000 so that the comparison is exact in both forms.
 */

/** A ratio in thousandths: 1.3 → 1300, so comparisons are integer arithmetic here and in SQL. */
export function ratioMilli(ratio: number): number {
  return Math.round(ratio * 1000);
}

/** The first local day the rule reads for an evaluation on `day` (its baseline reaches back furthest). */
export function firstDayRead(rule: Pick<TriggerRule, 'windowDays' | 'baseline'>, day: string): string {
  return addLocalDays(day, -(rule.windowDays - 1) - lookBackDays(rule.baseline));
}

/** The first day of the window ending on `day`. */
export function windowStart(windowDays: number, day: string): string {
  return addLocalDays(day, -(windowDays - 1));
}

function lookBackDays(baseline: TriggerBaseline): number {
  if (baseline.kind === 'same_weekday_mean') return 7 * baseline.weeks;
  if (baseline.kind === 'daily_mean') return baseline.days;
  return 0;
}

/** Divisor of the baseline: the mean is the weighted sum over this. */
function baselineDivisor(baseline: TriggerBaseline): number {
  if (baseline.kind === 'same_weekday_mean') return baseline.weeks;
  if (baseline.kind === 'daily_mean') return baseline.days;
  return 1;
}

/**
 * How many times the value of a day `back` days before the evaluation day enters the baseline's
 * sum (before dividing): same weekday, the number of week shifts k in 1..N whose window holds it;
 * daily mean, the window's length for each of the N days before the window.
 */
export function baselineWeight(baseline: TriggerBaseline, windowDays: number, back: number): number {
  if (baseline.kind === 'same_weekday_mean') {
    const from = Math.max(1, Math.ceil((back - windowDays + 1) / 7));
    const to = Math.min(baseline.weeks, Math.floor(back / 7));
    return Math.max(0, to - from + 1);
  }
  if (baseline.kind === 'daily_mean') {
    return back >= windowDays && back < windowDays + baseline.days ? windowDays : 0;
  }
  return 0;
}

export interface TriggerReading {
  /** The window's value. */
  value: number;
  /** The expected value of the window, or null for a rule without baseline. */
  baseline: number | null;
  /** value ÷ baseline, or null without a baseline or with a baseline of 0. */
  ratio: number | null;
  fires: boolean;
}

function fires(threshold: TriggerThreshold, value: number, weightedSum: number, divisor: number): boolean {
  if (threshold.kind === 'at_least') return value >= threshold.count;
  return value >= threshold.minCount && value * divisor * 1000 >= ratioMilli(threshold.ratio) * weightedSum;
}

/**
 * MON-4: one unit's reading of a rule on `day`, from its daily values (local date → count; days
 * missing count as 0).
 */
export function readTrigger(
  rule: Pick<TriggerRule, 'windowDays' | 'baseline' | 'threshold'>,
  series: ReadonlyMap<string, number>,
  day: string,
): TriggerReading {
  let value = 0;
  let weightedSum = 0;
  const span = rule.windowDays + lookBackDays(rule.baseline);
  for (let back = 0; back < span; back++) {
    const count = series.get(addLocalDays(day, -back)) ?? 0;
    if (back < rule.windowDays) value += count;
    weightedSum += count * baselineWeight(rule.baseline, rule.windowDays, back);
  }
  const divisor = baselineDivisor(rule.baseline);
  const baseline = rule.baseline.kind === 'none' ? null : weightedSum / divisor;
  return {
    value,
    baseline,
    ratio: baseline ? value / baseline : null,
    fires: fires(rule.threshold, value, weightedSum, divisor),
  };
}

/** Why a rule cannot be evaluated, or null: checked before its SQL is composed. */
export function ruleProblem(
  rule: TriggerRule,
  measureUnit: 'jurisdiction' | 'site' | undefined,
): string | null {
  if (!measureUnit) return `no feed offers ${rule.feed}/${rule.measure}`;
  if ((measureUnit === 'site') !== (rule.level === 'site'))
    return `level ${rule.level} does not suit a ${measureUnit} series`;
  if (!Number.isInteger(rule.windowDays) || rule.windowDays < 1 || rule.windowDays > 31)
    return 'window days out of range';
  const { baseline, threshold } = rule;
  if (
    baseline.kind === 'same_weekday_mean' &&
    !(Number.isInteger(baseline.weeks) && baseline.weeks >= 1 && baseline.weeks <= 12)
  )
    return 'baseline weeks out of range';
  if (
    baseline.kind === 'daily_mean' &&
    !(Number.isInteger(baseline.days) && baseline.days >= 1 && baseline.days <= 90)
  )
    return 'baseline days out of range';
  if (threshold.kind === 'at_least' && !(threshold.count >= 1)) return 'threshold count below 1';
  if (threshold.kind === 'ratio_to_baseline') {
    if (baseline.kind === 'none') return 'a ratio needs a baseline';
    if (!(threshold.ratio > 0 && threshold.minCount >= 1)) return 'ratio or minimum count out of range';
  }
  return null;
}
