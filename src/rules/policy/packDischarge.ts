import type { DischargeStep } from './outbreakTypes.js';
import type { Fields } from './packCheck.js';
import { checkSourced, SOURCED } from './packItems.js';
import type { TestKind } from './types.js';

/** CAS-3: what follows a patient's discharge (出院后隔离观察、随访复诊). */
export const DISCHARGE_PACK_KEYS = ['dischargeFollowUp'] as const;

const STEP_KEYS = ['kind', 'day', 'untilDay', 'test', 'title', ...SOURCED];
const SPANS: readonly DischargeStep['kind'][] = ['isolation', 'health_monitoring'];
const KINDS: readonly DischargeStep['kind'][] = [...SPANS, 'follow_up_visit', 'test'];
const TEST_KINDS: readonly TestKind[] = ['nat', 'antigen', 'serum'];
/** A follow-up reaching past 90 days after discharge is a slip (the seeds speak of weeks, not months). */
const MAX_DAY = 90;

interface Span {
  day: number;
  untilDay: number;
}

function dayIn(f: Fields, key: string, min: number, required: boolean): number | undefined {
  const v = f.int(key, required, min);
  if (v !== undefined && v > MAX_DAY) {
    f.issues.add(
      f.at(key),
      `应为 ${min} 至 ${MAX_DAY} 的整数`,
      `must be an integer from ${min} to ${MAX_DAY}`,
    );
    return undefined;
  }
  return v;
}

/** One step; returns its span for isolation and monitoring. */
function checkStep(step: Fields): Span | undefined {
  checkSourced(step);
  step.text('title');
  const kind = step.oneOf('kind', KINDS);
  const day = dayIn(step, 'day', 0, true);
  const isSpan = kind !== undefined && SPANS.includes(kind);
  if (kind === 'test') step.oneOf('test', TEST_KINDS);
  else if (step.value.test !== undefined) {
    step.issues.add(step.at('test'), '只用于检测步骤（“test”）', 'is used only by a test step (kind: test)');
  }
  if (kind !== undefined && !isSpan) {
    if (step.value.untilDay !== undefined) {
      step.issues.add(
        step.at('untilDay'),
        '只用于隔离和健康监测步骤',
        'is used only by isolation and health-monitoring steps',
      );
    }
    return undefined;
  }
  const untilDay = dayIn(step, 'untilDay', 1, isSpan);
  if (day === undefined || untilDay === undefined) return undefined;
  if (untilDay <= day) {
    step.issues.add(step.at('untilDay'), '“untilDay”必须大于“day”', 'untilDay must be after day');
    return undefined;
  }
  return { day, untilDay };
}

/**
 * CAS-3: checks `dischargeFollowUp` of a pack (optional): cited, at least one step; isolation and
 * monitoring steps each run from `day` to `untilDay` and follow each other without overlapping.
 */
export function checkDischargeFollowUp(f: Fields): void {
  const d = f.obj('dischargeFollowUp', ['steps', ...SOURCED], false);
  if (!d) return;
  checkSourced(d);
  const steps = d.items('steps', STEP_KEYS, true, 1);
  let previous: Span | undefined;
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
}
