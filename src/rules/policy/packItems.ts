import type { Fields } from './packCheck.js';
import type {
  OriginRisk,
  PhaseKind,
  RequirementSpec,
  RestrictionSpec,
  RiskLevel,
  TestKind,
} from './types.js';

/** Runtime lists of the type unions; `satisfies Record<…>` keeps them complete when a union grows. */
const keys = <T extends string>(r: Record<T, 1>) => Object.keys(r) as T[];
const PHASE_KINDS = keys<PhaseKind>({
  centralised_isolation: 1,
  home_isolation: 1,
  health_monitoring: 1,
  designated_place: 1,
});
const TEST_KINDS = keys<TestKind>({ nat: 1, antigen: 1, serum: 1 });
const RISK_LEVELS = keys<RiskLevel>({ high: 1, medium: 1, low: 1 });
const ORIGIN_RISKS = keys<OriginRisk>({ high: 1, medium: 1, low: 1, key_concern: 1 });
const RESTRICTIONS = keys<RestrictionSpec['id']>({
  no_gatherings: 1,
  no_movement: 1,
  daily_health_report: 1,
  closed_loop_transfer: 1,
  register_with_community: 1,
  register_with_employer: 1,
});
const REQUIREMENTS = keys<RequirementSpec['id']>({
  negative_nat_within_hours: 1,
  green_health_code_or_negative_nat: 1,
});

export const SOURCED = ['source', 'assumption', 'reason'] as const;

/** A registered source document's id: the five preloaded are '000' … '004' (quoted in YAML). */
const DOCUMENT = {
  re: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  zh: "已登记文件的编号，如 '002'（加引号）",
  en: "a registered document's id such as '002' (quoted)",
};

/**
 * Every prescribing item cites a registered document and its clause (section); an item the document
 * leaves open says so and why.
 * `required` is false only for the pack itself, whose source is optional.
 */
export function checkSourced(f: Fields, required = true): void {
  const source = f.obj('source', ['document', 'section', 'quote'], required);
  source?.str('document', true, DOCUMENT);
  source?.str('section');
  source?.str('quote', false);
  const assumption = f.bool('assumption');
  const reason = f.str('reason', false);
  if (assumption === true && reason === undefined && f.value.reason === undefined) {
    f.issues.add(
      f.at('reason'),
      'assumption: true 时必须写明理由 reason',
      'assumption: true requires a reason',
    );
  }
}

export interface DaySpan {
  startDay: number;
  endDay: number;
}

function range(f: Fields, key: string): void {
  const r = f.obj(key, ['min', 'max'], false);
  if (!r) return;
  const min = r.int('min', false);
  const max = r.int('max', false);
  if (min === undefined && max === undefined) {
    f.issues.add(f.at(key), '至少写明 min 或 max', 'give min or max');
  } else if (min !== undefined && max !== undefined && min > max) {
    f.issues.add(f.at(key), 'min 不得大于 max', 'min must not exceed max');
  }
}

function levels(f: Fields, key: string, allowed: readonly string[]): void {
  f.list(key, false, 1)?.forEach((v, i) => {
    if (typeof v !== 'string' || !allowed.includes(v)) {
      f.issues.add(
        `${f.at(key)}[${i}]`,
        `应为以下之一：${allowed.join('、')}`,
        `must be one of: ${allowed.join(', ')}`,
      );
    }
  });
}

export const MATCH_KEYS = [
  'origin',
  'originRisk',
  'originDistrictRisk',
  'contact',
  'returnee',
  'truckCrew',
  'portIsolationDays',
  'daysSinceEntry',
];

/** Returns the `origin` the match names (undefined when it names none). */
export function checkMatch(m: Fields): string | undefined {
  const origin = m.oneOf('origin', ['overseas', 'domestic'], false);
  levels(m, 'originRisk', ORIGIN_RISKS);
  levels(m, 'originDistrictRisk', RISK_LEVELS);
  m.oneOf('contact', ['close_contact_of_inbound_positive'], false);
  m.oneOf('returnee', ['rural'], false);
  m.bool('truckCrew');
  range(m, 'portIsolationDays');
  range(m, 'daysSinceEntry');
  return origin;
}

