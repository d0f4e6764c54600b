import type { LinkInput, LinkView } from '../../api/chains.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { cycleClosedBy } from '../../rules/generations.js';
import { inScope } from '../../rules/roles.js';
import { reconcileAlerts } from './alerts.js';
import { LINK_VIEW_SQL, type LinkRow, linkView, loadGraph } from './graph.js';

/**
 * Links are written one at a time per database: the cycle check reads the whole graph, so two
 * links that would close a cycle together must not pass their checks side by side.
 */
const LINK_LOCK = 0x45504935; // 'EPI5'

interface CaseRef {
  id: string;
  jurisdictionCode: string;
  status: string;
  name: string;
}

/** A case in the caller's scope (404 otherwise: another county's case does not exist for them). */
async function caseInScope(tx: Queryable, actor: Actor, id: string): Promise<CaseRef> {
  const [row] = await tx.query<CaseRef>(
    `SELECT c.id, c.jurisdiction_code AS "jurisdictionCode", c.status, coalesce(p.name, '') AS name
     FROM cases c LEFT JOIN persons p ON p.id = c.person_id WHERE c.id = $1`,
    [id],
  );
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) throw notFound();
  return row;
}

async function readLink(tx: Queryable, id: string): Promise<LinkRow> {
  const [row] = await tx.query<LinkRow>(`SELECT ${LINK_VIEW_SQL} FROM chain_links l WHERE l.id = $1`, [id]);
  if (!row) throw notFound();
  return row;
}

const snapshot = (l: LinkView) => ({
  infectorCaseId: l.infectorCaseId,
  infecteeCaseId: l.infecteeCaseId,
  certainty: l.certainty,
  evidenceKind: l.evidenceKind,
  removedAt: l.removedAt,
});

/**
 * Records infector → infectee (EPI-5). Refused: a self-link (400), a case out of scope (404), a
 * discarded case (400 on its field), the same live link twice (409 chain_link_exists), and a link
 * that would close a cycle (409 chain_cycle, naming the cases on it). Several candidate infectors of
 * one infectee are several links. Generations and the accountability alerts of the touched clusters
 * are recomputed in the same transaction.
 */
