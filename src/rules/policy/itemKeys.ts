import type { PlanTest } from './types.js';

/**
 * The keys of a plan's items, as results are recorded against them and deadlines opened for them:
 * "test:nat:d7" (a test by kind and plan day), "phase:0:end" (the end of a phase by its index).
 */
export const testKey = (test: Pick<PlanTest, 'kind' | 'day'>) => `test:${test.kind}:d${test.day}`;
export const phaseKey = (index: number) => `phase:${index}:end`;
/**
 * ARR-8 / ARR-9 / ARR-10: the NAT taken to make up a shortfall (no negative NAT in time, no green
 * code). Not a test of the plan's schedule; a negative one closes the shortfall tasks (migration 0071).
 */
export const SHORTFALL_NAT_ITEM = 'test:nat:shortfall';
