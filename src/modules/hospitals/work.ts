import type { Queryable } from '../../platform/db/types.js';
import {
  closeDeadline,
  type DeadlineInput,
  openDeadline,
  openDeadlines,
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
 * designated hospital within 2 hours of becoming one (its report, or its reclassification from
 * suspected). 001 §11 ("按规定转运") and 002 §24 ("及时规范转运至定点收治医院") give no number; 002 §25
 * gives 12 hours for moving contacts to an isolation site, and a case is more infectious than a
 * contact, so the case's own 2-hour report window (CAS-2, 001 §8) is taken as the cautious reading.
 */
export const TRANSFER_HOURS = 2;

/**
 * CAS-3: when the case became treatable as the cases module recorded it (the report, or the latest
 * reclassification out of suspected), for a `cases` row aliased `alias`; its report time when no
 * change is recorded. Recorded times, not a typed-in confirmation time.
 */
const treatableSinceSql = (alias: string) =>
  `coalesce((SELECT max(ch.changed_at) FROM case_changes ch WHERE ch.case_id = ${alias}.id
     AND ch.kind IN ('report', 'reclassify') AND ch.to_classification IN ('confirmed', 'asymptomatic')
     AND (ch.from_classification IS NULL OR ch.from_classification = 'suspected')), ${alias}.reported_at)`;

/**
 * CAS-3: when the transfer of the case aliased `alias` is due: the open transfer deadline's due time,
 * else 2 hours after the later of when it became treatable and `nowParam` (the deadline's opening),
 * so that a deadline is never overdue when it is opened.
 */
export const transferDueSql = (alias: string, nowParam: string, hoursParam: string) =>
  `coalesce((SELECT td.due_at FROM deadlines td WHERE td.subject_type = '${TRANSFER_SUBJECT}'
     AND td.subject_id = ${alias}.id AND td.kind = '${TRANSFER_KIND}' AND td.done_at IS NULL
     AND td.cancelled_at IS NULL),
   greatest(${treatableSinceSql(alias)}, ${nowParam}::timestamptz) + make_interval(hours => ${hoursParam}))`;

/** CAS-3: the transfer due time of one case (see transferDueSql). */
export async function transferDueAt(tx: Queryable, caseId: string, now: Date): Promise<Date> {
  const [row] = await tx.query<{ due: Date }>(
    `SELECT ${transferDueSql('c', '$2', '$3')} AS due FROM cases c WHERE c.id = $1`,
    [caseId, now, TRANSFER_HOURS],
  );
  if (!row) throw new Error('transferDueAt: the case is not visible');
  return new Date(row.due);
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

/** Why a transfer deadline was withdrawn: the case was discarded or reclassified suspected. */
export const NOT_TREATABLE_REASON = 'case_not_treatable';

/**
 * CAS-3: a case owing a transfer again after its transfer deadline was withdrawn (reclassified
 * suspected, then confirmed again) gets a new one; a transfer deadline done is not reopened.
 * Returns how many were opened.
 */
export async function reopenTransferDeadlines(
  tx: Queryable,
  owed: readonly TransferOwed[],
  openedAt: Date,
): Promise<number> {
  if (owed.length === 0) return 0;
  const withdrawn = await tx.query<{ id: string }>(
    `SELECT x.id FROM unnest($1::uuid[]) AS x(id)
     WHERE EXISTS (SELECT 1 FROM deadlines d WHERE d.subject_type = $2 AND d.subject_id = x.id AND d.kind = $3
         AND d.cancel_reason = $4)
       AND NOT EXISTS (SELECT 1 FROM deadlines d WHERE d.subject_type = $2 AND d.subject_id = x.id AND d.kind = $3
         AND (d.done_at IS NOT NULL OR d.cancelled_at IS NULL))`,
    [owed.map((c) => c.caseId), TRANSFER_SUBJECT, TRANSFER_KIND, NOT_TREATABLE_REASON],
  );
  const ids = new Set(withdrawn.map((w) => w.id));
  const again = owed.filter((c) => ids.has(c.caseId)).map((c) => transferDeadline(c, openedAt));
  return (await openDeadlines(tx, again)).length;
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
