import { newestFirst } from '../../platform/surfaces/storyText.js';
import type { StoryEvent, StorySource, Text } from '../../platform/surfaces/types.js';

const END_REASONS: Record<string, Text> = {
  duplicate: { zh: '重复报备', en: 'reported twice' },
  not_genuine: { zh: '信息不实', en: 'not genuine' },
  test: { zh: '测试', en: 'a test' },
  called_off: { zh: '行程取消', en: 'trip called off' },
};

interface CrewRow {
  reportId: string;
  status: string;
  unitName: string;
  plate: string;
  originName: string;
  reportedAt: Date;
  verifiedAt: Date | null;
  escortName: string | null;
  escortAssignedAt: Date | null;
  arrivedAt: Date | null;
  leftAt: Date | null;
  stayReason: string | null;
  matchedAt: Date | null;
  endReason: string | null;
  endedAt: Date | null;
  public: boolean;
}

function crewEvents(row: CrewRow): StoryEvent[] {
  const href = `/trucks/${row.reportId}`;
  const event = (at: Date, title: Text, more: Partial<StoryEvent> = {}): StoryEvent => ({
    at: at.toISOString(),
    source: 'trucks',
    title,
    href,
    ...more,
  });
  const events = [
    event(
      row.reportedAt,
      { zh: '报备为货车司乘人员', en: 'Pre-reported as a truck crew member' },
      {
        detail: {
          zh: `${row.unitName}，车牌${row.plate}，来自${row.originName}`,
          en: `${row.unitName}, plate ${row.plate}, from ${row.originName}`,
        },
      },
    ),
  ];
  if (row.public && row.verifiedAt)
    events.push(event(row.verifiedAt, { zh: '货车报备已核实', en: 'Truck report verified' }));
  if (row.escortAssignedAt)
    events.push(
      event(row.escortAssignedAt, {
        zh: row.escortName ? `派专人引导：${row.escortName}` : '派专人引导',
        en: row.escortName ? `Escort assigned: ${row.escortName}` : 'Escort assigned',
      }),
    );
  if (row.arrivedAt)
    events.push(event(row.arrivedAt, { zh: '货车到达检查点', en: 'Truck at the checkpoint' }));
  if (row.status === 'staying' && row.matchedAt)
    events.push(
      event(
        row.matchedAt,
        { zh: '登记滞留，按来返人员管控', en: 'Stay-over recorded, planned as an arrival' },
        {
          detail: row.stayReason
            ? { zh: `滞留原因：${row.stayReason}`, en: `Reason: ${row.stayReason}` }
            : null,
          tone: 'warning',
        },
      ),
    );
  if (row.leftAt) events.push(event(row.leftAt, { zh: '货车离开', en: 'Truck left' }));
  if (row.endedAt) {
    const reason = row.endReason ? END_REASONS[row.endReason] : undefined;
    events.push(
      event(row.endedAt, {
        zh: reason ? `货车报备结束：${reason.zh}` : '货车报备结束',
        en: reason ? `Truck report ended: ${reason.en}` : 'Truck report ended',
      }),
    );
  }
  return events;
}

/**
 * ARR-12: the truck reports the person rode on as crew, once staff tied the crew member to this
 * person (a report's crew is a claim until then), with the truck's way through the county.
 */
const trucks: StorySource = {
  id: 'trucks',
  label: { zh: '货车司乘报备', en: 'Truck crew' },
  permission: 'arrival.read',
  async load({ tx, personId, limit }) {
    // Found by the person's ID number's keyed hash (the crew's index), kept only where tied to them.
    const rows = await tx.query<CrewRow>(
      `SELECT r.id AS "reportId", r.status, r.unit_name AS "unitName", r.plate, r.origin_name AS "originName",
         r.reported_at AS "reportedAt", r.verified_at AS "verifiedAt", r.escort_name AS "escortName",
         r.escort_assigned_at AS "escortAssignedAt", r.arrived_at AS "arrivedAt", r.left_at AS "leftAt",
         r.stay_reason AS "stayReason", c.matched_at AS "matchedAt", r.end_reason AS "endReason",
         r.ended_at AS "endedAt", r.source = 'public' AS public
       FROM persons p
       JOIN truck_report_crew c ON c.id_hash = p.id_hash AND c.person_id = p.id
       JOIN truck_reports r ON r.id = c.report_id
       WHERE p.id = $1 ORDER BY r.reported_at DESC LIMIT $2`,
      [personId, limit],
    );
    return newestFirst(rows.flatMap(crewEvents), limit);
  },
};

/** This module's events in a person's story (timeline). */
export const trucksStorySources: readonly StorySource[] = [trucks];
