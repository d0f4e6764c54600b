import cytoscape, { type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { LinkView, NodeView } from './api';

/** Node colours by classification (the cases pages' tag colours), generation 3+ outlined red. */
const CLASS_COLOURS: Record<string, string> = {
  confirmed: '#cf1322',
  asymptomatic: '#d48806',
  suspected: '#1677ff',
};
const LAYER_GAP = 110;
const NODE_GAP = 56;

/**
 * A layered layout by generation (best reading): each generation is a row, and within a row the
 * cases are ordered by the mean position of their infectors (one barycentre pass), so a chain
 * reads top to bottom and siblings sit together. Computed here (no layout extension), so hundreds
 * of nodes lay out at once.
 */
function layered(nodes: readonly NodeView[], links: readonly LinkView[]) {
  const rows = new Map<number, NodeView[]>();
  for (const n of nodes) {
    const g = Math.max(n.generation, 1);
    rows.set(g, [...(rows.get(g) ?? []), n]);
  }
  const x = new Map<string, number>();
  const infectors = new Map<string, string[]>();
  for (const l of links)
    infectors.set(l.infecteeCaseId, [...(infectors.get(l.infecteeCaseId) ?? []), l.infectorCaseId]);
  const widest = Math.max(...[...rows.values()].map((r) => r.length), 1);
  const positions = new Map<string, { x: number; y: number }>();
  for (const g of [...rows.keys()].sort((a, b) => a - b)) {
    const row = rows.get(g) ?? [];
    const key = (n: NodeView) => {
      const xs = (infectors.get(n.caseId) ?? []).flatMap((id) => (x.has(id) ? [x.get(id) ?? 0] : []));
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.MAX_SAFE_INTEGER;
    };
    const ordered = [...row].sort((a, b) => key(a) - key(b) || a.reportedAt.localeCompare(b.reportedAt));
    const offset = ((widest - ordered.length) * NODE_GAP) / 2;
    ordered.forEach((n, i) => {
      const px = offset + i * NODE_GAP;
      x.set(n.caseId, px);
      positions.set(n.caseId, { x: px, y: (g - 1) * LAYER_GAP });
    });
  }
  return positions;
}

/** The cluster's graph (cytoscape, loaded with this page only); a click on a case calls onSelect. */
export default function ChainGraph({
  nodes,
  links,
  labels,
  onSelect,
}: {
  nodes: readonly NodeView[];
  links: readonly LinkView[];
  labels: { generation: (g: number) => string };
  onSelect: (caseId: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    if (!container.current) return;
    const positions = layered(nodes, links);
    const elements: ElementDefinition[] = [
      ...nodes.map((n) => ({
        data: {
          id: n.caseId,
          label: `${n.personName}\n${labels.generation(n.generation)}`,
          colour: CLASS_COLOURS[n.classification] ?? '#8c8c8c',
          alert: n.maxGeneration >= 3 ? 1 : 0,
        },
        position: positions.get(n.caseId) ?? { x: 0, y: 0 },
      })),
      ...links.map((l) => ({
        data: { id: l.id, source: l.infectorCaseId, target: l.infecteeCaseId, certainty: l.certainty },
      })),
    ];
    const cy = cytoscape({
      container: container.current,
      elements,
      layout: { name: 'preset', fit: true, padding: 24 },
      minZoom: 0.1,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            'text-wrap': 'wrap',
            'font-size': 10,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            width: 22,
            height: 22,
            'min-zoomed-font-size': 7,
          },
        },
        {
          selector: 'node[alert = 1]',
          style: { 'border-width': 4, 'border-color': '#a8071a', shape: 'diamond' },
        },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#8c8c8c',
            'target-arrow-color': '#8c8c8c',
            'target-arrow-shape': 'triangle',
            'curve-style': 'straight',
          },
        },
        { selector: 'edge[certainty = "probable"]', style: { 'line-style': 'dashed' } },
        {
          selector: 'edge[certainty = "possible"]',
          style: { 'line-style': 'dotted', 'line-color': '#bfbfbf' },
        },
        { selector: 'node:selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#1677ff' } },
      ],
    });
    cy.on('tap', 'node', (event) => select.current(event.target.id()));
    return () => cy.destroy();
  }, [nodes, links, labels]);
  return <div ref={container} data-testid="chain-graph" style={{ width: '100%', height: '100%' }} />;
}
