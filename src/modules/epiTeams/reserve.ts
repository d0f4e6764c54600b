import type { Reserve } from '../../api/epiTeams.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { RESERVE_MAX, RESERVE_MIN, reserveReadiness, type Village } from '../../rules/epiTeams.js';
import { inScope } from '../../rules/roles.js';

/**
 * EPI-6 (003 §3.4.6): every village/community of the jurisdiction with its epi assistants in reserve
 * (active assistants of active teams naming the village), short (< 3), ready or over (> 5), and per
 * town the villages short and over. Villages short first, then by code.
 */
export async function reserveOf(
  tx: Queryable,
  actor: Actor,
  jurisdiction: string | undefined,
): Promise<Reserve> {
  const root = jurisdiction ?? actor.scopes[0] ?? '';
  if (!inScope(root, actor.scopes)) throw notFound();
  const villages = await tx.query<Village>(
    `SELECT v.code, v.name, t.code AS "townCode", t.name AS "townName"
     FROM jurisdictions v LEFT JOIN jurisdictions t ON t.code = v.parent_code
     WHERE v.level = 'village' AND v.code ^@ $1 ORDER BY v.code LIMIT 20000`,
    [root],
  );
  const assistants = await tx.query<{ code: string }>(
    `SELECT m.village_code AS code FROM epi_team_members m JOIN epi_teams t ON t.id = m.team_id
     WHERE m.active AND t.active AND m.role = 'assistant' AND m.village_code ^@ $1`,
    [root],
  );
  const readiness = reserveReadiness(
    villages,
    assistants.map((a) => a.code),
  );
  const rank = { short: 0, over: 1, ready: 2 } as const;
  const rows = [...readiness.villages].sort(
    (a, b) => rank[a.status] - rank[b.status] || a.code.localeCompare(b.code),
  );
  return {
    jurisdictionCode: root,
    min: RESERVE_MIN,
    max: RESERVE_MAX,
    villages: rows,
    towns: readiness.towns,
    summary: {
      villages: rows.length,
      short: rows.filter((r) => r.status === 'short').length,
      ready: rows.filter((r) => r.status === 'ready').length,
      over: rows.filter((r) => r.status === 'over').length,
    },
  };
}
