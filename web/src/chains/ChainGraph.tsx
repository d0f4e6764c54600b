import cytoscape, { type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { LinkView, NodeView } from './api';

/** Node colours by classification (the cases pages' tag colours), generation 3+ outlined red. */
const CLASS_COLOURS: Record<string, string> = {
  confirmed: '#cf1322',
  asymptomatic: '#d48806',
  suspected: '#1677ff',
};
const BAND_GAP = 90;
const ROW_GAP = 46;
const NODE_GAP = 52;

/**
 * A layered layout by generation (best reading): each generation is a band, and within a band the
 * cases are ordered by the mean position of their infectors (one barycentre pass), so a chain reads
 * top to bottom and siblings sit together. A band wider than the view wraps into rows, so a cluster
 * of hundreds keeps a shape that fits the screen (zoom in to read the names). Computed here (no
 * layout extension), so hundreds of nodes lay out at once.
 */
function layered(nodes: readonly NodeView[], links: readonly LinkView[], width: number) {
  const perRow = Math.max(6, Math.floor(width / NODE_GAP));
  const bands = new Map<number, NodeView[]>();
  for (const n of nodes) {
    const g = Math.max(n.generation, 1);
    bands.set(g, [...(bands.get(g) ?? []), n]);
  }
  // Rows as wide as the widest band (up to the view), so a small cluster sits beside its band labels.
  const cols = Math.min(perRow, Math.max(1, ...[...bands.values()].map((b) => b.length)));
  const x = new Map<string, number>();
  const infectors = new Map<string, string[]>();
  for (const l of links)
    infectors.set(l.infecteeCaseId, [...(infectors.get(l.infecteeCaseId) ?? []), l.infectorCaseId]);
  const positions = new Map<string, { x: number; y: number }>();
  const labels: Array<{ generation: number; count: number; y: number }> = [];
  let top = 0;
  for (const g of [...bands.keys()].sort((a, b) => a - b)) {
    const band = bands.get(g) ?? [];
    const key = (n: NodeView) => {
      const xs = (infectors.get(n.caseId) ?? []).flatMap((id) => (x.has(id) ? [x.get(id) ?? 0] : []));
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.MAX_SAFE_INTEGER;
    };
    const ordered = [...band].sort((a, b) => key(a) - key(b) || a.reportedAt.localeCompare(b.reportedAt));
    const rows = Math.ceil(ordered.length / perRow);
    labels.push({ generation: g, count: ordered.length, y: top });
    ordered.forEach((n, i) => {
      const row = Math.floor(i / perRow);
      const inRow = row < rows - 1 ? perRow : ordered.length - row * perRow;
      const px = ((cols - inRow) * NODE_GAP) / 2 + (i % perRow) * NODE_GAP;
      x.set(n.caseId, px);
      positions.set(n.caseId, { x: px, y: top + row * ROW_GAP });
    });
    top += (rows - 1) * ROW_GAP + BAND_GAP;
  }
  return { positions, labels };
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
  labels: { band: (generation: number, count: number) => string };
  onSelect: (caseId: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    if (!container.current) return;
    const { positions, labels: bands } = layered(nodes, links, container.current.clientWidth - 140);
    const elements: ElementDefinition[] = [
      ...bands.map((b) => ({
        data: { id: `band-${b.generation}`, label: labels.band(b.generation, b.count) },
        classes: 'band',
        position: { x: -90, y: b.y },
        selectable: false,
        grabbable: false,
      })),
      ...nodes.map((n) => ({
        data: {
          id: n.caseId,
          label: n.personName,
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
          selector: 'node.band',
          style: {
            shape: 'round-rectangle',
            'background-color': '#e6f4ff',
            width: 110,
            height: 22,
            'text-valign': 'center',
            'text-margin-y': 0,
            'font-size': 11,
            color: '#0958d9',
            'min-zoomed-font-size': 0,
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
    cy.on('tap', 'node', (event) => {
      if (!event.target.hasClass('band')) select.current(event.target.id());
    });
    return () => cy.destroy();
  }, [nodes, links, labels]);
  return <div ref={container} data-testid="chain-graph" style={{ width: '100%', height: '100%' }} />;
}
