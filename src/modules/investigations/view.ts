import type { InvestigationSummary } from '../../api/investigations.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { deadlineStatus } from '../../rules/deadlines.js';
import type { InvestigationStatus } from '../../rules/investigation.js';
import { inScope } from '../../rules/roles.js';

export const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An investigation as lists read it, with its case and person (the stored ID mask only). */
export const SUMMARY_SQL = `i.id, i.case_id AS "caseId", i.jurisdiction_code AS "jurisdictionCode",
  coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = i.jurisdiction_code), '') AS "jurisdictionName",
  coalesce(p.name, '') AS "personName", coalesce(p.id_masked, '') AS "personIdNumberMasked",
  c.classification, c.status AS "caseStatus", ${iso('c.reported_at')} AS "reportedAt", i.status,
  i.investigator_id AS "investigatorId", i.investigator_name AS "investigatorName", i.team_id AS "teamId",
  (SELECT t.name FROM epi_teams t WHERE t.id = i.team_id) AS "teamName", ${iso('i.opened_at')} AS "openedAt",
  i.opened_at AS "openedAtRaw", i.first_due_at AS "firstDueAt", i.first_done_at AS "firstDoneAt",
  i.complete_due_at AS "completeDueAt", i.complete_done_at AS "completeDoneAt", i.closed_at AS "closedAt",
  ${iso('i.submitted_at')} AS "submittedAt", ${iso('i.released_at')} AS "releasedAt", i.version`;

export const SUMMARY_FROM = `investigations i JOIN cases c ON c.id = i.case_id LEFT JOIN persons p ON p.id = i.person_id`;

export interface SummaryRow extends Omit<InvestigationSummary, 'first' | 'complete'> {
  openedAtRaw: Date | string;
  firstDueAt: Date | string;
  firstDoneAt: Date | string | null;
  completeDueAt: Date | string;
  completeDoneAt: Date | string | null;
  closedAt: Date | string | null;
}

const when = (value: Date | string | null) => (value === null ? null : new Date(value));

/** EPI-1: where each deadline stands at `now`, read from the investigation's own times. */
function brief(row: SummaryRow, due: Date | string, done: Date | string | null, now: Date) {
  const state = deadlineStatus(
    {
      jurisdictionCode: row.jurisdictionCode,
      openedAt: new Date(row.openedAtRaw),
      dueAt: new Date(due),
      doneAt: when(done),
      cancelledAt: done ? null : when(row.closedAt),
      escalateAfterMs: null,
    },
    now,
  ).state;
  return { dueAt: new Date(due).toISOString(), state, doneAt: when(done)?.toISOString() ?? null };
}

export function toSummary(row: SummaryRow, now: Date): InvestigationSummary {
  const {
    openedAtRaw: _o,
    firstDueAt,
    firstDoneAt,
    completeDueAt,
    completeDoneAt,
    closedAt: _c,
    ...rest
  } = row;
  return {
    ...rest,
    status: row.status as InvestigationStatus,
    first: brief(row, firstDueAt, firstDoneAt, now),
    complete: brief(row, completeDueAt, completeDoneAt, now),
  };
}

/** The investigation of a case in the caller's scope; 404 otherwise (another county's included). */
export async function readSummaryRow(tx: Queryable, scopes: readonly string[], caseId: string, lock = false) {
  if (!UUID.test(caseId)) throw notFound();
  if (lock) await tx.query('SELECT 1 FROM investigations WHERE id = $1 FOR UPDATE', [caseId]);
  const [row] = await tx.query<SummaryRow>(`SELECT ${SUMMARY_SQL} FROM ${SUMMARY_FROM} WHERE i.id = $1`, [
    caseId,
  ]);
  if (!row || !inScope(row.jurisdictionCode, scopes)) throw notFound();
  return row;
}
