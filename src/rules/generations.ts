/**
 * EPI-5 (002 §28): transmission chains, clusters and generations, computed from infector → infectee
 * links. Pure (no I/O, no clock), linear in cases + links: nodes are numbered 0..n-1 and links are
 * parallel arrays, so 100,000 cases with 1,000,000 links take well under a second (BENCHMARKS.md).
 *
 * The rules, as the module and its tests read them:
 * - An imported case and an index case (no live infector link) are generation 1. An imported case
 *   stays generation 1 whatever links point to it (it was infected outside), so links into it never
 *   raise it.
 * - An infectee's generation is 1 + its infector's.
 * - Several candidate infectors: two numbers are kept for each case.
 *   `generation` is the best reading: only the infectee's MOST CERTAIN links count (confirmed over
 *   probable over possible), and among those the infector with the EARLIEST generation wins (the
 *   shortest chain the firmest evidence supports).
 *   `maxGeneration` is the cautious reading: the longest chain over ANY candidate link of any
 *   certainty (longest path in the acyclic link graph).
 *   Accountability is raised on `maxGeneration` (DESIGN: never understate risk): a third generation
 *   that any candidate path reaches opens the investigation (追根溯源、追究责任), which settles it;
 *   the pages show both numbers, so a case whose best reading is lower is not mistaken for a proven one.
 * - Discarded cases are not nodes at all: the caller leaves them out, and every link that touches
 *   one is dropped with them, so their infectees fall back to their other infectors or become index cases.
 * - Clusters are the connected components of the (undirected) link graph; a case with no link is a
 *   cluster of one.
 * - Links are acyclic by construction (a link that would close a cycle is refused, `findCycle`); if
 *   a cycle still reaches the rule, its cases get generation 0 ("undetermined") and are listed.
 */

export type Certainty = 'confirmed' | 'probable' | 'possible';

/** Rank of a certainty: higher is firmer. */
export const CERTAINTY_RANK: Readonly<Record<Certainty, number>> = { confirmed: 3, probable: 2, possible: 1 };

/** The graph in flat arrays: link i goes from node `from[i]` (infector) to node `to[i]` (infectee). */
export interface LinkGraph {
  nodeCount: number;
  /** Imported cases (generation 1 whatever points to them). */
  imported: ArrayLike<boolean | number>;
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  /** CERTAINTY_RANK of each link (1..3). */
  certainty: ArrayLike<number>;
}

export interface Generations {
  /** Best reading (most certain links, earliest infector generation); 0 = on a cycle (undetermined). */
  generation: Int32Array;
  /** Cautious reading (longest chain over any candidate link); 0 = on a cycle. */
  maxGeneration: Int32Array;
  /** Cluster index of each node (0..clusterCount-1), numbered in order of their lowest node. */
  cluster: Int32Array;
  clusterCount: number;
  /** Nodes left undetermined by a cycle (empty for a graph the module wrote). */
  onCycle: number[];
}

/** Accountability level of a generation (EPI-5): 1 credit the discoverer, 2 flag, 3+ alert. */
export type Accountability = 'credit' | 'flag' | 'alert' | 'none';
export function accountabilityOf(generation: number): Accountability {
  if (generation >= 3) return 'alert';
  if (generation === 2) return 'flag';
  if (generation === 1) return 'credit';
  return 'none';
}

/** The threshold of the accountability alert (第三代或以上). */
export const ALERT_GENERATION = 3;

function find(parent: Int32Array, x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root] as number;
  while (parent[x] !== root) {
    const next = parent[x] as number;
    parent[x] = root;
    x = next;
  }
  return root;
}

