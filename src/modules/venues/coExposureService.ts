import type { Actor } from '../../platform/access/actor.js';
import { firstScope, scopeCondition } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { LOOK_BACK_DAYS, WINDOW_MINUTES } from '../../rules/coExposure.js';
import { type CoExposed, coExposureSearch, type Visit } from './coExposure.js';

const DAY = 86_400_000;

/** One of the case's own visits the search started from. */
interface CaseVisit {
  kind: 'venue' | 'checkpoint';
  venueId: string;
  venueName: string;
  jurisdictionCode: string;
  at: string;
}

export interface CaseCoExposure {
  caseId: string;
  from: string;
  to: string;
  windowMinutes: number;
  visits: CaseVisit[];
  items: CoExposed[];
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The case's person's keyed hash and report time, when the case is in the caller's scope. */
async function caseSubject(tx: Queryable, caseId: string) {
  const [row] = await tx.query<{
    id_hash: Uint8Array | null;
    reported_at: Date | string;
    jurisdiction_code: string;
  }>(
    `SELECT p.id_hash, c.reported_at, c.jurisdiction_code
     FROM cases c LEFT JOIN persons p ON p.id = c.person_id WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

/**
 * A person's visits (check-ins and checkpoint passes) in [from, to], oldest first, in the caller's
 * scope (row-level security and the scope condition).
 */
async function visitsForSearch(
  tx: Queryable,
  actor: Pick<Actor, 'scopes'>,
  idHash: Buffer,
  from: Date,
  to: Date,
): Promise<CaseVisit[]> {
  const params: unknown[] = [idHash, from, to];
  const checkIns = scopeCondition('ci.jurisdiction_code', actor.scopes, params);
  const passes = scopeCondition('cp.jurisdiction_code', actor.scopes, params);
  return tx.query<CaseVisit>(
    `SELECT kind, "venueId", "venueName", "jurisdictionCode", ${ISO('at')} AS at FROM (
       SELECT 'venue' AS kind, ci.venue_id AS "venueId", COALESCE(v.name, '') AS "venueName",
         ci.jurisdiction_code AS "jurisdictionCode", ci.checked_in_at AS at
       FROM check_ins ci LEFT JOIN venues v ON v.id = ci.venue_id
       WHERE ci.id_hash = $1 AND ci.checked_in_at >= $2 AND ci.checked_in_at <= $3 AND ${checkIns}
       UNION ALL
       SELECT 'checkpoint', cp.checkpoint_id, COALESCE(k.name, ''), cp.jurisdiction_code, cp.passed_at
       FROM checkpoint_passes cp LEFT JOIN checkpoints k ON k.id = cp.checkpoint_id
       WHERE cp.id_hash = $1 AND cp.passed_at >= $2 AND cp.passed_at <= $3 AND ${passes}
     ) x ORDER BY x.at, x.kind, x."venueId"`,
    params,
  );
}

/**
 * EPI-3 for a case: its person's check-ins and checkpoint passes in the `days` before the report
 * (EPI-2 look-back, 14 by default), then the co-exposure search around each. Another county's case
 * is not found (404). The search is audited: who searched which case, and how many came back.
 */
export async function caseCoExposure(
  tx: Queryable,
  actor: Actor,
  input: { caseId: string; windowMinutes?: number; days?: number; limit?: number },
): Promise<CaseCoExposure> {
  const subject = await caseSubject(tx, input.caseId);
  if (!subject) throw notFound();
  const windowMinutes = input.windowMinutes ?? WINDOW_MINUTES.default;
  const days = input.days ?? LOOK_BACK_DAYS.default;
  const to = new Date(subject.reported_at);
  const from = new Date(to.getTime() - days * DAY);
  const idHash = subject.id_hash ? Buffer.from(subject.id_hash) : undefined;
  const visits = idHash ? await visitsForSearch(tx, actor, idHash, from, to) : [];
  const items = await coExposureSearch(
    tx,
    {
      visits: visits.map((v): Visit => ({ venueId: v.venueId, at: new Date(v.at), kind: v.kind })),
      windowMinutes,
      excludeIdHashes: idHash ? [idHash] : [],
      ...(input.limit !== undefined ? { limit: input.limit } : {}),
    },
    actor,
  );
  await recordAudit(tx, actor, {
    action: 'co_exposure.case',
    entity: 'case',
    entityId: input.caseId,
    jurisdictionCode: subject.jurisdiction_code,
    detail: { windowMinutes, days, visits: visits.length, results: items.length },
  });
  return {
    caseId: input.caseId,
    from: from.toISOString(),
    to: to.toISOString(),
    windowMinutes,
    visits,
    items,
  };
}

export interface VenueCoExposure {
  venueId: string;
  venueName: string;
  from: string;
  to: string;
  items: CoExposed[];
}

/**
 * EPI-3 for a venue: everyone who checked in there between `from` and `to`, with their visits (the
 * same search: one visit at the range's middle with a window of half the range plus `windowMinutes`
 * margin either side, so a stay that began just before the range is found too).
 */
export async function venueCoExposure(
  tx: Queryable,
  actor: Actor,
  input: { venueId: string; from: Date; to: Date; windowMinutes?: number; limit?: number },
): Promise<VenueCoExposure> {
  const params: unknown[] = [input.venueId];
  const [venue] = await tx.query<{ name: string; jurisdiction_code: string }>(
    `SELECT name, jurisdiction_code FROM venues WHERE id = $1 AND ${scopeCondition('jurisdiction_code', actor.scopes, params)}`,
    params,
  );
  if (!venue) throw notFound();
  const margin = input.windowMinutes ?? 0;
  const middle = new Date((input.from.getTime() + input.to.getTime()) / 2);
  const half = (input.to.getTime() - input.from.getTime()) / 60_000 / 2;
  const items = await coExposureSearch(
    tx,
    {
      visits: [{ venueId: input.venueId, at: middle, kind: 'venue' }],
      windowMinutes: half + margin,
      ...(input.limit !== undefined ? { limit: input.limit } : {}),
    },
    actor,
  );
  // Everyone at the venue in the range is equally "there": listed in the order they arrived. Past
  // `limit`, those farthest from the range's middle are the ones left out (the search's ranking).
  items.sort((a, b) => a.firstAt.localeCompare(b.firstAt) || a.idHash.localeCompare(b.idHash));
  await recordAudit(tx, actor, {
    action: 'co_exposure.venue',
    entity: 'co_exposure',
    entityId: input.venueId,
    jurisdictionCode: venue.jurisdiction_code ?? firstScope(actor.scopes),
    detail: {
      from: input.from.toISOString(),
      to: input.to.toISOString(),
      windowMinutes: margin,
      results: items.length,
    },
  });
  return {
    venueId: input.venueId,
    venueName: venue.name,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    items,
  };
}
