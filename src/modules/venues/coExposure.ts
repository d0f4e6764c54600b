import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { RESULT_LIMIT, STAY_MINUTES } from '../../rules/coExposure.js';
import { maskName } from '../../rules/landing.js';

/**
 * EPI-3 co-exposure search (时空伴随): everyone whose check-in at the same venue (or pass at the same
 * checkpoint) lies within `windowMinutes` either side of one of the case's visits, ranked by the
 * rule in src/rules/coExposure.ts. One set-based statement: a lateral join per visit on the
 * (venue_id, checked_in_at, id_hash) index of check_ins, whose time range lets the executor prune
 * the day partitions it does not touch; checkpoint passes through (checkpoint_id, passed_at).
 * Run it in a scoped transaction: row-level security and the explicit scope condition both keep
 * it to the caller's jurisdictions.
 */

export interface Visit {
  /** The venue's id, or the checkpoint's when `kind` is 'checkpoint'. */
  venueId: string;
  at: Date;
  kind?: 'venue' | 'checkpoint';
}

interface CoExposureExposure {
  venueId: string;
  venueName: string;
  jurisdictionCode: string;
  /** The case's instant at that place (ISO). */
  caseAt: string;
  /** This person's instant there (ISO). */
  at: string;
  source: 'check_in' | 'checkpoint';
}

export interface CoExposed {
  /** The keyed ID hash in hex: an opaque handle for the contacts' batch action. */
  idHash: string;
  /** Masked (张*) unless the caller holds person.unmask. */
  name: string;
  idMasked: string;
  phoneMasked: string | null;
  sharedVisits: number;
  overlapMinutes: number;
  closestGapMinutes: number;
  firstAt: string;
  lastAt: string;
  exposures: CoExposureExposure[];
  /** The registered person with this ID hash, when one is in the caller's scope. */
  knownPersonId: string | null;
}

export interface CoExposureQuery {
  visits: readonly Visit[];
  windowMinutes: number;
  excludeIdHashes?: readonly Buffer[];
  limit?: number;
}