/** Generations (both readings) and clusters of a link graph, in O(nodes + links). */
export function computeGenerations(graph: LinkGraph): Generations {
  const n = graph.nodeCount;
  const m = graph.from.length;
  // Out-adjacency in CSR form, in-degree and each infectee's best certainty.
  const outStart = new Int32Array(n + 1);
  const indegree = new Int32Array(n);
  const best = new Int8Array(n);
  for (let i = 0; i < m; i++) {
    const a = graph.from[i] as number;
    const b = graph.to[i] as number;
    if (a < 0 || a >= n || b < 0 || b >= n)
      throw new RangeError(`link ${i} names a node outside 0..${n - 1}`);
    outStart[a + 1] = (outStart[a + 1] as number) + 1;
    indegree[b] = (indegree[b] as number) + 1;
    const c = graph.certainty[i] as number;
    if (c > (best[b] as number)) best[b] = c;
  }
  for (let v = 0; v < n; v++) outStart[v + 1] = (outStart[v + 1] as number) + (outStart[v] as number);
  const fill = outStart.slice(0, n);
  const outLink = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const a = graph.from[i] as number;
    const slot = fill[a] as number;
    fill[a] = slot + 1;
    outLink[slot] = i;
  }

  const generation = new Int32Array(n);
  const maxGeneration = new Int32Array(n);
  const INF = 0x7fffffff;
  for (let v = 0; v < n; v++) {
    if (indegree[v] === 0 || graph.imported[v]) {
      generation[v] = 1;
      maxGeneration[v] = 1;
    } else generation[v] = INF;
  }
  // Kahn's order: a node is settled once every link into it has been seen.
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue[tail++] = v;
  while (head < tail) {
    const u = queue[head++] as number;
    const gu = generation[u] as number;
    const mu = maxGeneration[u] as number;
    for (let k = outStart[u] as number; k < (outStart[u + 1] as number); k++) {
      const i = outLink[k] as number;
      const v = graph.to[i] as number;
      if (!graph.imported[v]) {
        if (mu + 1 > (maxGeneration[v] as number)) maxGeneration[v] = mu + 1;
        if (graph.certainty[i] === best[v] && gu + 1 < (generation[v] as number)) generation[v] = gu + 1;
      }
      const left = (indegree[v] as number) - 1;
      indegree[v] = left;
      if (left === 0) queue[tail++] = v;
    }
  }
  const onCycle: number[] = [];
  if (tail < n) {
    for (let v = 0; v < n; v++) {
      if ((indegree[v] as number) > 0) {
        onCycle.push(v);
        if (!graph.imported[v]) {
          generation[v] = 0;
          maxGeneration[v] = 0;
        }
      }
    }
  }
  // A node whose most certain infectors all sit behind a cycle keeps INF: undetermined as well.
  for (let v = 0; v < n; v++) if (generation[v] === INF) generation[v] = 0;

  // Clusters: union-find over the links, then numbered in order of their lowest node.
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  for (let i = 0; i < m; i++) {
    const a = find(parent, graph.from[i] as number);
    const b = find(parent, graph.to[i] as number);
    if (a !== b) {
      if (a < b) parent[b] = a;
      else parent[a] = b;
    }
  }
  const cluster = new Int32Array(n).fill(-1);
  let clusterCount = 0;
  for (let v = 0; v < n; v++) {
    const root = find(parent, v);
    if (cluster[root] === -1) cluster[root] = clusterCount++;
    cluster[v] = cluster[root] as number;
  }
  return { generation, maxGeneration, cluster, clusterCount, onCycle };
}

/**
 * The path of existing links from `from` to `to` (node indices, both ends included), or null.
 * Adding the link `to → from` would close a cycle exactly when such a path exists; the refusal
 * names the cases on it. Breadth-first, O(nodes + links).
 */
function findPath(
  nodeCount: number,
  links: ReadonlyArray<{ from: number; to: number }>,
  from: number,
  to: number,
): number[] | null {
  if (from === to) return [from];
  const adjacency: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const link of links) adjacency[link.from]?.push(link.to);
  const previous = new Int32Array(nodeCount).fill(-1);
  previous[from] = from;
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number;
    for (const v of adjacency[u] ?? []) {
      if (previous[v] !== -1) continue;
      previous[v] = u;
      if (v === to) {
        const path = [v];
        for (let x = u; x !== from; x = previous[x] as number) path.push(x);
        path.push(from);
        return path.reverse();
      }
      queue.push(v);
    }
  }
  return null;
}

/**
 * The cycle a new link infector → infectee would close, as node indices starting and ending at the
 * infector (infector → infectee → … → infector), or null when the link is acyclic. A self-link is
 * the cycle [x, x].
 */
export function cycleClosedBy(
  nodeCount: number,
  links: ReadonlyArray<{ from: number; to: number }>,
  infector: number,
  infectee: number,
): number[] | null {
  if (infector === infectee) return [infector, infector];
  const path = findPath(nodeCount, links, infectee, infector);
  return path ? [infector, ...path] : null;
}
