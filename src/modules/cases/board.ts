import type { BoardKind, BoardQuery, BoardRow, BoardView } from '../../api/cases.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { CONCEALED_AFTER_HOURS } from '../../rules/caseReporting.js';
import { inScope } from '../../rules/roles.js';
import { CASE_REPORT_HOURS } from '../../rules/testingDeadlines.js';
import { lateMinutesSql } from './view.js';

const iso = (column: string) => `to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const LIMIT = 200;

const PERSON = `p.id AS "personId", coalesce(p.name, '') AS "personName", coalesce(p.id_masked, '') AS "personIdNumberMasked",
  coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = p.jurisdiction_code), '') AS "jurisdictionName"`;

/**
 * The rows of each kind, as SQL over `$1` (now) and the scope condition. Late reports: reported more
 * than 2 hours after found. Late reviews: a change reviewed more than 2 hours after it was made, or
 * still unreviewed past that. Overdue and concealed: a positive individual result that no report of
 * its person covers (a report naming it, or one not discarded before the result), past 2 hours and
 * past CONCEALED_AFTER_HOURS respectively.
 */
function kindSql(kind: BoardKind, scope: string): string {
  const reportDue = `c.found_at + interval '${CASE_REPORT_HOURS} hours'`;
  switch (kind) {
    case 'late_report':
      return `SELECT 'late_report' AS kind, c.id AS "caseId", ${PERSON}, (SELECT t.barcode FROM tubes t WHERE t.id = c.tube_id) AS "tubeBarcode",
          c.reporting_institution AS owner, ${iso(reportDue)} AS "dueAt", ${iso('c.reported_at')} AS "doneAt",
          ${lateMinutesSql(reportDue, 'c.reported_at')} AS "lateMinutes", ${reportDue} AS due
        FROM cases c JOIN persons p ON p.id = c.person_id
        WHERE ${scope.replaceAll('$COL', 'c.jurisdiction_code')} AND c.reported_at > ${reportDue}
          AND c.reported_at <= $1::timestamptz`;
    case 'late_review':
      return `SELECT 'late_review' AS kind, c.id AS "caseId", ${PERSON}, (SELECT t.barcode FROM tubes t WHERE t.id = c.tube_id) AS "tubeBarcode",
          coalesce(ch.reviewed_by_name, (SELECT j.name FROM jurisdictions j WHERE j.code = left(c.jurisdiction_code, 6)), '') AS owner,
          ${iso('ch.review_due_at')} AS "dueAt", ${iso('ch.reviewed_at')} AS "doneAt",
          ${lateMinutesSql('ch.review_due_at', 'coalesce(ch.reviewed_at, $1::timestamptz)')} AS "lateMinutes", ch.review_due_at AS due
        FROM case_changes ch JOIN cases c ON c.id = ch.case_id JOIN persons p ON p.id = c.person_id
        WHERE ${scope.replaceAll('$COL', 'ch.jurisdiction_code')}
          AND coalesce(ch.reviewed_at, $1::timestamptz) > ch.review_due_at`;
    default: {
      const age = '($1::timestamptz - t.resulted_at)';
      const window =
        kind === 'overdue'
          ? `${age} > interval '${CASE_REPORT_HOURS} hours' AND ${age} <= interval '${CONCEALED_AFTER_HOURS} hours'`
          : `${age} > interval '${CONCEALED_AFTER_HOURS} hours'`;
      const due = `t.resulted_at + interval '${CASE_REPORT_HOURS} hours'`;
      return `SELECT '${kind}' AS kind, NULL::uuid AS "caseId", ${PERSON}, t.barcode AS "tubeBarcode",
          coalesce((SELECT l.name FROM labs l WHERE l.id = t.lab_id), '') AS owner, ${iso(due)} AS "dueAt", NULL AS "doneAt",
          ${lateMinutesSql(due, '$1::timestamptz')} AS "lateMinutes", ${due} AS due
        FROM tubes t JOIN samples s ON s.tube_id = t.id JOIN persons p ON p.id = s.person_id
        WHERE t.result = 'positive' AND t.member_count = 1 AND ${scope.replaceAll('$COL', 'p.jurisdiction_code')}
          AND ${window}
          AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = s.person_id
            AND (c.tube_id = t.id OR c.discarded_at IS NULL OR c.discarded_at > t.resulted_at))`;
    }
  }
}

const KINDS: readonly BoardKind[] = ['late_report', 'late_review', 'overdue', 'concealed'];

/** CAS-2's board: late reports, late reviews, and positives unreported (overdue, then concealed). */
export async function caseBoard(
  tx: Queryable,
  actor: Actor,
  filter: BoardQuery,
  now: Date,
): Promise<BoardView> {
  const counts = { late_report: 0, late_review: 0, overdue: 0, concealed: 0 };
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes))
    return { counts, rows: [], limit: LIMIT };
  const params: unknown[] = [now];
  const scope = scopeCondition('$COL', filter.jurisdiction ? [filter.jurisdiction] : actor.scopes, params);
  const union = KINDS.map((kind) => kindSql(kind, scope)).join('\nUNION ALL\n');
  const totals = await tx.query<{ kind: BoardKind; n: number }>(
    `SELECT kind, count(*)::int AS n FROM (${union}) b GROUP BY kind`,
    params,
  );
  for (const { kind, n } of totals) counts[kind] = n;
  const shown = filter.kind ? kindSql(filter.kind, scope) : union;
  const rows = await tx.query<BoardRow & { due?: unknown }>(
    `SELECT * FROM (${shown}) b ORDER BY due, "personName" LIMIT ${LIMIT}`,
    params,
  );
  return { counts, rows: rows.map(({ due: _due, ...row }) => row), limit: LIMIT };
}
