import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import type { Plan } from '../../rules/policy/types.js';
import { type PlanEventInput, phaseKey, recordPlanEvent, testKey } from '../arrivals/index.js';
import { onDate } from './clock.js';
import type { Random } from './random.js';

export interface PlannedArrival {
  arrivalId: string;
  jurisdictionCode: string;
  plan: Plan | null;
}

/**
 * Work already done on the plans, so that the deadline lists show done, open and overdue items:
 * ARR-5 day-1 tests recorded negative but every fourth (counted apart in the community worker's
 * community `first`, so theirs has one too) left overdue; of the ARR-4 arrivals whose day 7
 * has passed, the first released after its "1+1" tests (ISO-6), the others left with tests overdue.
 */
export async function recordDemoEvents(
  tx: Queryable,
  actor: Actor,
  random: Random,
  now: Date,
  arrivals: readonly PlannedArrival[],
  first: string,
): Promise<number> {
  let recorded = 0;
  const seen = { first: 0, elsewhere: 0 };
  let released = false;
  const record = async (arrivalId: string, input: PlanEventInput) => {
    await recordPlanEvent(tx, actor, arrivalId, input);
    recorded++;
  };
  const morningOf = (plan: Plan, date: string) => onDate(date, plan.timeZone, 9, random.int(0, 59));
  for (const { arrivalId, jurisdictionCode, plan } of arrivals) {
    if (!plan) continue;
    const past = plan.tests.filter((test) => new Date(test.dueAt) < now);
    if (plan.rule === 'ARR-5' && past.length > 0) {
      const group = jurisdictionCode.startsWith(first) ? 'first' : 'elsewhere';
      if (seen[group]++ % 4 === 0) continue;
      for (const test of past) {
        await record(arrivalId, { item: testKey(test), result: 'negative', at: morningOf(plan, test.date) });
      }
    } else if (plan.rule === 'ARR-4' && past.length > 0) {
      const release = !released;
      for (const test of release ? past : past.slice(0, 1)) {
        await record(arrivalId, { item: testKey(test), result: 'negative', at: morningOf(plan, test.date) });
      }
      const lastPhase = plan.phases.at(-1);
      if (release && lastPhase) {
        const end = onDate(lastPhase.endDate, plan.timeZone, 16);
        await record(arrivalId, { item: phaseKey(plan.phases.length - 1), result: 'done', at: end });
        released = true;
      }
    }
  }
  return recorded;
}
