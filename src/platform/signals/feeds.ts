import { drugSalesSignals } from '../../modules/drugSales/index.js';
import { sentinelsSignals } from '../../modules/sentinels/index.js';
import type { SignalMeasure } from './types.js';

/** Every feed's signals (MON-4). A feed module adds its measures here, as it adds its routes. */
export const SIGNAL_MEASURES: readonly SignalMeasure[] = [...drugSalesSignals, ...sentinelsSignals];
