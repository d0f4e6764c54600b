import type { Static } from 'typebox';
import type { AwaitingView } from '../../api/hospitals.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { TREATABLE_CASES_SQL } from '../cases/index.js';
import { evaluateEmptying } from './emptying.js';
import { endUntreatable } from './untreatable.js';
import { openTransferDeadlines, reopenTransferDeadlines, TRANSFER_HOURS, transferDueSql } from './work.js';

type Awaiting = Static<typeof AwaitingView>;

function scoped(actor: Actor, jurisdiction: string | undefined, params: unknown[]): string {
  if (jurisdiction && !inScope(jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  return scopeCondition('c.jurisdiction_code', jurisdiction ? [jurisdiction] : actor.scopes, params);
}

/**
 * CAS-3, set-based: the confirmed cases and asymptomatic infections of a subtree that no hospital
 * holds or is fetching (no transfer but a cancelled one), with when their transfer is due.
 */
export async function casesAwaitingTransfer(
  tx: Queryable,
  actor: Actor,
  jurisdiction: string | undefined,
  now: Date,
  limit = 200,
): Promise<{ items: Awaiting[]; total: number }> {
  const params: unknown[] = [];
  const where = `${scoped(actor, jurisdiction, params)}
    AND NOT EXISTS (SELECT 1 FROM hospital_stays s WHERE s.case_id = c.id AND s.status <> 'cancelled')`;
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${TREATABLE_CASES_SQL} c WHERE ${where}`,
    params,
  );
  const items = await tx.query<Awaiting>(
    `SELECT c.id AS "caseId", c.jurisdiction_code AS "jurisdictionCode",
       coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = c.jurisdiction_code), '') AS "jurisdictionName",
       c.person_id AS "personId", coalesce(p.name, '') AS "personName", c.classification, c.severity,
       to_char(c.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "reportedAt",
       to_char(d.due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "transferDueAt",
       (d.due < $${params.length + 1}::timestamptz) AS overdue
     FROM ${TREATABLE_CASES_SQL} c
     LEFT JOIN persons p ON p.id = c.person_id
     CROSS JOIN LATERAL (SELECT ${transferDueSql('c', `$${params.length + 1}`, `$${params.length + 2}`)} AS due) d
     WHERE ${where}
     ORDER BY d.due, c.id LIMIT ${limit}`,
    [...params, now, TRANSFER_HOURS],
  );
  return { items, total: count?.n ?? 0 };
}

/**
 * On demand (the "evaluate" route, the demo) and every 10 minutes: first ends the transfers, stays
 * and transfer deadlines of cases no longer treatable (./untreatable.ts), then opens the transfer deadline of every case awaiting
 * transfer in the subtree that has none yet, and re-reads the 48-hour rule for its designated
 * hospitals (a case reclassified confirmed in hospital counts from then).
 */
export async function evaluateTreatment(
  tx: Queryable,
  actor: Actor,
  jurisdiction: string | undefined,
  now: Date,
): Promise<{ transferDeadlinesOpened: number; emptyingOpened: number }> {
  const awaiting = await casesAwaitingTransfer(tx, actor, jurisdiction, now, 5000);
  await endUntreatable(tx, actor, jurisdiction, now);
  const owed = awaiting.items.map((c) => ({
    caseId: c.caseId,
    jurisdictionCode: c.jurisdictionCode,
    personId: c.personId,
    personName: c.personName,
    classification: c.classification,
    dueAt: new Date(c.transferDueAt),
  }));
  const transferDeadlinesOpened =
    (await openTransferDeadlines(tx, owed, now)) + (await reopenTransferDeadlines(tx, owed, now));
  const params: unknown[] = [];
  const hospitals = await tx.query<{ id: string }>(
    `SELECT h.id FROM hospitals h WHERE h.kind = 'designated' AND h.emptying_owed_at IS NULL
       AND ${scopeCondition('h.jurisdiction_code', jurisdiction ? [jurisdiction] : actor.scopes, params)}`,
    params,
  );
  const emptying = await evaluateEmptying(
    tx,
    actor,
    hospitals.map((h) => h.id),
    now,
  );
  return { transferDeadlinesOpened, emptyingOpened: emptying.length };
}