/** The most exposures listed per person (the rest still count in the ranking). */
const EXPOSURES_LISTED = 50;

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The hits: one row per (case visit, other person's check-in or pass) inside the window. $1 places,
 * $2 kinds, $3 instants, $4 window minutes, $5 hashes excluded; `scope` adds the jurisdiction ranges.
 * Exported for the benchmark's bare join, which is this without ranking or identity.
 */
function hitsSql(checkInScope: string, passScope: string): string {
  return `visits AS (
    SELECT (v.ord - 1)::int AS visit, v.place, v.kind, v.at
    FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS v(place, kind, at, ord)
  ),
  hits AS (
    SELECT v.visit, v.place, v.at AS case_at, c.checked_in_at AS at, c.id_hash, c.jurisdiction_code,
      'check_in'::text AS source
    FROM visits v
    CROSS JOIN LATERAL (
      SELECT ci.checked_in_at, ci.id_hash, ci.jurisdiction_code FROM check_ins ci
      WHERE ci.venue_id = v.place
        AND ci.checked_in_at >= v.at - $4 * interval '1 minute'
        AND ci.checked_in_at <= v.at + $4 * interval '1 minute'
        AND ${checkInScope}
    ) c
    WHERE v.kind = 'venue' AND NOT (c.id_hash = ANY ($5::bytea[]))
    UNION ALL
    SELECT v.visit, v.place, v.at, p.passed_at, p.id_hash, p.jurisdiction_code, 'checkpoint'::text
    FROM visits v
    CROSS JOIN LATERAL (
      SELECT cp.passed_at, cp.id_hash, cp.jurisdiction_code FROM checkpoint_passes cp
      WHERE cp.checkpoint_id = v.place
        AND cp.passed_at >= v.at - $4 * interval '1 minute'
        AND cp.passed_at <= v.at + $4 * interval '1 minute'
        AND ${passScope}
    ) p
    WHERE v.kind = 'checkpoint' AND NOT (p.id_hash = ANY ($5::bytea[]))
  )`;
}

interface Row {
  id_hash: Uint8Array;
  shared: number;
  overlap: string | number;
  closest: string | number;
  first_at: string;
  last_at: string;
  exposures: CoExposureExposure[] | string;
  known_person_id: string | null;
  name: string | null;
  id_masked: string | null;
  phone_masked: string | null;
}

const round1 = (value: string | number) => Math.round(Number(value) * 10) / 10;

/** Parameters of the hits for a list of visits. */
function hitsParams(query: CoExposureQuery): unknown[] {
  return [
    query.visits.map((v) => v.venueId),
    query.visits.map((v) => v.kind ?? 'venue'),
    query.visits.map((v) => v.at),
    query.windowMinutes,
    (query.excludeIdHashes ?? []).map((h) => Buffer.from(h)),
  ];
}

/**
 * EPI-3: the people co-exposed with the given visits, ranked. `actor` decides masking (person.unmask)
 * and the scope condition (the service's own check besides row-level security).
 */
export async function coExposureSearch(
  tx: Queryable,
  query: CoExposureQuery,
  actor?: Pick<Actor, 'permissions' | 'scopes'>,
): Promise<CoExposed[]> {
  if (query.visits.length === 0) return [];
  const params = hitsParams(query);
  const checkInScope = actor ? scopeCondition('ci.jurisdiction_code', actor.scopes, params) : 'true';
  const passScope = actor ? scopeCondition('cp.jurisdiction_code', actor.scopes, params) : 'true';
  params.push(STAY_MINUTES, Math.min(query.limit ?? RESULT_LIMIT.default, RESULT_LIMIT.max));
  const stay = `$${params.length - 1}`;
  const limit = `$${params.length}`;
  const rows = await tx.query<Row>(
    `WITH ${hitsSql(checkInScope, passScope)},
    per_visit AS (
      SELECT id_hash, visit, min(abs(extract(epoch FROM at - case_at)) / 60) AS gap
      FROM hits GROUP BY id_hash, visit
    ),
    ranked AS (
      SELECT id_hash, count(*)::int AS shared, sum(greatest(0, ${stay}::numeric - gap)) AS overlap,
        min(gap) AS closest
      FROM per_visit GROUP BY id_hash
      ORDER BY shared DESC, overlap DESC, closest, id_hash
      LIMIT ${limit}
    ),
    -- The listed people's exposures in one pass over the hits (a hash join, not a scan per person),
    -- with the place's name; at most ${EXPOSURES_LISTED} listed per person, the earliest.
    exposures AS (
      SELECT h.id_hash, ${ISO('min(h.at)')} AS first_at, ${ISO('max(h.at)')} AS last_at,
        array_to_json((array_agg(json_build_object(
          'venueId', h.place, 'venueName', COALESCE(vn.name, ck.name, ''), 'jurisdictionCode', h.jurisdiction_code,
          'caseAt', ${ISO('h.case_at')}, 'at', ${ISO('h.at')}, 'source', h.source) ORDER BY h.at, h.case_at))[1:${EXPOSURES_LISTED}]) AS list
      FROM ranked r JOIN hits h ON h.id_hash = r.id_hash
      LEFT JOIN venues vn ON h.source = 'check_in' AND vn.id = h.place
      LEFT JOIN checkpoints ck ON h.source = 'checkpoint' AND ck.id = h.place
      GROUP BY h.id_hash
    )
    SELECT r.id_hash, r.shared, r.overlap, r.closest, e.first_at, e.last_at, e.list AS exposures,
      known.id AS known_person_id,
      COALESCE(known.name, ident.name, pass.person_name) AS name,
      COALESCE(known.id_masked, ident.id_masked, pass.id_masked) AS id_masked,
      COALESCE(known.phone_masked, ident.phone_masked, pass.phone_masked) AS phone_masked
    FROM ranked r
    JOIN exposures e ON e.id_hash = r.id_hash
    LEFT JOIN LATERAL (
      SELECT p.id, p.name, p.id_masked, p.phone_masked FROM persons p WHERE p.id_hash = r.id_hash LIMIT 1
    ) known ON true
    LEFT JOIN LATERAL (
      SELECT i.name, i.id_masked, i.phone_masked FROM check_in_identities i
      WHERE i.id_hash = r.id_hash ORDER BY i.first_seen_at LIMIT 1
    ) ident ON true
    LEFT JOIN LATERAL (
      SELECT x.person_name, x.id_masked, x.phone_masked FROM checkpoint_passes x
      WHERE x.id_hash = r.id_hash ORDER BY x.passed_at DESC LIMIT 1
    ) pass ON true
    ORDER BY r.shared DESC, r.overlap DESC, r.closest, r.id_hash`,
    params,
  );
  const unmask = actor?.permissions.has('person.unmask') ?? false;
  const result = rows.map((row): CoExposed => {
    const name = row.name ?? '';
    return {
      idHash: Buffer.from(row.id_hash).toString('hex'),
      name: unmask ? name : maskName(name),
      idMasked: row.id_masked ?? '',
      phoneMasked: row.phone_masked,
      sharedVisits: row.shared,
      overlapMinutes: round1(row.overlap),
      closestGapMinutes: round1(row.closest),
      firstAt: row.first_at,
      lastAt: row.last_at,
      exposures: typeof row.exposures === 'string' ? JSON.parse(row.exposures) : (row.exposures ?? []),
      knownPersonId: row.known_person_id,
    };
  });
  return result;
}
