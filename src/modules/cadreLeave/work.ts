import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlines, closeDeadline, openDeadline } from '../../platform/deadlines/service.js';
import type { LeaveView } from './schemas.js';

export const LEAVE_SUBJECT = 'cadre_leave';
export const RETURN_REPORT_KIND = 'cadre.return_report';

/** "督促其按要求落实好返赤后主动报备" (ARR-14): the return report, on the person's community list. */
export function openReturnDeadline(tx: Queryable, leave: LeaveView, dueAt: Date, openedAt: Date) {
  const where = leave.destinationName.slice(0, 40);
  return openDeadline(tx, {
    ruleId: 'ARR-14',
    kind: RETURN_REPORT_KIND,
    subjectType: LEAVE_SUBJECT,
    subjectId: leave.id,
    jurisdictionCode: leave.jurisdictionCode,
    personId: leave.personId,
    ownerRole: 'community_worker',
    openedAt,
    dueAt,
    title: {
      zh: `${leave.personName}经批准离开（${where}），计划${leave.plannedReturnDate}返回，返回后报备`,
      en: `${leave.personName} left with approval (${where}), due back ${leave.plannedReturnDate}: return report`,
    },
  });
}

export function closeReturnDeadline(tx: Queryable, leaveId: string, at: Date, by: string) {
  return closeDeadline(
    tx,
    { subjectType: LEAVE_SUBJECT, subjectId: leaveId, kind: RETURN_REPORT_KIND },
    { at, by, outcome: 'reported' },
  );
}

/** A withdrawn leave owes no return report: whatever of it is still open is cancelled. */
export function cancelReturnDeadline(tx: Queryable, leaveId: string, at: Date) {
  return cancelDeadlines(tx, { subjectType: LEAVE_SUBJECT, subjectId: leaveId }, 'withdrawn', at);
}
