import type { TriggerLevel } from './outbreakTypes.js';
import type { Fields } from './packCheck.js';
import { checkSourced, SOURCED } from './packItems.js';
import { type KnownSignal, TRIGGER_SIGNALS } from './triggerSignals.js';

/** MON-4: the pack's multi-point trigger rules. */
export const TRIGGER_PACK_KEYS = ['triggers'] as const;

const RULE_KEYS = [
  'id',
  'title',
  'feed',
  'measure',
  'level',
  'windowDays',
  'baseline',
  'threshold',
  'proposeWarning',
  ...SOURCED,
];
const LEVELS: readonly TriggerLevel[] = ['city', 'county', 'town', 'village', 'site'];
const ID = {
  re: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  zh: '小写字母、数字和连字符',
  en: 'lower-case letters, digits and hyphens',
};
/**
 * Bounds a rule's numbers are held to: a window or a baseline reaching back further than this is a
 * slip, not a surveillance rule (no seed asks for more than the 4 weeks the issue names; 12 weeks and
 * 8 weeks of days leave room for a season's comparison).
 */
const MAX = { windowDays: 28, weeks: 12, days: 56 } as const;

/** An integer from `min` to `max`, or undefined after reporting why not. */
function intIn(f: Fields, key: string, min: number, max: number, required = true): number | undefined {
  const v = f.int(key, required, min);
  if (v !== undefined && v > max) {
    f.issues.add(f.at(key), `应为 ${min} 至 ${max} 的整数`, `must be an integer from ${min} to ${max}`);
    return undefined;
  }
  return v;
}

/** A number (not only a whole one) of at least `min`. */
function numberAtLeast(f: Fields, key: string, min: number): number | undefined {
  const v = f.value[key];
  if (v === undefined || v === null) {
    f.issues.add(
      f.at(key),
      v === null ? '值为空（null）' : '缺少必填字段',
      v === null ? 'value is empty (null)' : 'required field is missing',
    );
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    f.issues.add(f.at(key), `应为不小于 ${min} 的数`, `must be a number of at least ${min}`);
    return undefined;
  }
  return v;
}

function checkBaseline(rule: Fields): string | undefined {
  const kind = rule.value.baseline;
  const kinds = ['none', 'same_weekday_mean', 'daily_mean'] as const;
  const keys =
    kind !== null && typeof kind === 'object' && 'kind' in kind
      ? { same_weekday_mean: ['kind', 'weeks'], daily_mean: ['kind', 'days'] }[String(kind.kind)]
      : undefined;
  const b = rule.obj('baseline', keys ?? ['kind']);
  if (!b) return undefined;
  const k = b.oneOf('kind', kinds);
  if (k === 'same_weekday_mean') intIn(b, 'weeks', 1, MAX.weeks);
  if (k === 'daily_mean') intIn(b, 'days', 1, MAX.days);
  return k;
}

function checkThreshold(rule: Fields, baseline: string | undefined): void {
  const kind = rule.value.threshold;
  const keys =
    kind !== null && typeof kind === 'object' && 'kind' in kind
      ? { at_least: ['kind', 'count'], ratio_to_baseline: ['kind', 'ratio', 'minCount'] }[String(kind.kind)]
      : undefined;
  const t = rule.obj('threshold', keys ?? ['kind']);
  if (!t) return;
  const k = t.oneOf('kind', ['at_least', 'ratio_to_baseline'] as const);
  if (k === 'at_least') {
    t.int('count', true, 1);
    if (baseline !== undefined && baseline !== 'none') {
      rule.issues.add(
        rule.at('baseline'),
        '绝对数阈值（“at_least”）不与基线比较，基线应为“none”',
        'an absolute threshold (at_least) compares with no baseline: baseline must be none',
      );
    }
  }
  if (k === 'ratio_to_baseline') {
    const ratio = numberAtLeast(t, 'ratio', 1);
    if (ratio !== undefined && ratio <= 1) {
      t.issues.add(t.at('ratio'), '应大于 1（高于基线）', 'must be above 1 (above the baseline)');
    }
    t.int('minCount', true, 1);
    if (baseline === 'none') {
      rule.issues.add(
        rule.at('baseline'),
        '与基线之比（“ratio_to_baseline”）需要基线：“same_weekday_mean”或“daily_mean”',
        'a ratio to the baseline (ratio_to_baseline) needs one: same_weekday_mean or daily_mean',
      );
    }
  }
}

/** One rule; returns its id when well-formed. */
function checkRule(rule: Fields, signals: readonly KnownSignal[]): string | undefined {
  checkSourced(rule);
  const id = rule.str('id', true, ID);
  rule.text('title');
  const feeds = [...new Set(signals.map((s) => s.feed))];
  const feed = rule.oneOf('feed', feeds);
  const offered = signals.filter((s) => s.feed === feed);
  const measure =
    feed === undefined
      ? rule.str('measure')
      : rule.oneOf(
          'measure',
          offered.map((s) => s.measure),
        );
  const signal = offered.find((s) => s.measure === measure);
  const level = rule.oneOf('level', LEVELS);
  if (signal && level) {
    if (signal.unit === 'site' && level !== 'site') {
      rule.issues.add(
        rule.at('level'),
        `“${feed}”按单位（如学校）计数，层级应为“site”`,
        `"${feed}" is counted per site (a school): level must be site`,
      );
    } else if (signal.unit === 'jurisdiction' && level === 'site') {
      rule.issues.add(
        rule.at('level'),
        `“${feed}”按行政区划计数，层级应为“city”“county”“town”或“village”`,
        `"${feed}" is counted per jurisdiction: level must be city, county, town or village`,
      );
    }
  }
  intIn(rule, 'windowDays', 1, MAX.windowDays);
  checkThreshold(rule, checkBaseline(rule));
  rule.bool('proposeWarning');
  return id;
}

/**
 * MON-4: checks `triggers` of a pack (optional): each rule cites its clause, names a feed and measure
 * offered to the triggers (`signals`, by default the list kept equal to the registered ones), a
 * level that fits the series, a window, a baseline and a threshold that fit each other; ids unique.
 */
export function checkTriggers(f: Fields, signals: readonly KnownSignal[] = TRIGGER_SIGNALS): void {
  const rules = f.items('triggers', RULE_KEYS, false, 1);
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const id = checkRule(rule, signals);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else
      f.issues.add(
        rule.at('id'),
        `触发规则编号“${id}”与第 ${first + 1} 项重复`,
        `trigger rule id "${id}" repeats item ${first + 1}`,
      );
  });
}
