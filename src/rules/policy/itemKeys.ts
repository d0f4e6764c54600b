import type { PlanTest } from './types.js';

/**
 * The keys of a plan's items, as results are recorded against them and deadlines opened for them:
 * "test:nat:d7" (a test by kind and plan day), "phase:0:end" (the end of a phase by its index).
 */
export const testKey = (test: Pick<PlanTest, 'kind' | 'day'>) => `test:${test.kind}:d${test.day}`;
export const phaseKey = (index: number) => `phase:${index}:end`;
