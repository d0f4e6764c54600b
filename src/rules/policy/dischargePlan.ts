import { dayCounter } from './calendar.js';
import type { DischargeFollowUp, DischargeStep } from './outbreakTypes.js';
import type { Source, TestKind, Text } from './types.js';

/**
 * CAS-3 (001 §10 "患者治愈出院后,按照规定方案实施隔离观察和跟踪管理"; 002 §18 "落实治愈后出院患者健康
 * 随访措施"): a pack's follow-up after discharge as dated steps. Day 0 is the local calendar date of
 * the discharge in the jurisdiction's zone; day N is N calendar days later (calendar.ts).
 */
interface DischargePlanStep {
  kind: DischargeStep['kind'];
  day: number;
  /** Local date of `day`. */
  date: string;
  /** Isolation and monitoring: the last day and its local date. */
  untilDay?: number;
  untilDate?: string;
  test?: TestKind;
  title: Text;
  /**
   * The instant the step is due: the end of its last local day (`untilDay` for isolation and
   * monitoring, `day` otherwise). A deadline opened for the step is due then.
   */
  dueAt: Date;
  source: Source;
  assumption?: boolean;
  reason?: string;
}

export interface DischargePlan {
  timeZone: string;
  /** Local date of the discharge (day 0). */
  day0: string;
  /** In the order of their day; steps of one day keep the pack's order. */
  steps: DischargePlanStep[];
  /** Local date of the last day of the last step: the follow-up ends after it. */
  endDate: string;
}

export function dischargePlan(
  followUp: DischargeFollowUp,
  dischargedAt: Date,
  timeZone: string,
): DischargePlan {
  const days = dayCounter(dischargedAt, timeZone);
  const steps = followUp.steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => a.step.day - b.step.day || a.order - b.order)
    .map(({ step }): DischargePlanStep => {
      const last = step.untilDay ?? step.day;
      return {
        kind: step.kind,
        day: step.day,
        date: days.dateOf(step.day),
        ...(step.untilDay !== undefined && {
          untilDay: step.untilDay,
          untilDate: days.dateOf(step.untilDay),
        }),
        ...(step.test !== undefined && { test: step.test }),
        title: step.title,
        dueAt: days.dueAt(last),
        source: step.source,
        ...(step.assumption !== undefined && { assumption: step.assumption }),
        ...(step.reason !== undefined && { reason: step.reason }),
      };
    });
  const lastDay = Math.max(0, ...followUp.steps.map((s) => s.untilDay ?? s.day));
  return { timeZone, day0: days.day0, steps, endDate: days.dateOf(lastDay) };
}
