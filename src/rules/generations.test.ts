import { describe, expect, it } from 'vitest';
import {
  accountabilityOf,
  CERTAINTY_RANK,
  type Certainty,
  computeGenerations,
  cycleClosedBy,
} from './generations.js';

/**
 * EPI-5 [002 §28]: "对'第一代'感染病例的发现者，要给予工作肯定；如果出现'第二代'感染病例，要高度重视，
 * 迅速扑灭；一旦发生'第三代或以上'感染病例，不仅要追根溯源，而且要追究责任。"
 */
type L = [string, string, Certainty?];
interface Case {
  name: string;
  nodes: string[];
  imported?: string[];
  links: L[];
  generation: Record<string, number>;
  maxGeneration?: Record<string, number>;
  clusters: number;
}

function run(c: Pick<Case, 'nodes' | 'imported' | 'links'>) {
  const index = new Map(c.nodes.map((n, i) => [n, i]));
  const at = (n: string) => index.get(n)!;
  const result = computeGenerations({
    nodeCount: c.nodes.length,
    imported: c.nodes.map((n) => (c.imported ?? []).includes(n)),
    from: c.links.map((l) => at(l[0])),
    to: c.links.map((l) => at(l[1])),
    certainty: c.links.map((l) => CERTAINTY_RANK[l[2] ?? 'confirmed']),
  });
  const byName = (a: Int32Array) => Object.fromEntries(c.nodes.map((n, i) => [n, a[i]]));
  return { ...result, gen: byName(result.generation), max: byName(result.maxGeneration) };
}

const table: Case[] = [
  {
    name: 'an index case alone is generation 1',
    nodes: ['A'],
    links: [],
    generation: { A: 1 },
    clusters: 1,
  },
  {
    name: 'a chain A → B → C → D: 1, 2, 3, 4',
    nodes: ['A', 'B', 'C', 'D'],
    links: [
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'D'],
    ],
    generation: { A: 1, B: 2, C: 3, D: 4 },
    clusters: 1,
  },
  {
    name: 'a tree: A infects B and C, C infects D and E',
    nodes: ['A', 'B', 'C', 'D', 'E'],
    links: [
      ['A', 'B'],
      ['A', 'C'],
      ['C', 'D'],
      ['C', 'E'],
    ],
    generation: { A: 1, B: 2, C: 2, D: 3, E: 3 },
    clusters: 1,
  },
  {
    name: 'a diamond A → B, A → C, B → D, C → D (equal certainty): D is 3 either way',
    nodes: ['A', 'B', 'C', 'D'],
    links: [
      ['A', 'B'],
      ['A', 'C'],
      ['B', 'D'],
      ['C', 'D'],
    ],
    generation: { A: 1, B: 2, C: 2, D: 3 },
    clusters: 1,
  },
  {
    name: 'several candidates of equal certainty: the earliest generation is the best reading, the longest the cautious one',
    nodes: ['A', 'B', 'C', 'X'],
    links: [
      ['A', 'B'],
      ['B', 'C'],
      ['A', 'X', 'probable'],
      ['C', 'X', 'probable'],
    ],
    generation: { A: 1, B: 2, C: 3, X: 2 },
    maxGeneration: { A: 1, B: 2, C: 3, X: 4 },
    clusters: 1,
  },
  {
    name: 'several candidates: the most certain link wins over an earlier but weaker one',
    nodes: ['A', 'B', 'C', 'X'],
    links: [
      ['A', 'B'],
      ['B', 'C'],
      ['A', 'X', 'possible'],
      ['C', 'X', 'confirmed'],
    ],
    generation: { A: 1, B: 2, C: 3, X: 4 },
    maxGeneration: { X: 4 },
    clusters: 1,
  },
  {
    name: 'several candidates: a weak long path raises only the cautious reading',
    nodes: ['A', 'B', 'X'],
    links: [
      ['A', 'B'],
      ['A', 'X', 'confirmed'],
      ['B', 'X', 'possible'],
    ],
    generation: { A: 1, B: 2, X: 2 },
    maxGeneration: { X: 3 },
    clusters: 1,
  },
  {
    name: 'an imported case is generation 1 even with a link into it',
    nodes: ['A', 'I', 'B'],
    imported: ['I'],
    links: [
      ['A', 'I'],
      ['I', 'B'],
    ],
    generation: { A: 1, I: 1, B: 2 },
    maxGeneration: { I: 1, B: 2 },
    clusters: 1,
  },
  {
    name: 'two separate chains and a lone case are three clusters',
    nodes: ['A', 'B', 'C', 'D', 'E'],
    links: [
      ['A', 'B'],
      ['C', 'D'],
    ],
    generation: { A: 1, B: 2, C: 1, D: 2, E: 1 },
    clusters: 3,
  },
  {
    name: 'two index cases infecting the same case join one cluster',
    nodes: ['A', 'B', 'X'],
    links: [
      ['A', 'X'],
      ['B', 'X'],
    ],
    generation: { A: 1, B: 1, X: 2 },
    clusters: 1,
  },
];

describe('EPI-5 generations from links (002 §28)', () => {
  it.each(table)('EPI-5 $name', (c) => {
    const r = run(c);
    expect(r.gen).toMatchObject(c.generation);
    expect(r.max).toMatchObject(c.maxGeneration ?? c.generation);
    expect(r.clusterCount).toBe(c.clusters);
    expect(r.onCycle).toEqual([]);
  });

  it('EPI-5 a long chain of 50,000 cases: the last is generation 50,000 (no recursion limit)', () => {
    const n = 50_000;
    const from = Int32Array.from({ length: n - 1 }, (_, i) => i);
    const to = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
    const r = computeGenerations({
      nodeCount: n,
      imported: new Uint8Array(n),
      from,
      to,
      certainty: new Int8Array(n - 1).fill(3),
    });
    expect(r.generation[n - 1]).toBe(n);
    expect(r.maxGeneration[n - 1]).toBe(n);
    expect(r.clusterCount).toBe(1);
  });

  it('EPI-5 a cycle that reaches the rule leaves its cases undetermined (0), never a wrong number', () => {
    const r = run({
      nodes: ['A', 'B', 'C', 'D'],
      links: [
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'B'],
        ['C', 'D'],
      ],
    });
    expect(r.gen).toEqual({ A: 1, B: 0, C: 0, D: 0 });
    expect(r.onCycle.sort()).toEqual([1, 2, 3]);
  });
});

describe('EPI-5 a link that would close a cycle is refused', () => {
  const links = [
    { from: 0, to: 1 },
    { from: 1, to: 2 },
    { from: 2, to: 3 },
  ];
  it.each([
    ['EPI-5 a self-link is a cycle of one', 2, 2, [2, 2]],
    ['EPI-5 D → A closes A → B → C → D', 3, 0, [3, 0, 1, 2, 3]],
    ['EPI-5 C → B closes B → C', 2, 1, [2, 1, 2]],
    ['EPI-5 A → D (a shortcut) closes nothing', 0, 3, null],
    ['EPI-5 B → E (a new case) closes nothing', 1, 4, null],
  ] as const)('%s', (_name, infector, infectee, cycle) => {
    expect(cycleClosedBy(5, links, infector, infectee)).toEqual(cycle);
  });
});

describe('EPI-5 accountability by generation', () => {
  it.each([
    [1, 'credit'],
    [2, 'flag'],
    [3, 'alert'],
    [7, 'alert'],
    [0, 'none'],
  ] as const)('EPI-5 generation %i → %s', (generation, level) => {
    expect(accountabilityOf(generation)).toBe(level);
  });
});
