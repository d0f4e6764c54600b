import { newestFirst } from '../surfaces/storyText.js';
import type { StoryEvent, StorySource, Text } from '../surfaces/types.js';

interface DeadlineRow {
  title: Text;
  openedAt: Date;
  dueAt: Date;
  doneAt: Date | null;
  cancelledAt: Date | null;
}

const prefixed = (zh: string, en: string, title: Text): Text => ({
  zh: `${zh}：${title.zh}`,
  en: `${en}: ${title.en}`,
});

/**
 * The person's obligations, one mechanism for every module: each opened, done or cancelled, and
 * an open one past its due time as overdue now. Titles are the deadline's own words; its outcome
 * and cancel reason are codes for the record, not for reading, and stay out.
 */
const deadlines: StorySource = {
  id: 'deadlines',
  label: { zh: '待办事项', en: 'Tasks' },
  permission: 'deadline.read',
  async load({ tx, personId, now, limit }) {
    const rows = await tx.query<DeadlineRow>(
      `SELECT json_build_object('zh', d.title_zh, 'en', d.title_en) AS title, d.opened_at AS "openedAt",
         d.due_at AS "dueAt", d.done_at AS "doneAt", d.cancelled_at AS "cancelledAt"
       FROM deadlines d WHERE d.person_id = $1
       ORDER BY greatest(d.opened_at, d.done_at, d.cancelled_at, least(d.due_at, $2::timestamptz)) DESC
       LIMIT $3`,
      [personId, now.toISOString(), limit],
    );
    const events: StoryEvent[] = [];
    for (const row of rows) {
      events.push({
        at: row.openedAt.toISOString(),
        source: 'deadlines',
        title: prefixed('新待办', 'New task', row.title),
      });
      if (row.doneAt)
        events.push({
          at: row.doneAt.toISOString(),
          source: 'deadlines',
          title: prefixed('已完成', 'Done', row.title),
          tone: row.doneAt > row.dueAt ? 'warning' : 'good',
          detail: row.doneAt > row.dueAt ? { zh: '逾期后完成', en: 'Done after its due time' } : null,
        });
      else if (row.cancelledAt)
        events.push({
          at: row.cancelledAt.toISOString(),
          source: 'deadlines',
          title: prefixed('已撤销', 'Cancelled', row.title),
        });
      else if (row.dueAt < now)
        events.push({
          at: row.dueAt.toISOString(),
          source: 'deadlines',
          title: prefixed('已逾期', 'Overdue', row.title),
          detail: { zh: '至今未完成', en: 'Still open' },
          tone: 'danger',
        });
    }
    return newestFirst(events, limit);
  },
};

/** A person's deadlines in their story. */
export const deadlineStorySources: readonly StorySource[] = [deadlines];
