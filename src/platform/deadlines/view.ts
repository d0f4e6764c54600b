import type { Deadline as DeadlineView } from '../../api/deadlines.js';
import { deadlineStatus, escalationCeiling, JURISDICTION_CODE_LENGTHS } from '../../rules/deadlines.js';
import type { Queryable } from '../db/types.js';
import { staffedLevels } from './ceiling.js';

/** An obligation as lists show it; its schema is the API contract in src/api/deadlines.ts. */
export type { DeadlineView };

/** The owner's jurisdiction and every level above it (its code's prefixes), as SQL on `d`. */
const LEVELS_OF_OWNER = JURISDICTION_CODE_LENGTHS.map(
  (length) => `left(d.jurisdiction_code, ${length})`,
).join(', ');

export const DEADLINE_COLUMNS = `d.id, d.rule_id AS "ruleId", d.kind, d.subject_type AS "subjectType",
  d.subject_id AS "subjectId", d.person_id AS "personId", d.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = d.jurisdiction_code) AS "jurisdictionName",
  (SELECT p.name FROM persons p WHERE p.id = d.person_id) AS "personName",
  d.owner_role AS "ownerRole", d.title_zh AS "titleZh", d.title_en AS "titleEn", d.opened_at AS "openedAt",
  d.due_at AS "dueAt", d.done_at AS "doneAt", d.done_by AS "doneBy", d.outcome, d.cancelled_at AS "cancelledAt",
  d.cancel_reason AS "cancelReason", d.escalate_after_seconds AS "escalateAfterSeconds",
  (SELECT j.time_zone FROM jurisdictions j
   WHERE j.code IN (${LEVELS_OF_OWNER}) AND j.time_zone IS NOT NULL
   ORDER BY length(j.code) DESC LIMIT 1) AS "timeZone"`;

export interface DeadlineRow {
  id: string;
  ruleId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  personId: string | null;
  /** The person's name, when the caller may read the person (row-level security). */
  personName: string | null;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  ownerRole: string;
  titleZh: string;
  titleEn: string;
  openedAt: Date;
  dueAt: Date;
  doneAt: Date | null;
  doneBy: string | null;
  outcome: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  escalateAfterSeconds: number | null;
  timeZone: string | null;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * Rows to views: the state comes from the pure rule, the climb stopped at the highest level with
 * someone responsible (CMD-1); the levels staffed and the names of those climbed to in a query each.
 */
export async function toViews(
  tx: Queryable,
  rows: readonly DeadlineRow[],
  now: Date,
): Promise<DeadlineView[]> {
  const overdue = rows.filter((row) => !row.doneAt && !row.cancelledAt && row.dueAt < now);
  const staffed = await staffedLevels(
    tx,
    overdue.map((row) => row.jurisdictionCode),
  );
  const withStatus = rows.map((row) => ({
    row,
    status: deadlineStatus(
      {
        ...row,
        escalateAfterMs: row.escalateAfterSeconds === null ? null : row.escalateAfterSeconds * 1000,
        escalationCeiling: escalationCeiling(row.jurisdictionCode, staffed),
      },
      now,
    ),
  }));
  const codes = [...new Set(withStatus.flatMap(({ status }) => status.escalatedTo ?? []))];
  const names = new Map<string, string>();
  if (codes.length > 0) {
    const found = await tx.query<{ code: string; name: string }>(
      'SELECT code, name FROM jurisdictions WHERE code = ANY($1::text[])',
      [codes],
    );
    for (const { code, name } of found) names.set(code, name);
  }
  return withStatus.map(({ row, status }) => ({
    id: row.id,
    ruleId: row.ruleId,
    kind: row.kind,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    personId: row.personId,
    personName: row.personName,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName ?? row.jurisdictionCode,
    ownerRole: row.ownerRole,
    title: { zh: row.titleZh, en: row.titleEn },
    openedAt: row.openedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    doneAt: iso(row.doneAt),
    doneBy: row.doneBy,
    outcome: row.outcome,
    cancelledAt: iso(row.cancelledAt),
    cancelReason: row.cancelReason,
    ...status,
    escalatedToName: status.escalatedTo ? (names.get(status.escalatedTo) ?? null) : null,
    timeZone: row.timeZone,
  }));
}
