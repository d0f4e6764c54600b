import type { Database } from '../../src/platform/db/types.js';
import { computeGenerations } from '../../src/rules/generations.js';

/**
 * The chains tile's figures (EPI-5) counted from the base tables: the clusters (connected components
 * of the live links between cases that are not discarded, two cases or more) whose earliest reported
 * case is in the subtree, and those of them with an open accountability alert. None when there is no chain.
 */
export async function expectedChainFigures(db: Database, root: string): Promise<Map<string, number>> {
  const cases = await db.query<{ id: string; code: string }>(
    "SELECT id, jurisdiction_code AS code FROM cases WHERE status <> 'discarded' ORDER BY reported_at, id",
  );
  const links = await db.query<{ a: string; b: string }>(
    'SELECT infector_case_id AS a, infectee_case_id AS b FROM chain_links WHERE removed_at IS NULL',
  );
  const index = new Map(cases.map((c, i) => [c.id, i]));
  const live = links.filter((l) => index.has(l.a) && index.has(l.b));
  const { cluster, clusterCount } = computeGenerations({
    nodeCount: cases.length,
    imported: new Uint8Array(cases.length),
    from: live.map((l) => index.get(l.a) ?? 0),
    to: live.map((l) => index.get(l.b) ?? 0),
    certainty: live.map(() => 3),
  });
  const roots: Array<number | undefined> = new Array(clusterCount);
  const sizes = new Array<number>(clusterCount).fill(0);
  cases.forEach((_, v) => {
    const k = cluster[v] ?? 0;
    if (roots[k] === undefined) roots[k] = v;
    sizes[k] = (sizes[k] ?? 0) + 1;
  });
  const rootIds = roots.flatMap((v, k) =>
    v !== undefined && (sizes[k] ?? 0) >= 2 && cases[v]?.code.startsWith(root) ? [cases[v]?.id ?? ''] : [],
  );
  if (rootIds.length === 0) return new Map();
  const [open] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT subject_id)::int AS n FROM deadlines WHERE subject_type = 'chain_cluster'
       AND done_at IS NULL AND cancelled_at IS NULL AND subject_id = ANY($1::uuid[])`,
    [rootIds],
  );
  return new Map([
    ['chains.clusters.clusters', rootIds.length],
    ['chains.clusters.alerts', open?.n ?? 0],
  ]);
}
