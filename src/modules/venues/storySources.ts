import { newestFirst } from '../../platform/surfaces/storyText.js';
import type { StoryEvent, StorySource } from '../../platform/surfaces/types.js';
import { isVenueKind, VENUE_KIND_LABELS } from '../../rules/venues.js';

const SOURCES = {
  scan: { zh: '扫码', en: 'scan' },
  feed: { zh: '场所上报', en: 'venue feed' },
  staff: { zh: '工作人员登记', en: 'entered by staff' },
} as const;

/**
 * HC-2: the person's venue check-ins still within retention, by their keyed ID hash (the same as
 * persons.id_hash), in the reader's scope: where they were and when, for the investigator.
 */
const checkIns: StorySource = {
  id: 'venues',
  label: { zh: '场所扫码', en: 'Venue check-ins' },
  permission: 'venue.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<{ at: Date; name: string; kind: string; source: keyof typeof SOURCES }>(
      `SELECT c.checked_in_at AS at, v.name, v.kind, c.source
         FROM check_ins c JOIN venues v ON v.id = c.venue_id
        WHERE c.id_hash = (SELECT p.id_hash FROM persons p WHERE p.id = $1)
        ORDER BY c.checked_in_at DESC LIMIT $2`,
      [personId, limit],
    );
    return newestFirst(
      rows.map((row): StoryEvent => {
        const kind = isVenueKind(row.kind) ? VENUE_KIND_LABELS[row.kind] : { zh: row.kind, en: row.kind };
        const source = SOURCES[row.source] ?? SOURCES.scan;
        return {
          at: new Date(row.at).toISOString(),
          source: 'venues',
          title: { zh: `到访${row.name}`, en: `Checked in at ${row.name}` },
          detail: { zh: `${kind.zh}，${source.zh}`, en: `${kind.en}, ${source.en}` },
          tone: 'normal',
        };
      }),
      limit,
    );
  },
};

/** What the venues module adds to a person's story. */
export const venuesStorySources: readonly StorySource[] = [checkIns];
