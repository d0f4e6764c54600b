import type { StoryEvent, StorySource } from '../../platform/surfaces/types.js';

interface Row {
  id: string;
  openedAt: Date;
  firstDoneAt: Date | null;
  submittedAt: Date | null;
  releasedAt: Date | null;
  closedAt: Date | null;
  investigator: string | null;
}

/** EPI-1, EPI-6: the person's investigation opened, its first investigation, its report submitted and released. */
function events(row: Row): StoryEvent[] {
  const href = `/investigations/${row.id}`;
  const at = (value: Date) => new Date(value).toISOString();
  const out: StoryEvent[] = [
    {
      at: at(row.openedAt),
      source: 'investigations',
      title: { zh: '开启流行病学调查', en: 'Investigation opened' },
      detail: null,
      href,
      tone: 'normal',
    },
  ];
  const by = row.investigator
    ? { zh: `流调人员：${row.investigator}`, en: `Investigator: ${row.investigator}` }
    : null;
  if (row.firstDoneAt)
    out.push({
      at: at(row.firstDoneAt),
      source: 'investigations',
      title: { zh: '完成首次流调', en: 'First investigation done' },
      detail: by,
      href,
    });
  if (row.submittedAt)
    out.push({
      at: at(row.submittedAt),
      source: 'investigations',
      title: { zh: '流调报告提交审核', en: 'Report submitted' },
      detail: by,
      href,
    });
  if (row.releasedAt)
    out.push({
      at: at(row.releasedAt),
      source: 'investigations',
      title: { zh: '流调报告审核发布', en: 'Report released' },
      detail: null,
      href,
      tone: 'good',
    });
  if (row.closedAt)
    out.push({
      at: at(row.closedAt),
      source: 'investigations',
      title: { zh: '病例排除，流调结束', en: 'Investigation closed (case discarded)' },
      detail: null,
      href,
    });
  return out;
}

const investigations: StorySource = {
  id: 'investigations',
  label: { zh: '流行病学调查', en: 'Investigations' },
  permission: 'investigation.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<Row>(
      `SELECT id, opened_at AS "openedAt", first_done_at AS "firstDoneAt", submitted_at AS "submittedAt",
         released_at AS "releasedAt", closed_at AS "closedAt", investigator_name AS investigator
       FROM investigations WHERE person_id = $1 ORDER BY opened_at DESC LIMIT $2`,
      [personId, limit],
    );
    return rows
      .flatMap(events)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, limit);
  },
};

/** What the investigations module adds to a person's story. */
export const investigationsStorySources: readonly StorySource[] = [investigations];
