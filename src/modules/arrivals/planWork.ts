import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlines, type DeadlineInput, openDeadlines } from '../../platform/deadlines/service.js';
import type { Plan, PlanPhase, PlanTest } from '../../rules/policy/types.js';
import type { Role } from '../../rules/roles.js';
import { endOfLocalDay } from '../../rules/time.js';
import { phaseText, testText } from './planText.js';

/**
 * A plan's work belongs to the arrival, so lists link straight to the person's page; a plan replaced
 * by a new pack version cancels its open items before the new plan opens the same keys.
 */
export const PLAN_SUBJECT = 'arrival';

/** Centralised isolation is the isolation team's work (ISO-4); everything else the community's. */
function ownerOf(phase: PlanPhase | undefined): Role {
  return phase?.kind === 'centralised_isolation' ? 'isolation_manager' : 'community_worker';
}

function phaseOn(plan: Plan, day: number): PlanPhase | undefined {
  return plan.phases.find((phase) => day >= phase.startDay && day < phase.endDay) ?? plan.phases.at(-1);
}

export const testKey = (test: Pick<PlanTest, 'kind' | 'day'>) => `test:${test.kind}:d${test.day}`;
export const phaseKey = (index: number) => `phase:${index}:end`;

/**
 * Puts a stored plan on the work lists (ARR-*, deadlines): every test due by the end of its day, and
 * every phase's end (release, or transfer to the next phase, ISO-6) by the end of its last day.
 */
export async function openPlanWork(
  tx: Queryable,
  plan: Plan,
  arrival: { id: string; jurisdictionCode: string; personId: string },
  openedAt: Date,
): Promise<number> {
  const common = {
    subjectType: PLAN_SUBJECT,
    subjectId: arrival.id,
    jurisdictionCode: arrival.jurisdictionCode,
    personId: arrival.personId,
    ruleId: plan.rule,
    openedAt,
  };
  const tests: DeadlineInput[] = plan.tests.map((test) => ({
    ...common,
    kind: testKey(test),
    ownerRole: ownerOf(phaseOn(plan, test.day)),
    dueAt: new Date(test.dueAt),
    title: testText(test),
  }));
  const phases: DeadlineInput[] = plan.phases.map((phase, index) => ({
    ...common,
    kind: phaseKey(index),
    ownerRole: ownerOf(phase),
    dueAt: endOfLocalDay(phase.endDate, plan.timeZone),
    title: phaseText(phase, plan.phases[index + 1]),
  }));
  return (await openDeadlines(tx, [...tests, ...phases])).length;
}

export function cancelPlanWork(tx: Queryable, arrivalId: string, reason: string, at: Date): Promise<number> {
  return cancelDeadlines(tx, { subjectType: PLAN_SUBJECT, subjectId: arrivalId }, reason, at);
}
