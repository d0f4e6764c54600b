import { scopeCondition } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { investigationDue } from '../../rules/investigation.js';
import {
  CASE_DISCARDED,
  cancelInvestigationDeadlines,
  type Owed,
  openInvestigationDeadlines,
} from './work.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * EPI-1 for the cases of `scopes` (or the one case `caseId`): every case reported and not discarded
 * gets its investigation, with its 8-hour and 24-hour deadlines; the investigation of a case since
 * discarded is closed and its deadlines cancelled (a released one keeps its report). The cases
 * module knows nothing of this: the sweep and the pages that read investigations call it.
 * Returns how many were opened and closed.
 */
export async function ensureInvestigations(
  tx: Queryable,
  scopes: readonly string[],
  now: Date,
  caseId?: string,
): Promise<{ opened: number; closed: number }> {
  if (caseId !== undefined && !UUID.test(caseId)) return { opened: 0, closed: 0 };
  const params: unknown[] = [caseId ?? null];
  const where = scopeCondition('c.jurisdiction_code', scopes, params);
  const owed = await tx.query<{
    id: string;
    jurisdictionCode: string;
    personId: string;
    personName: string | null;
    reportedAt: Date | string;
    receivedAt: Date | string | null;
  }>(
    `SELECT c.id, c.jurisdiction_code AS "jurisdictionCode", c.person_id AS "personId", p.name AS "personName",
       c.reported_at AS "reportedAt",
       (SELECT min(ch.changed_at) FROM case_changes ch WHERE ch.case_id = c.id AND ch.kind = 'report') AS "receivedAt"
     FROM cases c LEFT JOIN persons p ON p.id = c.person_id
     WHERE c.status <> 'discarded' AND ($1::uuid IS NULL OR c.id = $1::uuid) AND ${where}
       AND NOT EXISTS (SELECT 1 FROM investigations i WHERE i.case_id = c.id)
     ORDER BY c.reported_at LIMIT 2000`,
    params,
  );
  const rows: Owed[] = owed.map((c) => {
    const due = investigationDue({
      reportedAt: new Date(c.reportedAt),
      receivedAt: c.receivedAt ? new Date(c.receivedAt) : null,
      openedAt: now,
    });
    return {
      id: c.id,
      jurisdictionCode: c.jurisdictionCode,
      personId: c.personId,
      personName: c.personName ?? '',
      firstDueAt: due.firstDueAt,
      completeDueAt: due.completeDueAt,
    };
  });
  const inserted = rows.length
    ? await tx.query<{ id: string }>(
        `INSERT INTO investigations (id, case_id, jurisdiction_code, person_id, opened_at, first_due_at, complete_due_at)
         SELECT x.id, x.id, x.j, x.p, $5, x.f, x.c
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $6::timestamptz[]) AS x(id, j, p, f, c)
         ON CONFLICT (case_id) DO NOTHING RETURNING id`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.jurisdictionCode),
          rows.map((r) => r.personId),
          rows.map((r) => r.firstDueAt.toISOString()),
          now,
          rows.map((r) => r.completeDueAt.toISOString()),
        ],
      )
    : [];
  const opened = new Set(inserted.map((r) => r.id));
  const fresh = rows.filter((r) => opened.has(r.id));
  await openInvestigationDeadlines(tx, fresh, now);
  for (const r of fresh)
    await recordAudit(tx, undefined, {
      action: 'investigation.open',
      entity: 'investigation',
      entityId: r.id,
      jurisdictionCode: r.jurisdictionCode,
      after: {
        status: 'open',
        firstDueAt: r.firstDueAt.toISOString(),
        completeDueAt: r.completeDueAt.toISOString(),
      },
      detail: { rule: 'EPI-1' },
    });
  const closed = await closeDiscarded(tx, scopes, now, caseId);
  return { opened: fresh.length, closed };
}

/** The investigations of discarded cases still under way: closed, their deadlines cancelled, audited. */
async function closeDiscarded(tx: Queryable, scopes: readonly string[], now: Date, caseId?: string) {
  const params: unknown[] = [now, CASE_DISCARDED, caseId ?? null];
  const ended = await tx.query<{ id: string; jurisdictionCode: string; from: string }>(
    `WITH ending AS (
       SELECT i.id, i.status FROM investigations i JOIN cases c ON c.id = i.case_id
       WHERE c.status = 'discarded' AND i.status NOT IN ('closed', 'released')
         AND ($3::uuid IS NULL OR i.id = $3::uuid) AND ${scopeCondition('i.jurisdiction_code', scopes, params)}
       FOR UPDATE OF i)
     UPDATE investigations i SET status = 'closed', closed_at = $1, close_reason = $2, version = i.version + 1
     FROM ending e WHERE i.id = e.id
     RETURNING i.id, i.jurisdiction_code AS "jurisdictionCode", e.status AS from`,
    params,
  );
  await cancelInvestigationDeadlines(
    tx,
    ended.map((e) => e.id),
    now,
  );
  for (const e of ended)
    await recordAudit(tx, undefined, {
      action: 'investigation.close',
      entity: 'investigation',
      entityId: e.id,
      jurisdictionCode: e.jurisdictionCode,
      before: { status: e.from },
      after: { status: 'closed' },
      detail: { rule: 'EPI-1', reason: CASE_DISCARDED },
    });
  return ended.length;
}
