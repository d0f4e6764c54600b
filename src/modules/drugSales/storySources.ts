import type { StorySource } from '../../platform/surfaces/types.js';

/** What the drugSales module adds to a person's story. */
export const drugSalesStorySources: readonly StorySource[] = [];
