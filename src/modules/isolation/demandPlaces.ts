import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';

/** A county (or, below county level, the caller's own subtree) the demand and occupancy rows are read for. */
export interface DemandPlace {
  code: string;
  name: string;
}

export interface DemandScope {
  root: DemandPlace;
  /** The rows: each county of the root, or the root itself at or below county level. */
  places: DemandPlace[];
  /** Rows group codes by their first `keyLength` digits (6: a county, 002 §25 "县（市、区）级"). */
  keyLength: number;
}

const COUNTY_LENGTH = 6;

/** The broadest of the caller's scopes: where the view opens when no jurisdiction is asked for. */
function broadestScope(scopes: readonly string[]): string {
  const [broadest] = [...scopes].sort((a, b) => a.length - b.length);
  if (broadest === undefined) throw new Error('an account without a scope');
  return broadest;
}

/**
 * ISO-2: isolation is sized by the county HQ, so a city or province reads one row per county and a
 * county its own. A town or village user (a community worker) reads their own subtree as one row:
 * row-level security shows them nothing of the county beyond it. 404 outside the caller's scope.
 */
export async function demandScope(
  tx: Queryable,
  actor: Actor,
  asked: string | undefined,
): Promise<DemandScope> {
  const code = asked ?? broadestScope(actor.scopes);
  if (!inScope(code, actor.scopes)) throw notFound();
  const [root] = await tx.query<DemandPlace>('SELECT code, name FROM jurisdictions WHERE code = $1', [code]);
  if (!root) throw notFound();
  if (code.length >= COUNTY_LENGTH) return { root, places: [root], keyLength: code.length };
  const places = await tx.query<DemandPlace>(
    `SELECT code, name FROM jurisdictions WHERE code >= $1 AND code < $2 AND length(code) = ${COUNTY_LENGTH}
     ORDER BY code`,
    [code, `${code}:`],
  );
  return { root, places, keyLength: COUNTY_LENGTH };
}

/** SQL keeping `column` within the root's subtree ($1, $2 hold the root and its upper bound). */
export const inRoot = (column: string) => `(${column} >= $1 AND ${column} < $2)`;

/** The parameters `inRoot` reads. */
export const rootParams = (scope: DemandScope): [string, string] => [scope.root.code, `${scope.root.code}:`];

/** SQL of the row key of `column`. */
export const keyOf = (scope: DemandScope, column: string) => `left(${column}, ${scope.keyLength})`;
