import type { Queryable } from '../../platform/db/types.js';

/**
 * ISO-4 "一报告": the abnormal readings of a stay whose immediate report is still open (not yet
 * handled). Release is refused while one is open (never understate risk).
 */
export async function openAbnormalReports(tx: Queryable, stayId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM monitoring_readings WHERE stay_id = $1 AND abnormal AND handled_at IS NULL`,
    [stayId],
  );
  return row?.n ?? 0;
}
