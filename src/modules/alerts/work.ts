import type { Queryable } from '../../platform/db/types.js';
import {
  cancelDeadlines,
  closeDeadline,
  DEADLINE_TITLE_MAX,
  type DeadlineInput,
  openDeadlines,
} from '../../platform/deadlines/service.js';

export const ALERT_SUBJECT = 'alert';
export const ACKNOWLEDGE_KIND = 'alert.acknowledge';
export const ASSESS_KIND = 'alert.assess';

const HOUR_MS = 3_600_000;
/**
 * MON-4 assumption (the seeds ask for "及时开展快速风险评估和预警发布", 003 §3.2, and set no time): an
 * alert is acknowledged within 2 hours, as a case is reported within 2 hours (CAS-2, the direct
 * report's clock), and assessed within 24 hours of being raised, the span of a same-day rapid
 * assessment and the next morning's situation meeting.
 */
const ACKNOWLEDGE_WITHIN_MS = 2 * HOUR_MS;
const ASSESS_WITHIN_MS = 24 * HOUR_MS;

export interface RaisedAlert {
  id: string;
  jurisdictionCode: string;
  unitName: string;
  ruleTitle: { zh: string; en: string };
  raisedAt: Date;
}

const cut = (text: string) => text.slice(0, DEADLINE_TITLE_MAX);

/** MON-4: a raised alert's two obligations, on the CDC's list at the alert's jurisdiction. */
export function openAlertDeadlines(tx: Queryable, alerts: readonly RaisedAlert[]) {
  const inputs: DeadlineInput[] = alerts.flatMap((alert) => {
    const base = {
      ruleId: 'MON-4',
      subjectType: ALERT_SUBJECT,
      subjectId: alert.id,
      jurisdictionCode: alert.jurisdictionCode,
      ownerRole: 'cdc_epidemiologist' as const,
      openedAt: alert.raisedAt,
    };
    return [
      {
        ...base,
        kind: ACKNOWLEDGE_KIND,
        dueAt: new Date(alert.raisedAt.getTime() + ACKNOWLEDGE_WITHIN_MS),
        title: {
          zh: cut(`${alert.unitName}触发预警（${alert.ruleTitle.zh}），请确认`),
          en: cut(`Alert in ${alert.unitName} (${alert.ruleTitle.en}): acknowledge`),
        },
      },
      {
        ...base,
        kind: ASSESS_KIND,
        dueAt: new Date(alert.raisedAt.getTime() + ASSESS_WITHIN_MS),
        title: {
          zh: cut(`${alert.unitName}触发预警（${alert.ruleTitle.zh}），请开展风险评估`),
          en: cut(`Alert in ${alert.unitName} (${alert.ruleTitle.en}): assess the risk`),
        },
      },
    ];
  });
  return openDeadlines(tx, inputs);
}

export function closeAlertDeadline(tx: Queryable, alertId: string, kind: string, at: Date, by: string) {
  return closeDeadline(
    tx,
    { subjectType: ALERT_SUBJECT, subjectId: alertId, kind },
    { at, by, outcome: kind },
  );
}

/** A closed alert owes nothing more: what is still open of it is cancelled. */
export function cancelAlertDeadlines(tx: Queryable, alertId: string, at: Date) {
  return cancelDeadlines(tx, { subjectType: ALERT_SUBJECT, subjectId: alertId }, 'alert closed', at);
}
