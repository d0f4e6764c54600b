import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { endPlanOnLeaving } from '../arrivals/index.js';

/**
 * The truck left after a stay-over: its crew, registered as arrivals for the stay (./stay.ts), left
 * with it, and the truck-crew protocol's plan ends when they leave (ARR-12 "离开即结束"). Their
 * remaining plan tests would otherwise go overdue and escalate (item 19). Returns how many ended.
 */
export async function endCrewPlans(tx: Queryable, actor: Actor, reportId: string, at: Date): Promise<number> {
  const crew = await tx.query<{ arrivalId: string }>(
    `SELECT arrival_id AS "arrivalId" FROM truck_report_crew
     WHERE report_id = $1 AND arrival_id IS NOT NULL ORDER BY position`,
    [reportId],
  );
  let ended = 0;
  for (const member of crew) {
    if (await endPlanOnLeaving(tx, actor, member.arrivalId, 'crew left', at)) ended += 1;
  }
  return ended;
}
