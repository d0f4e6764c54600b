import { dateText, joinText, newestFirst } from '../../platform/surfaces/storyText.js';
import type { StoryEvent, StorySource, Text } from '../../platform/surfaces/types.js';

interface LeaveRow {
  destinationName: string;
  reason: string;
  leaveDate: string;
  plannedReturnDate: string;
  status: string;
  appliedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  returnedAt: Date | null;
  returnOriginName: string | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
}

const note = (label: Text, text: string | null): Text | null =>
  text ? { zh: `${label.zh}：${text}`, en: `${label.en}: ${text}` } : null;

function leaveEvents(row: LeaveRow): StoryEvent[] {
  const href = '/cadre-leave';
  const from = dateText(row.leaveDate);
  const to = dateText(row.plannedReturnDate);
  const events: StoryEvent[] = [
    {
      at: row.appliedAt.toISOString(),
      source: 'cadreLeave',
      title: { zh: `申请离开前往${row.destinationName}`, en: `Applied to leave for ${row.destinationName}` },
      detail: joinText([
        { zh: `${from.zh}至${to.zh}`, en: `${from.en} to ${to.en}` },
        { zh: `事由：${row.reason}`, en: `Reason: ${row.reason}` },
      ]),
      href,
    },
  ];
  if (row.decidedAt) {
    const approved = row.status !== 'rejected';
    events.push({
      at: row.decidedAt.toISOString(),
      source: 'cadreLeave',
      title: approved
        ? { zh: '离开获批准', en: 'Leave approved' }
        : { zh: '离开未获批准', en: 'Leave not approved' },
      detail: note({ zh: '审批意见', en: 'Decision note' }, row.decisionNote),
      href,
      tone: approved ? 'normal' : 'warning',
    });
  }
  if (row.withdrawnAt)
    events.push({
      at: row.withdrawnAt.toISOString(),
      source: 'cadreLeave',
      title: { zh: '撤回离开申请', en: 'Leave application withdrawn' },
      detail: note({ zh: '撤回原因', en: 'Reason' }, row.withdrawalReason),
      href,
    });
  if (row.returnedAt)
    events.push({
      at: row.returnedAt.toISOString(),
      source: 'cadreLeave',
      title: { zh: '返回报备', en: 'Return reported' },
      detail: row.returnOriginName
        ? { zh: `返回自${row.returnOriginName}`, en: `Back from ${row.returnOriginName}` }
        : null,
      href,
      tone: 'good',
    });
  return events;
}

/** ARR-14: the person's leave applications as a cadre: applied, decided, withdrawn, returned. */
const cadreLeave: StorySource = {
  id: 'cadreLeave',
  label: { zh: '干部职工离开报备', en: 'Cadre leave' },
  permission: 'person.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<LeaveRow>(
      `SELECT destination_name AS "destinationName", reason, to_char(leave_date, 'YYYY-MM-DD') AS "leaveDate",
         to_char(planned_return_date, 'YYYY-MM-DD') AS "plannedReturnDate", status, applied_at AS "appliedAt",
         decided_at AS "decidedAt", decision_note AS "decisionNote", returned_at AS "returnedAt",
         return_origin_name AS "returnOriginName", withdrawn_at AS "withdrawnAt",
         withdrawal_reason AS "withdrawalReason"
       FROM cadre_leaves WHERE person_id = $1 ORDER BY applied_at DESC LIMIT $2`,
      [personId, limit],
    );
    return newestFirst(rows.flatMap(leaveEvents), limit);
  },
};

/** This module's events in a person's story (timeline). */
export const cadreLeaveStorySources: readonly StorySource[] = [cadreLeave];
