import type { SignalFeed } from '../../platform/signals/types.js';

/** The drugSales module's daily series for the multi-point triggers (MON-4). */
export const drugSalesSignals: SignalFeed = [];
