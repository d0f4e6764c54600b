import { CONTACT_CLASSES, type ContactStep } from './outbreakTypes.js';
import type { Fields } from './packCheck.js';
import { checkSourced, SOURCED } from './packItems.js';
import type { TestKind } from './types.js';

/** EPI-4: how contacts are controlled once identified (密接、次密接集中隔离，一般接触者居家隔离). */
export const CONTACT_PACK_KEYS = ['contactControl'] as const;

const STEP_KEYS = ['kind', 'withinHours', 'singleRoom', 'day', 'untilDay', 'test', 'title', ...SOURCED];
const SPANS: readonly ContactStep['kind'][] = [
  'centralised_isolation',
  'home_isolation',
  'health_monitoring',
];
const KINDS: readonly ContactStep['kind'][] = ['transfer', ...SPANS, 'test'];
const TEST_KINDS: readonly TestKind[] = ['nat', 'antigen', 'serum'];
/** Control reaching past 60 days after the exposure is a slip (the documents speak of 14 + 7 days). */
const MAX_DAY = 60;
/** A transfer allowed more than 72 hours is a slip: EPI-4 asks for 12. */
const MAX_HOURS = 72;

function bounded(f: Fields, key: string, min: number, max: number, required: boolean): number | undefined {
  const v = f.int(key, required, min);
  if (v !== undefined && v > max) {
    f.issues.add(f.at(key), `应为 ${min} 至 ${max} 的整数`, `must be an integer from ${min} to ${max}`);
    return undefined;
  }
  return v;
}

function notFor(step: Fields, key: string, zh: string, en: string): void {
  if (step.value[key] !== undefined) step.issues.add(step.at(key), zh, en);
}

/** One step; returns its span for isolation and monitoring. */
function checkStep(step: Fields): { day: number; untilDay: number } | undefined {
  checkSourced(step);
  step.text('title');
  const kind = step.oneOf('kind', KINDS);
  if (kind === undefined) return undefined;
  if (kind === 'transfer') {
    bounded(step, 'withinHours', 1, MAX_HOURS, true);
    step.bool('singleRoom');
    for (const key of ['day', 'untilDay', 'test']) {
      notFor(step, key, '转运步骤按小时计，不写天数或检测', 'a transfer counts hours: no days or test');
    }
    return undefined;
  }
  notFor(step, 'withinHours', '只用于转运步骤（“transfer”）', 'is used only by a transfer step');
  if (kind === 'centralised_isolation') step.bool('singleRoom');
  else
    notFor(
      step,
      'singleRoom',
      '只用于转运和集中隔离步骤',
      'is used only by transfer and centralised isolation',
    );
  const day = bounded(step, 'day', 0, MAX_DAY, true);
  if (kind === 'test') {
    step.oneOf('test', TEST_KINDS);
    notFor(
      step,
      'untilDay',
      '只用于隔离和健康监测步骤',
      'is used only by isolation and health-monitoring steps',
    );
    return undefined;
  }
  notFor(step, 'test', '只用于检测步骤（“test”）', 'is used only by a test step (kind: test)');
  const untilDay = bounded(step, 'untilDay', 1, MAX_DAY, true);
  if (day === undefined || untilDay === undefined) return undefined;
  if (untilDay <= day) {
    step.issues.add(step.at('untilDay'), '“untilDay”必须大于“day”', 'untilDay must be after day');
    return undefined;
  }
  return { day, untilDay };
}

/**
 * EPI-4: checks `contactControl` of a pack (optional): cited; per class (close, secondary_close,
 * general) at least one step, each cited; isolation and monitoring run from `day` to `untilDay`
 * without overlapping; close and secondary close contacts, when listed, are transferred to
 * centralised isolation (002 §25: they are never left at home by a pack's slip).
 */
export function checkContactControl(f: Fields): void {
  const c = f.obj('contactControl', ['classes', ...SOURCED], false);
  if (!c) return;
  checkSourced(c);
  const classes = c.obj('classes', CONTACT_CLASSES, true);
  if (!classes) return;
  for (const name of CONTACT_CLASSES) {
    const cls = classes.obj(name, ['steps', ...SOURCED], false);
    if (!cls) continue;
    if (cls.value.source !== undefined) checkSourced(cls);
    const steps = cls.items('steps', STEP_KEYS, true, 1);
    let previous: { day: number; untilDay: number } | undefined;
    for (const step of steps) {
      const span = checkStep(step);
      if (!span) continue;
      if (previous && span.day < previous.untilDay) {
        step.issues.add(
          step.at('day'),
          `不得早于上一隔离或监测步骤的结束日（第 ${previous.untilDay} 天）：步骤之间不得重叠`,
          `must not be before the previous isolation or monitoring step's last day (day ${previous.untilDay}): steps may not overlap`,
        );
      }
      previous = span;
    }
    if (name !== 'general' && steps.length > 0) {
      const kinds = steps.map((s) => s.value.kind);
      if (!kinds.includes('transfer') || !kinds.includes('centralised_isolation')) {
        cls.issues.add(
          cls.at('steps'),
          '密切接触者和次密切接触者须有转运（“transfer”）和集中隔离（“centralised_isolation”）步骤（EPI-4）',
          'close and secondary close contacts need a transfer and a centralised_isolation step (EPI-4)',
        );
      }
    }
  }
}