export async function addLink(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  input: LinkInput,
): Promise<{ link: LinkView; alerts: { opened: string[]; cancelled: string[] } }> {
  if (input.infectorCaseId.toLowerCase() === input.infecteeCaseId.toLowerCase()) {
    throw invalid([fieldError('infectorCaseId', 'same_case')]);
  }
  const infector = await caseInScope(tx, actor, input.infectorCaseId);
  const infectee = await caseInScope(tx, actor, input.infecteeCaseId);
  const discarded = [
    ...(infector.status === 'discarded' ? [fieldError('infectorCaseId', 'case_discarded')] : []),
    ...(infectee.status === 'discarded' ? [fieldError('infecteeCaseId', 'case_discarded')] : []),
  ];
  if (discarded.length > 0) throw invalid(discarded);
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
  const before = await loadGraph(tx);
  const a = before.index.get(infector.id);
  const b = before.index.get(infectee.id);
  if (a === undefined || b === undefined) throw notFound();
  if (before.liveLinks.some((l) => l.infectorCaseId === infector.id && l.infecteeCaseId === infectee.id)) {
    throw new AppError('chain_link_exists');
  }
  const edges = before.liveLinks.map((_, i) => ({ from: before.from[i] ?? 0, to: before.to[i] ?? 0 }));
  const cycle = cycleClosedBy(before.cases.length, edges, a, b);
  if (cycle) {
    const names = cycle.map((v) => before.cases[v]?.personName ?? '');
    throw new AppError('chain_cycle', [], {
      cycle: names.join(' → '),
      cases: cycle.map((v) => before.cases[v]?.caseId ?? ''),
    });
  }
  const now = ctx.now();
  const [inserted] = await tx.query<{ id: string }>(
    `INSERT INTO chain_links (infector_case_id, infectee_case_id, infector_jurisdiction, infectee_jurisdiction,
       certainty, evidence_kind, evidence, exposure_at, linked_by, linked_by_name, linked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      infector.id,
      infectee.id,
      infector.jurisdictionCode,
      infectee.jurisdictionCode,
      input.certainty,
      input.evidenceKind,
      input.evidence.trim(),
      input.exposureAt ?? null,
      actor.userId,
      `${actor.displayName} (${actor.username})`,
      now,
    ],
  );
  if (!inserted) throw new Error('addLink: no row inserted');
  const link = linkView(await readLink(tx, inserted.id));
  const after = await loadGraph(tx);
  const alerts = await reconcileAlerts(tx, after, [infector.id, infectee.id], now);
  await recordAudit(tx, actor, {
    action: 'chain.link',
    entity: 'chain_link',
    entityId: link.id,
    jurisdictionCode: infectee.jurisdictionCode,
    after: snapshot(link),
    detail: { alertsOpened: alerts.opened, alertsCancelled: alerts.cancelled },
  });
  return { link, alerts };
}

/**
 * Removes a link (kept with who, when and why). Generations fall back to the remaining links; an
 * open accountability alert whose cluster no longer reaches generation 3 is cancelled, one already
 * handled stays.
 */
export async function removeLink(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  reason: string,
): Promise<{ link: LinkView; alerts: { opened: string[]; cancelled: string[] } }> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
  const row = await readLink(tx, id);
  if (!inScope(row.infectorJurisdiction, actor.scopes) || !inScope(row.infecteeJurisdiction, actor.scopes)) {
    throw notFound();
  }
  if (row.removedAt) throw new AppError('chain_link_removed');
  const now = ctx.now();
  await tx.query(
    `UPDATE chain_links SET removed_at = $2, removed_by = $3, removed_by_name = $4, removal_reason = $5
     WHERE id = $1 AND removed_at IS NULL`,
    [id, now, actor.userId, `${actor.displayName} (${actor.username})`, reason.trim()],
  );
  const link = linkView(await readLink(tx, id));
  const after = await loadGraph(tx);
  const alerts = await reconcileAlerts(tx, after, [row.infectorCaseId, row.infecteeCaseId], now);
  await recordAudit(tx, actor, {
    action: 'chain.unlink',
    entity: 'chain_link',
    entityId: id,
    jurisdictionCode: row.infecteeJurisdiction,
    before: snapshot(linkView(row)),
    after: snapshot(link),
    detail: { reason: reason.trim(), alertsOpened: alerts.opened, alertsCancelled: alerts.cancelled },
  });
  return { link, alerts };
}

/**
 * Recomputes the accountability alerts of every cluster the caller sees: after cases were
 * discarded (the cases module does not call the chains), or to check. Audited with what changed.
 */
export async function recomputeChains(ctx: AppContext, tx: Queryable, actor: Actor) {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
  const graph = await loadGraph(tx);
  const now = ctx.now();
  // Alerts on roots no longer in the graph (a discarded root) are found through the open alerts.
  const open = await tx.query<{ subjectId: string }>(
    `SELECT subject_id AS "subjectId" FROM deadlines WHERE subject_type = 'chain_cluster'
       AND done_at IS NULL AND cancelled_at IS NULL`,
  );
  const touched = [...graph.cases.map((c) => c.caseId), ...open.map((o) => o.subjectId)];
  const alerts = await reconcileAlerts(tx, graph, touched, now);
  await recordAudit(tx, actor, {
    action: 'chain.recompute',
    entity: 'chain_cluster',
    jurisdictionCode: actor.scopes[0] ?? '',
    detail: { clusters: graph.result.clusterCount, opened: alerts.opened, cancelled: alerts.cancelled },
  });
  return { clusters: graph.members.filter((m) => m.length >= 2).length, ...alerts };
}
