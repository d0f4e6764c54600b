import type { Database } from '../../src/platform/db/types.js';

/**
 * The reserve tile's figures (EPI-6) counted from the base tables: villages/communities of the
 * subtree, those with fewer than 3 active assistants of active teams (short), those with more than
 * 5 (over), and per child jurisdiction the villages short. None without villages.
 */
export async function expectedEpiTeamFigures(db: Database, root: string): Promise<Map<string, number>> {
  const rows = await db.query<{ code: string; n: number }>(
    `SELECT v.code, (SELECT count(*)::int FROM epi_team_members m JOIN epi_teams t ON t.id = m.team_id
         WHERE m.village_code = v.code AND m.active AND t.active AND m.role = 'assistant') AS n
     FROM jurisdictions v WHERE v.level = 'village' AND v.code LIKE $1`,
    [`${root}%`],
  );
  if (rows.length === 0) return new Map();
  const expected = new Map<string, number>([
    ['epiTeams.reserve.short', rows.filter((r) => r.n < 3).length],
    ['epiTeams.reserve.villages', rows.length],
    ['epiTeams.reserve.over', rows.filter((r) => r.n > 5).length],
  ]);
  const children = await db.query<{ code: string }>('SELECT code FROM jurisdictions WHERE parent_code = $1', [
    root,
  ]);
  for (const child of children)
    expected.set(
      `epiTeams.reserve.${child.code}.short`,
      rows.filter((r) => r.code.startsWith(child.code) && r.n < 3).length,
    );
  return expected;
}
