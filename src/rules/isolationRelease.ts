import { phaseKey, testKey } from './policy/itemKeys.js';
import type { PhaseKind, Plan, Source, TestKind, Text } from './policy/types.js';

/**
 * ISO-6 (002 §3 "两种试剂平行检测结果为阴性者，方可解除集中医学观察"): a person leaves isolation only
 * when the plan allows it — the period is over, the tests the plan needs for release are negative
 * (with as many reagents in parallel as it names), no test during the stay was positive, and no
 * abnormal reading's report is still open. Pure: the caller reads the dates, results and reports.
 */

/** A test the plan needs negative before release, on or after its local date. */
export interface RequiredTest {
  /** The plan item it is (arrival plans: testKey; contacts: the step's deadline kind). */
  key: string;
  kind: TestKind;
  /** Plan day (from the plan's day 0). */
  day: number;
  /** Local date of that day: a result sampled earlier does not count. */
  date: string;
  /** Parallel reagents, each negative (one reagent never stands for two). */
  reagents: number;
  label: Text;
  source?: Source;
  /** Set when the plan names no release test and this one is the local reading (本地口径). */
  assumption?: Text;
}

/** A result taken during the stay, at the site or by the testing module (an individual tube). */
export interface StayTestResult {
  kind: TestKind;
  /** Local date of sampling. */
  sampledDate: string;
  reagents: number;
  result: 'negative' | 'positive' | 'invalid';
}

export interface ReleaseFacts {
  /** Local date of the phase's last day. */
  lastDate: string;
  /** Local date now. */
  today: string;
  required: readonly RequiredTest[];
  results: readonly StayTestResult[];
  /** Abnormal readings of the stay whose immediate report is still open (ISO-4). */
  openAbnormalReports: number;
}

type ReleaseReasonCode =
  | 'period_not_over'
  | 'test_missing'
  | 'positive_result'
  | 'abnormal_report_open'
  | 'plan_missing'
  | 'not_started'
  | 'stay_ended';

export interface ReleaseReason extends Text {
  code: ReleaseReasonCode;
}

export interface ReleaseAnswer {
  allowed: boolean;
  reasons: ReleaseReason[];
  /** Each required test and whether a result satisfies it. */
  tests: Array<RequiredTest & { satisfied: boolean }>;
}

const KIND: Record<TestKind, Text> = {
  nat: { zh: '核酸检测', en: 'NAT' },
  antigen: { zh: '抗原检测', en: 'antigen test' },
  serum: { zh: '血清抗体检测', en: 'serum antibody test' },
};

/** "2026-12-20" → "2026年12月20日". */
function zhDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "第14天核酸检测（2种试剂平行检测）" / "Day-14 NAT (2 reagents in parallel)". */
export function testLabel(kind: TestKind, day: number, reagents: number): Text {
  return {
    zh: `第${day}天${KIND[kind].zh}${reagents > 1 ? `（${reagents}种试剂平行检测）` : ''}`,
    en: `Day-${day} ${KIND[kind].en}${reagents > 1 ? ` (${reagents} reagents in parallel)` : ''}`,
  };
}

/** Whether one result satisfies a required test: its kind, negative, on or after its day, enough reagents. */
function satisfies(result: StayTestResult, test: RequiredTest): boolean {
  return (
    result.kind === test.kind &&
    result.result === 'negative' &&
    result.sampledDate >= test.date &&
    result.reagents >= test.reagents
  );
}

export function releaseCheck(facts: ReleaseFacts): ReleaseAnswer {
  const reasons: ReleaseReason[] = [];
  if (facts.today < facts.lastDate)
    reasons.push({
      code: 'period_not_over',
      zh: `隔离期至${zhDate(facts.lastDate)}，尚未期满`,
      en: `The isolation period runs until ${facts.lastDate}`,
    });
  const tests = facts.required.map((test) => ({
    ...test,
    satisfied: facts.results.some((result) => satisfies(result, test)),
  }));
  for (const test of tests.filter((t) => !t.satisfied))
    reasons.push({
      code: 'test_missing',
      zh: `${test.label.zh}尚无阴性结果`,
      en: `${test.label.en} has no negative result yet`,
    });
  if (facts.results.some((result) => result.result === 'positive'))
    reasons.push({
      code: 'positive_result',
      zh: '隔离期间检测结果阳性，不得解除隔离，应转送定点医院',
      en: 'A test during the stay was positive: no release; transfer to the designated hospital',
    });
  if (facts.openAbnormalReports > 0)
    reasons.push({
      code: 'abnormal_report_open',
      zh: `有${facts.openAbnormalReports}条体温或症状异常报告尚未处置完毕`,
      en: `${facts.openAbnormalReports} abnormal reading report(s) still open`,
    });
  return { allowed: reasons.length === 0, reasons, tests };
}

/** When the person's plan cannot be read, nothing allows release (never understate risk). */
export const PLAN_MISSING: ReleaseReason = {
  code: 'plan_missing',
  zh: '找不到该人员有效的管控方案，无法判定能否解除',
  en: 'No active plan of this person: release cannot be judged',
};

/** A room allocated, the person not yet arrived: the centralised phase has not begun. */
export const STAY_NOT_STARTED: ReleaseReason = {
  code: 'not_started',
  zh: '人员尚未转运入住，集中隔离尚未开始',
  en: 'The person has not arrived in the room: the isolation has not begun',
};

/** The stay is over: there is nothing to release. */
export const STAY_ENDED: ReleaseReason = {
  code: 'stay_ended',
  zh: '该隔离已结束',
  en: 'This stay has already ended',
};

/** The phase kinds a stay is: a room (centralised) or at home (home isolation, health monitoring). */
const HOME_PHASES: readonly PhaseKind[] = ['home_isolation', 'health_monitoring'];

