import { SHORTFALL_NAT_ITEM } from '../../rules/policy/itemKeys.js';
import type { Plan } from '../../rules/policy/types.js';
import { phaseKey, testKey } from './planWork.js';

/**
 * ISO-6: what still stands between a plan item and its recording. A phase may end only when the
 * tests needed for release that fall in it (on or before its last day) are recorded negative.
 * Returns 'unknown_item' for an item the plan does not have.
 */
export function releaseBlockers(
  plan: Plan,
  item: string,
  result: string,
  recorded: ReadonlySet<string>,
): string[] | 'unknown_item' {
  if (item === SHORTFALL_NAT_ITEM)
    return plan.shortfalls.length > 0 && result !== 'done' ? [] : 'unknown_item';
  const test = plan.tests.find((candidate) => testKey(candidate) === item);
  if (test) return result === 'done' ? 'unknown_item' : [];
  const index = plan.phases.findIndex((_, i) => phaseKey(i) === item);
  const phase = plan.phases[index];
  if (!phase || result !== 'done') return 'unknown_item';
  const start = index === 0 ? Number.NEGATIVE_INFINITY : phase.startDay;
  return plan.tests
    .filter((t) => t.forRelease && t.day > start && t.day <= phase.endDay)
    .map(testKey)
    .filter((key) => !recorded.has(`${key}=negative`));
}
