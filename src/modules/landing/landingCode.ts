import { type Actor, publicActor as anonymous } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { isLandingCode } from '../../rules/landing.js';

export interface LandingArea {
  code: string;
  name: string;
  /** "辽宁省盘锦市盘山县": what the public page says it belongs to. */
  fullName: string;
  level: 'city' | 'county';
}

/** The public landing-code form acts in the landing code's subtree (ARR-11); 404 for a bad code. */
export function publicActor(code: string): Actor {
  if (!isLandingCode(code)) throw notFound();
  return anonymous(code, 'landing_code');
}

/** The county or city a landing code names; 404 for anything else. */
export async function landingArea(tx: Queryable, code: string): Promise<LandingArea> {
  if (!isLandingCode(code)) throw notFound();
  const [row] = await tx.query<{ code: string; name: string; level: 'city' | 'county' }>(
    "SELECT code, name, level FROM jurisdictions WHERE code = $1 AND level IN ('city', 'county')",
    [code],
  );
  if (!row) throw notFound();
  const path = await tx.query<{ name: string }>(
    'SELECT name FROM jurisdictions WHERE $1 ^@ code ORDER BY length(code)',
    [code],
  );
  return { ...row, fullName: path.map((p) => p.name).join('') };
}

export interface Place {
  code: string;
  name: string;
  townName: string | null;
}

/** Communities and villages of the landing code's area, by name, pinyin initials or code. */
export async function searchPlaces(tx: Queryable, code: string, q: string, limit: number): Promise<Place[]> {
  const term = q.trim();
  return tx.query<Place>(
    `SELECT v.code, v.name, (SELECT t.name FROM jurisdictions t WHERE t.code = v.parent_code) AS "townName"
     FROM jurisdictions v
     WHERE v.code ^@ $1 AND v.level = 'village'
       AND ($2 = '' OR v.code ^@ $2 OR v.name LIKE $3 OR v.initials ^@ $4)
     ORDER BY v.code LIMIT $5`,
    [code, term, `%${term.replace(/[\\%_]/g, '\\$&')}%`, term.toLowerCase(), limit],
  );
}

/** A destination must be a community or village inside the landing code's area. */
export async function isPlaceOf(tx: Queryable, code: string, destination: string): Promise<boolean> {
  if (!destination.startsWith(code)) return false;
  const [row] = await tx.query("SELECT 1 FROM jurisdictions WHERE code = $1 AND level = 'village'", [
    destination,
  ]);
  return row !== undefined;
}
