import type { StoryEvent, StorySource } from '../../platform/surfaces/types.js';

const END_TEXT = {
  released: { zh: '解除隔离', en: 'Released from isolation' },
  next_phase: { zh: '转入下一阶段管控', en: 'Moved on to the next phase' },
  hospital: { zh: '转运至定点医院', en: 'Transferred to a designated hospital' },
  cancelled: { zh: '取消隔离房间分配', en: 'Room allocation cancelled' },
} as const;

/**
 * ISO-4, ISO-5: a person's isolation stays — a room allocated, the arrival in it (the point-to-point
 * transfer in), home isolation begun, and the stay's end.
 */
const stays: StorySource = {
  id: 'isolation',
  label: { zh: '隔离', en: 'Isolation' },
  permission: 'isolation.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<{
      id: string;
      kind: 'centralised' | 'home';
      allocatedAt: Date | null;
      startedAt: Date | null;
      endedAt: Date | null;
      endKind: keyof typeof END_TEXT | null;
      endReason: string | null;
      place: string | null;
    }>(
      `SELECT st.id, st.kind, st.allocated_at AS "allocatedAt", st.started_at AS "startedAt", st.ended_at AS "endedAt",
         st.end_kind AS "endKind", st.end_reason AS "endReason",
         CASE WHEN si.name IS NULL THEN NULL ELSE si.name || ' ' || coalesce(r.number, '') END AS place
       FROM isolation_stays st LEFT JOIN isolation_sites si ON si.id = st.site_id
         LEFT JOIN isolation_rooms r ON r.id = st.room_id
       WHERE st.person_id = $1 ORDER BY coalesce(st.started_at, st.allocated_at) DESC LIMIT $2`,
      [personId, limit],
    );
    const events: StoryEvent[] = [];
    for (const row of rows) {
      const href = `/isolation/stays/${row.id}`;
      const place = row.place?.trim() ?? '';
      if (row.allocatedAt)
        events.push({
          at: row.allocatedAt.toISOString(),
          source: 'isolation',
          title: { zh: '分配集中隔离房间', en: 'Isolation room allocated' },
          detail: place ? { zh: place, en: place } : null,
          href,
          tone: 'warning',
        });
      if (row.startedAt)
        events.push({
          at: row.startedAt.toISOString(),
          source: 'isolation',
          title:
            row.kind === 'centralised'
              ? { zh: '转运到达，开始集中隔离', en: 'Arrived; centralised isolation began' }
              : { zh: '开始居家隔离', en: 'Home isolation began' },
          detail: place ? { zh: place, en: place } : null,
          href,
          tone: 'warning',
        });
      if (row.endedAt)
        events.push({
          at: row.endedAt.toISOString(),
          source: 'isolation',
          title: END_TEXT[row.endKind ?? 'released'],
          detail: row.endReason ? { zh: row.endReason, en: row.endReason } : null,
          href,
          tone: row.endKind === 'hospital' ? 'danger' : 'good',
        });
    }
    return events.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  },
};

/** What the isolation module adds to a person's story. */
export const isolationStorySources: readonly StorySource[] = [stays];
