import type { PlanJson } from './api';

export type PlanPhaseJson = PlanJson['phases'][number];
export type PlanTestJson = PlanJson['tests'][number];

/** The last day the timeline shows: the end of the last phase, the last test, or the arrival here. */
export function lastDay(plan: PlanJson): number {
  return Math.max(
    1,
    plan.arrivalDay ?? 0,
    ...plan.phases.map((phase) => phase.endDay),
    ...plan.tests.map((test) => test.day),
  );
}

/**
 * The tests a phase holds, as release counts them (ISO-6): after its start (from the very first day
 * for the first phase) up to and including its last day. Tests outside every phase come last.
 */
export function testsByPhase(plan: PlanJson): { phase: PlanPhaseJson | undefined; tests: PlanTestJson[] }[] {
  const groups = plan.phases.map((phase, index) => ({
    phase,
    tests: plan.tests.filter(
      (test) => (index === 0 ? true : test.day > phase.startDay) && test.day <= phase.endDay,
    ),
  }));
  const placed = new Set(groups.flatMap((group) => group.tests));
  const rest = plan.tests.filter((test) => !placed.has(test));
  return rest.length > 0 ? [...groups, { phase: undefined, tests: rest }] : groups;
}

/** Days worth a tick on the axis: day 0, phase boundaries, test days, the arrival and the end. */
export function tickDays(plan: PlanJson): number[] {
  const days = new Set<number>([0, lastDay(plan)]);
  for (const phase of plan.phases) {
    days.add(phase.startDay);
    days.add(phase.endDay);
  }
  for (const test of plan.tests) days.add(test.day);
  if (plan.arrivalDay) days.add(plan.arrivalDay);
  return [...days].sort((a, b) => a - b);
}
