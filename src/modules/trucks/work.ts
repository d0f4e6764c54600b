import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlines, closeDeadline, openDeadlines } from '../../platform/deadlines/service.js';
import { endOfLocalDay } from '../../rules/time.js';
import type { TruckReportView } from './schemas.js';

/** Deadlines of a truck report live on the destination community's list (ARR-12). */
export const TRUCK_SUBJECT = 'truck_report';
/** A stay-over's daily NATs have their own subject (the same report id), so departure cancels them together. */
export const TRUCK_STAY_SUBJECT = 'truck_stay';
export const ESCORT_KIND = 'truck.escort';
const stayNatKind = (date: string) => `truck.stay_nat:${date}`;

const local = (iso: string, timeZone: string) => format(new TZDate(new Date(iso), timeZone), 'MM-dd HH:mm');

/** "由收发货单位或属地社区派人持相关证明引导货车至目的地": due when the truck is planned to arrive. */
export function openEscortDeadline(tx: Queryable, report: TruckReportView, timeZone: string, openedAt: Date) {
  const when = local(report.plannedArrivalAt, timeZone);
  return openDeadlines(tx, [
    {
      ruleId: 'ARR-12',
      kind: ESCORT_KIND,
      subjectType: TRUCK_SUBJECT,
      subjectId: report.id,
      jurisdictionCode: report.jurisdictionCode,
      ownerRole: 'community_worker',
      openedAt,
      dueAt: new Date(report.plannedArrivalAt),
      title: {
        zh: `货车${report.plate}计划${when}抵达，派人引导至目的地${report.late ? '（报备不足24小时）' : ''}`,
        en: `Truck ${report.plate} due ${when}: escort it to its destination${report.late ? ' (reported late)' : ''}`,
      },
    },
  ]);
}

/** The truck was met at the checkpoint: the escort obligation is met. */
export function closeEscortDeadline(tx: Queryable, reportId: string, at: Date, by: string) {
  return closeDeadline(
    tx,
    { subjectType: TRUCK_SUBJECT, subjectId: reportId, kind: ESCORT_KIND },
    { at, by, outcome: 'escorted' },
  );
}

/** "每日进行1次核酸检测": one NAT per day of a stay-over, due by the end of that local day. */
export function openStayNatDeadlines(
  tx: Queryable,
  report: TruckReportView,
  dates: readonly string[],
  timeZone: string,
  openedAt: Date,
) {
  return openDeadlines(
    tx,
    dates.map((date) => ({
      ruleId: 'ARR-12',
      kind: stayNatKind(date),
      subjectType: TRUCK_STAY_SUBJECT,
      subjectId: report.id,
      jurisdictionCode: report.jurisdictionCode,
      ownerRole: 'community_worker' as const,
      openedAt,
      dueAt: endOfLocalDay(date, timeZone),
      title: {
        zh: `滞留货车${report.plate}司乘人员${report.crewCount}人 ${date} 核酸检测（每日1次）及健康监测`,
        en: `Truck ${report.plate} staying over: NAT and health check of its ${report.crewCount} crew on ${date}`,
      },
    })),
  );
}

/**
 * The report's workflow has ended (the truck left, the report was rejected or the trip called off):
 * nothing of it stays owed (item 19). Days still to come are cancelled as no longer owed; a day's
 * NAT already missed is cancelled too, since the crew are gone and nobody can do it any more, with a
 * reason that says it was missed: its lateness stays on record (due before cancelled), not on a list.
 */
export async function endTruckDeadlines(tx: Queryable, reportId: string, why: string, at: Date) {
  const stay = { subjectType: TRUCK_STAY_SUBJECT, subjectId: reportId };
  await cancelDeadlines(tx, stay, why, at, { onlyDueAfter: at });
  await cancelDeadlines(tx, stay, `${why}; missed before then`, at);
  await cancelDeadlines(tx, { subjectType: TRUCK_SUBJECT, subjectId: reportId }, why, at);
}
