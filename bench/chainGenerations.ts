import { randomUUID } from 'node:crypto';
import { buildGraph } from '../src/modules/chains/index.js';
import { CERTAINTY_RANK, computeGenerations } from '../src/rules/generations.js';
import type { BenchOptions } from './lib/options.js';
import { log } from './lib/report.js';
import { ms, percentiles, ratio, type SummaryRow, table, thousands } from './lib/stats.js';

/**
 * EPI-5 generations (issue 15 item 9): `BENCH_CHAIN_CASES` cases (default 100,000; 10,000 quick) and
 * `BENCH_CHAIN_LINKS` links (default 1,000,000; 100,000 quick), a random acyclic graph (every link
 * goes from a lower to a higher case number, so no cycle) with mixed certainties and 1% imported cases.
 *
 * Measured, p50/p95 over rounds, against a baseline measured in the same run: a plain BFS over the
 * same graph (CSR adjacency built from the same arrays, depth from every node with no in-link),
 * which is the least any generation computation has to do. Then the rule (both readings, Kahn's
 * order, union-find clusters), and the module's in-memory path (`buildGraph`: case ids to node
 * indices, link rows to arrays, the rule, cluster member lists) from rows as the database returns them.
 * The SQL read of the rows is not part of it.
 */
function size(name: string, quick: boolean, full: number, short: number): number {
  const raw = process.env[name];
  return raw ? Number(raw.replaceAll('_', '')) : quick ? short : full;
}

/** A seeded PRNG, so every run builds the same graph. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function plainBfs(n: number, from: Int32Array, to: Int32Array): Int32Array {
  const start = new Int32Array(n + 1);
  const indegree = new Int32Array(n);
  for (let i = 0; i < from.length; i++) {
    start[(from[i] as number) + 1] = (start[(from[i] as number) + 1] as number) + 1;
    indegree[to[i] as number] = (indegree[to[i] as number] as number) + 1;
  }
  for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, n);
  const adj = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) {
    const a = from[i] as number;
    adj[fill[a] as number] = to[i] as number;
    fill[a] = (fill[a] as number) + 1;
  }
  const depth = new Int32Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v++)
    if (indegree[v] === 0) {
      depth[v] = 1;
      queue[tail++] = v;
    }
  for (let head = 0; head < tail; head++) {
    const u = queue[head] as number;
    for (let k = start[u] as number; k < (start[u + 1] as number); k++) {
      const v = adj[k] as number;
      if (depth[v] === 0) {
        depth[v] = (depth[u] as number) + 1;
        queue[tail++] = v;
      }
    }
  }
  return depth;
}

function rounds(count: number, fn: () => unknown): number[] {
  const samples: number[] = [];
  fn(); // warm-up
  for (let r = 0; r < count; r++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

export async function chainGenerationsBench(options: BenchOptions): Promise<SummaryRow[]> {
  const n = size('BENCH_CHAIN_CASES', options.quick, 100_000, 10_000);
  const m = size('BENCH_CHAIN_LINKS', options.quick, 1_000_000, 100_000);
  const count = size('BENCH_CHAIN_ROUNDS', options.quick, 7, 3);
  const random = rng(15);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const certainty = new Int8Array(m);
  for (let i = 0; i < m; i++) {
    // Infectee b > 0, infector a < b, mostly close to b (chains are local): a long-tailed graph.
    const b = 1 + Math.floor(random() * (n - 1));
    const a = Math.max(0, b - 1 - Math.floor(random() * random() * Math.min(b, 5000)));
    from[i] = a;
    to[i] = b;
    certainty[i] = 1 + Math.floor(random() * 3);
  }
  const imported = new Uint8Array(n);
  for (let v = 0; v < n; v += 100) imported[v] = 1;
  log(`\n## chainGenerations: ${thousands(n)} cases, ${thousands(m)} links, ${count} rounds`);

  const bfs = percentiles(rounds(count, () => plainBfs(n, from, to)));
  const rule = percentiles(
    rounds(count, () => computeGenerations({ nodeCount: n, imported, from, to, certainty })),
  );
  const check = computeGenerations({ nodeCount: n, imported, from, to, certainty });
  let maxGen = 0;
  for (const g of check.maxGeneration) maxGen = Math.max(maxGen, g);

  // The module's path from rows (ids as strings, as the database returns them).
  const ids = Array.from({ length: n }, () => randomUUID());
  const names = ['confirmed', 'probable', 'possible'] as const;
  const cases = ids.map((caseId, v) => ({
    caseId,
    personName: '',
    jurisdictionCode: '211122',
    classification: 'confirmed',
    origin: imported[v] ? 'imported' : 'local',
    status: 'reviewed',
    onsetAt: null,
    reportedAt: '2026-12-07T00:00:00.000Z',
    reportingInstitution: '',
    reportingDoctor: '',
  }));
  const links = Array.from({ length: m }, (_, i) => ({
    id: '',
    infectorCaseId: ids[from[i] as number] as string,
    infecteeCaseId: ids[to[i] as number] as string,
    infectorName: '',
    infecteeName: '',
    certainty: names[3 - (certainty[i] as number)] as (typeof names)[number],
    evidenceKind: 'household' as const,
    evidence: '',
    exposureAt: null,
    linkedByName: '',
    linkedAt: '',
    removedAt: null,
    removedByName: null,
    removalReason: null,
    infectorJurisdiction: '211122',
    infecteeJurisdiction: '211122',
  }));
  if (CERTAINTY_RANK.confirmed !== 3) throw new Error('certainty ranks changed');
  const module = percentiles(rounds(count, () => buildGraph(cases, links)));

  log(
    table(
      ['measure', 'p50 ms', 'p95 ms', 'ratio to BFS (p50)'],
      [
        ['plain BFS (baseline)', ms(bfs.p50), ms(bfs.p95), '1.00×'],
        ['generations rule (both readings + clusters)', ms(rule.p50), ms(rule.p95), ratio(rule.p50, bfs.p50)],
        ['module buildGraph from rows', ms(module.p50), ms(module.p95), ratio(module.p50, bfs.p50)],
      ],
    ),
  );
  log(`clusters: ${thousands(check.clusterCount)}, highest generation (cautious): ${maxGen}`);
  const row = (measure: string, value: number): SummaryRow => ({
    bench: 'chainGenerations',
    engine: 'node',
    measure: `${measure} p50 (${thousands(n)} cases, ${thousands(m)} links)`,
    value: `${ms(value)} ms`,
    baseline: `${ms(bfs.p50)} ms BFS`,
    ratio: ratio(value, bfs.p50),
  });
  return [row('rule', rule.p50), row('buildGraph', module.p50)];
}
