import type { Database } from '../../src/platform/db/types.js';

/**
 * The isolation sites tile's figures (ISO-1, ISO-3) counted from the base tables: counties at or
 * above/below the root short of one active site in use and one on standby (000 §2.4.4 一用一备);
 * active sites of the subtree with fewer than five readiness items in place (004 §18 五到位), without
 * an active point leader, and in all; per child jurisdiction the first two. None without sites.
 */
export async function expectedIsolationSiteFigures(db: Database, root: string): Promise<Map<string, number>> {
  const sites = await db.query<{ code: string; ready: number; leader: boolean }>(
    `SELECT s.jurisdiction_code AS code,
       (SELECT count(*)::int FROM isolation_site_readiness x WHERE x.site_id = s.id AND x.in_place) AS ready,
       EXISTS (SELECT 1 FROM isolation_site_staff f WHERE f.site_id = s.id AND f.active AND f.role = 'point_leader') AS leader
     FROM isolation_sites s WHERE s.active AND s.jurisdiction_code LIKE $1`,
    [`${root}%`],
  );
  if (sites.length === 0) return new Map();
  const [counties] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM jurisdictions c
     WHERE c.level = 'county' AND (c.code LIKE $1 OR $2 LIKE c.code || '%')
       AND NOT (
         EXISTS (SELECT 1 FROM isolation_sites s WHERE s.active AND s.status = 'in_use' AND s.jurisdiction_code LIKE c.code || '%')
         AND EXISTS (SELECT 1 FROM isolation_sites s WHERE s.active AND s.status = 'standby' AND s.jurisdiction_code LIKE c.code || '%'))`,
    [`${root}%`, root],
  );
  const notReady = (prefix: string) => sites.filter((s) => s.code.startsWith(prefix) && s.ready < 5).length;
  const noLeader = (prefix: string) => sites.filter((s) => s.code.startsWith(prefix) && !s.leader).length;
  const expected = new Map<string, number>([
    ['isolation.sites.counties', counties?.n ?? 0],
    ['isolation.sites.notReady', notReady(root)],
    ['isolation.sites.noPointLeader', noLeader(root)],
    ['isolation.sites.sites', sites.length],
  ]);
  const children = await db.query<{ code: string }>('SELECT code FROM jurisdictions WHERE parent_code = $1', [
    root,
  ]);
  for (const child of children) {
    expected.set(`isolation.sites.${child.code}.notReady`, notReady(child.code));
    expected.set(`isolation.sites.${child.code}.noPointLeader`, noLeader(child.code));
  }
  return expected;
}