function span(f: Fields, minLength: number): DaySpan | undefined {
  const startDay = f.int('startDay');
  const endDay = f.int('endDay');
  if (startDay === undefined || endDay === undefined) return undefined;
  if (endDay < startDay + minLength) {
    f.issues.add(
      f.at('endDay'),
      minLength ? 'endDay 必须大于 startDay' : 'endDay 不得小于 startDay',
      minLength ? 'endDay must be after startDay' : 'endDay must not be before startDay',
    );
    return undefined;
  }
  return { startDay, endDay };
}

export function checkPhase(f: Fields): DaySpan | undefined {
  checkSourced(f);
  f.oneOf('kind', PHASE_KINDS);
  return span(f, 1);
}

export interface TestDays {
  days: number[];
  forRelease: boolean;
}

export function checkTest(f: Fields): TestDays | undefined {
  checkSourced(f);
  f.oneOf('kind', TEST_KINDS);
  f.int('reagents', false, 1);
  const forRelease = f.bool('forRelease') === true;
  // Issue 12 Deliver 4: whether a done test satisfies this one when a new version moves it.
  const earlier = f.obj('earlierResult', ['accept', 'withinDays', ...SOURCED], false);
  if (earlier) {
    checkSourced(earlier);
    earlier.bool('accept', true);
    earlier.int('withinDays', false, 0);
  }
  const list = f.list('days', true, 1);
  if (!list) return undefined;
  const days: number[] = [];
  list.forEach((d, i) => {
    const path = `${f.at('days')}[${i}]`;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      f.issues.add(path, '应为不小于 0 的整数', 'must be an integer of at least 0');
    } else if (days.includes(d)) {
      f.issues.add(path, `第 ${d} 天重复`, `day ${d} is listed twice`);
    } else days.push(d);
  });
  return { days, forRelease };
}

export function checkRestriction(f: Fields): void {
  checkSourced(f);
  f.oneOf('id', RESTRICTIONS);
  span(f, 0);
}

export function checkRequirement(f: Fields): void {
  checkSourced(f);
  f.oneOf('id', REQUIREMENTS);
  f.int('hours', true, 1);
}

export function checkAdjustment(f: Fields): void {
  checkSourced(f);
  f.obj('when', ['homeIsolationConditions'])?.bool('homeIsolationConditions', true);
  const replace = f.obj('replacePhase', ['from', 'to']);
  const from = replace?.oneOf('from', PHASE_KINDS);
  const to = replace?.oneOf('to', PHASE_KINDS);
  if (replace && from && from === to) {
    f.issues.add(replace.at('to'), 'to 必须不同于 from', 'to must differ from from');
  }
}

/** Returns the division code when it is well-formed. */
export function checkHighRiskCity(f: Fields): string | undefined {
  checkSourced(f);
  f.str('name');
  return f.str('divisionCode', true, {
    re: /^\d{6}$/,
    zh: "六位 GB/T 2260 区划代码（加引号，如 '310000'）",
    en: "a six-digit GB/T 2260 division code (quoted, e.g. '310000')",
  });
}

export const READING_KEYS = ['term', ...SOURCED];

/**
 * Issue 12 item 8: the term of its document a protocol's match reads (重点地区 as high- and
 * medium-risk areas, or as key-concern areas), cited like any item.
 */
export function checkReading(f: Fields): void {
  checkSourced(f);
  f.str('term');
}

/** B7: what applies to an origin known only to a level holding a published area. */
export function checkCoarseOrigin(f: Fields): void {
  checkSourced(f);
  f.oneOf('reading', ['cautious', 'review']);
}