/**
 * An arrival's stay (ARR-*): the plan's tests marked for release that fall in the phase, with their
 * reagents — exactly those releaseBlockers of the arrivals module waits for before the phase's end.
 */
export function arrivalReleaseTests(
  plan: Pick<Plan, 'phases' | 'tests'>,
  phaseIndex: number,
): RequiredTest[] {
  const phase = plan.phases[phaseIndex];
  if (!phase) return [];
  const start = phaseIndex === 0 ? Number.NEGATIVE_INFINITY : phase.startDay;
  return plan.tests
    .filter((t) => t.forRelease && t.day > start && t.day <= phase.endDay)
    .map((t) => ({
      key: testKey(t),
      kind: t.kind,
      day: t.day,
      date: t.date,
      reagents: t.reagents,
      label: testLabel(t.kind, t.day, t.reagents),
      source: t.source,
    }));
}

/** The phase of an arrival plan a stay is in: its kind, ending on the stay's planned end date. */
export function arrivalPhaseOf(
  plan: Pick<Plan, 'phases'>,
  stayKind: 'centralised' | 'home',
  plannedEndDate: string,
): { index: number; key: string; next: { index: number; kind: PhaseKind; endDate: string } | null } | null {
  const fits = (kind: PhaseKind) =>
    stayKind === 'centralised' ? kind === 'centralised_isolation' : HOME_PHASES.includes(kind);
  const exact = plan.phases.findIndex((p) => fits(p.kind) && p.endDate === plannedEndDate);
  const index = exact >= 0 ? exact : plan.phases.findIndex((p) => fits(p.kind));
  if (index < 0) return null;
  const following = plan.phases[index + 1];
  const next =
    following && HOME_PHASES.includes(following.kind)
      ? { index: index + 1, kind: following.kind, endDate: following.endDate }
      : null;
  return { index, key: phaseKey(index), next };
}

/** The stored steps of a contact's plan (EPI-4, rules/policy/contactPlan.ts), as far as release reads them. */
export interface ContactStepFacts {
  kind: string;
  day?: number;
  date?: string;
  untilDay?: number;
  untilDate?: string;
  test?: TestKind;
}

/** The local reading for contacts, shown on the page: 002 §25 names no release test for contacts. */
const CONTACT_RELEASE_READING: Text = {
  zh: '本地口径：《福建省冬春季新冠肺炎疫情防控工作方案》第25条未规定密切接触者解除集中隔离前的检测，按入境人员的做法，以集中隔离期最后一次检测（无检测安排时为最后一天的核酸检测）阴性作为解除条件。',
  en: 'Local reading: 002 §25 names no test before a contact leaves centralised isolation; as for inbound arrivals, the last test of the centralised span (a NAT on its last day when the plan has none) must be negative.',
};

/**
 * A contact's centralised span and what release needs (EPI-4, ISO-6). The contact plan marks no
 * release test (002 §25 names none), so the local reading (本地口径) applies, as for inbound
 * arrivals (002 §3 "集中隔离医学观察期满…检测结果为阴性者，方可解除"): the last test of the span, one
 * reagent; a span with no test needs a NAT on its last day. `next` is the home isolation or health
 * monitoring step that follows the span, if any.
 */
export function contactRelease(
  steps: readonly ContactStepFacts[],
  plannedEndDate: string,
  stayKind: 'centralised' | 'home' = 'centralised',
): {
  lastDate: string;
  required: RequiredTest[];
  next: { kind: PhaseKind; endDate: string } | null;
  spanKinds: string[];
} | null {
  const fits = (kind: string) =>
    stayKind === 'centralised' ? kind === 'centralised_isolation' : HOME_PHASES.includes(kind as PhaseKind);
  const spans = steps.filter((s) => fits(s.kind));
  const span = spans.find((s) => (s.untilDate ?? s.date) === plannedEndDate) ?? spans.at(-1);
  if (!span || span.day === undefined) return null;
  const from = span.day;
  const until = span.untilDay ?? span.day;
  const lastDate = span.untilDate ?? span.date ?? plannedEndDate;
  // A test on the day one span hands over to the next belongs to the earlier span (as an arrival's
  // phases read it): a later span counts its tests from the day after it starts.
  const first = !steps.some((s) => s !== span && s.kind !== 'test' && s.day !== undefined && s.day < from);
  const inSpan = steps.filter(
    (s) =>
      s.kind === 'test' &&
      s.day !== undefined &&
      (first ? s.day >= from : s.day > from) &&
      s.day <= until &&
      s.date,
  );
  const last = inSpan.reduce<ContactStepFacts | undefined>(
    (best, s) => (best === undefined || (s.day ?? 0) >= (best.day ?? 0) ? s : best),
    undefined,
  );
  const required: RequiredTest[] = [];
  // At home the plan's own last test, if it names one; a room needs one in any case (本地口径).
  if (last || stayKind === 'centralised') {
    const kind: TestKind = last?.test ?? 'nat';
    const day = last?.day ?? until;
    required.push({
      key: `test:${String(day).padStart(2, '0')}`,
      kind,
      day,
      date: last?.date ?? lastDate,
      reagents: 1,
      label: testLabel(kind, day, 1),
      assumption: CONTACT_RELEASE_READING,
    });
  }
  const following = steps.find(
    (s) => s !== span && HOME_PHASES.includes(s.kind as PhaseKind) && s.day !== undefined && s.day >= until,
  );
  const next = following
    ? { kind: following.kind as PhaseKind, endDate: following.untilDate ?? following.date ?? lastDate }
    : null;
  return {
    lastDate,
    required,
    next,
    spanKinds: [span.kind, ...inSpan.map((s) => `test:${String(s.day).padStart(2, '0')}`)],
  };
}
