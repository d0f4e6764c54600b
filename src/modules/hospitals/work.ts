import type { Queryable } from '../../platform/db/types.js';
import {
  closeDeadline,
  type DeadlineInput,
  openDeadline,
  openNewDeadlines,
} from '../../platform/deadlines/service.js';
import { EMPTYING_HOURS } from '../../rules/hospitalReadiness.js';

/** The hospitals module's deadline subjects and kinds (on "my work" through ./workSubjects.ts). */
export const TRANSFER_SUBJECT = 'hospital_transfer';
export const TRANSFER_KIND = 'hospital.transfer';
export const HOSPITAL_SUBJECT = 'hospital';
export const EMPTYING_KIND = 'hospital.empty_48h';
export const STAY_SUBJECT = 'hospital_stay';
export const FOLLOW_UP_KIND_PREFIX = 'hospital.follow_up:';

const HOUR = 3_600_000;

/**
 * CAS-3, assumption (本地口径): a confirmed case or an asymptomatic infection is transferred to the
 * designated hospital within 2 hours of its report (or of its confirmation, when later). 001 §11 ("按规定转运")
 * and 002 §24 ("及时规范转运至定点收治医院") give no number; 002 §25 gives 12 hours for moving contacts to
 * an isolation site, and a case is more infectious than a contact, so the case's own 2-hour report
 * window (CAS-2, 001 §8) is taken as the cautious reading.
 */
export const TRANSFER_HOURS = 2;

export function transferDueAt(reportedAt: Date, confirmedAt: Date | null): Date {
  const from = confirmedAt && confirmedAt > reportedAt ? confirmedAt : reportedAt;
  return new Date(from.getTime() + TRANSFER_HOURS * HOUR);
}

export interface TransferOwed {
  caseId: string;
  jurisdictionCode: string;
  personId: string;
  personName: string;
  classification: string;
  dueAt: Date;
}

function transferDeadline(c: TransferOwed, openedAt: Date): DeadlineInput {
  const what =
    c.classification === 'confirmed'
      ? { zh: '确诊病例', en: 'confirmed case' }
      : { zh: '无症状感染者', en: 'asymptomatic infection' };
  return {
    ruleId: 'CAS-3',
    kind: TRANSFER_KIND,
    subjectType: TRANSFER_SUBJECT,
    subjectId: c.caseId,
    jurisdictionCode: c.jurisdictionCode,
    personId: c.personId,
    ownerRole: 'hospital_reporter',
    openedAt,
    dueAt: c.dueAt,
    title: {
      zh: `${what.zh}${c.personName}转运至定点医院收治`,
      en: `Transfer ${what.en} ${c.personName} to a designated hospital`,
    },
  };
}

/**
 * CAS-3: the transfer owed for each case, opened once per case (a transfer done is not owed again;
 * a cancelled transfer leaves it open). Returns how many were opened.
 */
export async function openTransferDeadlines(
  tx: Queryable,
  owed: readonly TransferOwed[],
  openedAt: Date,
): Promise<number> {
  const opened = await openNewDeadlines(
    tx,
    owed.map((c) => transferDeadline(c, openedAt)),
  );
  return opened.length;
}

/** CAS-3: admission fulfils the transfer. */
export function closeTransferDeadline(tx: Queryable, caseId: string, at: Date, by: string) {
  return closeDeadline(
    tx,
    { subjectType: TRANSFER_SUBJECT, subjectId: caseId, kind: TRANSFER_KIND },
    { at, by, outcome: 'admitted' },
  );
}

/** CAS-4, 002 §26: "48 小时内腾空", owed by the command's working group over the hospital's jurisdiction. */
export function openEmptyingDeadline(
  tx: Queryable,
  hospital: { id: string; name: string; jurisdictionCode: string },
  owedAt: Date,
) {
  return openDeadline(tx, {
    ruleId: 'CAS-4',
    kind: EMPTYING_KIND,
    subjectType: HOSPITAL_SUBJECT,
    subjectId: hospital.id,
    jurisdictionCode: hospital.jurisdictionCode,
    ownerRole: 'working_group',
    openedAt: owedAt,
    dueAt: new Date(owedAt.getTime() + EMPTYING_HOURS * HOUR),
    title: {
      zh: `${hospital.name}收治确诊病例已达10例，48小时内腾空`,
      en: `${hospital.name} holds 10 confirmed cases: empty it within 48 hours`,
    },
  });
}

export function closeEmptyingDeadline(tx: Queryable, hospitalId: string, at: Date, by: string) {
  return closeDeadline(
    tx,
    { subjectType: HOSPITAL_SUBJECT, subjectId: hospitalId, kind: EMPTYING_KIND },
    { at, by, outcome: 'emptied' },
  );
}
