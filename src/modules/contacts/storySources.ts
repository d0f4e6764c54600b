import type { StoryEvent, StorySource } from '../../platform/surfaces/types.js';

const CLASS_TEXT = {
  close: { zh: '密切接触者', en: 'close contact' },
  secondary_close: { zh: '次密切接触者', en: 'secondary close contact' },
  general: { zh: '一般接触者', en: 'general contact' },
} as const;

/** EPI-4: a person listed as a contact of a case, and when they were released or discarded. */
const contacts: StorySource = {
  id: 'contacts',
  label: { zh: '接触者', en: 'Contacts' },
  permission: 'contact.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<{
      id: string;
      class: keyof typeof CLASS_TEXT;
      status: string;
      reason: string;
      identifiedAt: Date;
      closedAt: Date | null;
      closeReason: string | null;
    }>(
      `SELECT id, class, status, reason, identified_at AS "identifiedAt", closed_at AS "closedAt",
         close_reason AS "closeReason"
       FROM contacts WHERE person_id = $1 ORDER BY identified_at DESC LIMIT $2`,
      [personId, limit],
    );
    const events: StoryEvent[] = [];
    for (const row of rows) {
      const href = `/contacts/${row.id}`;
      const cls = CLASS_TEXT[row.class];
      events.push({
        at: row.identifiedAt.toISOString(),
        source: 'contacts',
        title: { zh: `判定为${cls.zh}`, en: `Identified as a ${cls.en}` },
        detail: { zh: row.reason, en: row.reason },
        href,
        tone: row.class === 'general' ? 'normal' : 'warning',
      });
      if (row.closedAt) {
        const released = row.status === 'released';
        events.push({
          at: row.closedAt.toISOString(),
          source: 'contacts',
          title: released
            ? { zh: '接触者解除管控', en: 'Released from control' }
            : { zh: '排除接触者', en: 'Discarded as a contact' },
          detail: row.closeReason ? { zh: row.closeReason, en: row.closeReason } : null,
          href,
          tone: 'good',
        });
      }
    }
    return events.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  },
};

/** What the contacts module adds to a person's story. */
export const contactsStorySources: readonly StorySource[] = [contacts];
