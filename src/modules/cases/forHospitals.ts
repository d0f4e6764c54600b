import type { Queryable } from '../../platform/db/types.js';

/**
 * What the hospitals module reads of cases (CAS-3): the cases a designated hospital treats, i.e.
 * confirmed cases and asymptomatic infections that are not discarded. Read only; the cases module
 * alone writes its table.
 */

/** A case as a transfer needs it: its class now, and when it was reported and confirmed. */
export interface TreatableCase {
  id: string;
  jurisdictionCode: string;
  personId: string;
  personName: string;
  classification: 'suspected' | 'confirmed' | 'asymptomatic';
  severity: string | null;
  status: 'reported' | 'reviewed' | 'discarded';
  reportedAt: Date;
  confirmedAt: Date | null;
}

/**
 * The open treatable cases as a relation (id, jurisdiction_code, person_id, classification,
 * severity, reported_at, confirmed_at), for set-based reads joined with the caller's own tables.
 * Row-level security applies: the caller sees the cases of their scope.
 */
export const TREATABLE_CASES_SQL = `(SELECT id, jurisdiction_code, person_id, classification, severity, reported_at,
  confirmed_at FROM cases WHERE status <> 'discarded' AND classification IN ('confirmed', 'asymptomatic'))`;

/** One case by id, whatever its class or status (the caller decides), or undefined when not visible. */
export async function readCaseForHospital(tx: Queryable, caseId: string): Promise<TreatableCase | undefined> {
  const [row] = await tx.query<TreatableCase>(
    `SELECT c.id, c.jurisdiction_code AS "jurisdictionCode", c.person_id AS "personId",
       coalesce((SELECT p.name FROM persons p WHERE p.id = c.person_id), '') AS "personName",
       c.classification, c.severity, c.status, c.reported_at AS "reportedAt", c.confirmed_at AS "confirmedAt"
     FROM cases c WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

/** A case's current class and severity as JSON ({classification, severity}), for a column holding its id. */
export const caseClassSql = (caseIdColumn: string) =>
  `(SELECT json_build_object('classification', c.classification, 'severity', c.severity) FROM cases c WHERE c.id = ${caseIdColumn})`;
