import type { LinkView, NodeView } from '../../api/chains.js';
import type { Queryable } from '../../platform/db/types.js';
import {
  accountabilityOf,
  CERTAINTY_RANK,
  type Certainty,
  computeGenerations,
  type Generations,
} from '../../rules/generations.js';

/** A case as the chains read it (cases table, read by SQL: never written here). */
export interface CaseRow {
  caseId: string;
  personName: string;
  jurisdictionCode: string;
  classification: string;
  origin: string;
  status: string;
  onsetAt: string | null;
  reportedAt: string;
  reportingInstitution: string;
  reportingDoctor: string;
}

export interface LinkRow extends LinkView {
  infectorJurisdiction: string;
  infecteeJurisdiction: string;
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * EPI-5: discarded cases drop out of the chains entirely. They are not read as nodes and every link
 * touching one is ignored (not deleted: if the discard is reversed by a new report, the link is
 * seen again), so an infectee of a discarded case falls back to its other infectors, or becomes an
 * index case (generation 1).
 */
const CASES_SQL = `SELECT c.id AS "caseId", coalesce(p.name, '') AS "personName", c.jurisdiction_code AS "jurisdictionCode",
    c.classification, c.origin, c.status, ${iso('c.onset_at')} AS "onsetAt", ${iso('c.reported_at')} AS "reportedAt",
    c.reporting_institution AS "reportingInstitution", c.reporting_doctor AS "reportingDoctor"
  FROM cases c LEFT JOIN persons p ON p.id = c.person_id
  WHERE c.status <> 'discarded'
  ORDER BY c.reported_at, c.id`;

export const LINK_VIEW_SQL = `l.id, l.infector_case_id AS "infectorCaseId", l.infectee_case_id AS "infecteeCaseId",
  coalesce((SELECT p.name FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = l.infector_case_id), '') AS "infectorName",
  coalesce((SELECT p.name FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = l.infectee_case_id), '') AS "infecteeName",
  l.certainty, l.evidence_kind AS "evidenceKind", l.evidence, ${iso('l.exposure_at')} AS "exposureAt",
  l.linked_by_name AS "linkedByName", ${iso('l.linked_at')} AS "linkedAt", ${iso('l.removed_at')} AS "removedAt",
  l.removed_by_name AS "removedByName", l.removal_reason AS "removalReason",
  l.infector_jurisdiction AS "infectorJurisdiction", l.infectee_jurisdiction AS "infecteeJurisdiction"`;

/** The chains graph of everything the caller sees, with both readings of every case's generation. */
export interface ChainGraph {
  cases: CaseRow[];
  links: LinkRow[];
  index: Map<string, number>;
  /** Live links between two visible, not discarded cases, as node indices (parallel to `liveLinks`). */
  liveLinks: LinkRow[];
  from: Int32Array;
  to: Int32Array;
  result: Generations;
  /** Each cluster's nodes, in reporting order (the first is the cluster's root, its id). */
  members: number[][];
}

/** Reads the caller's cases and live links (row-level security limits both) and computes generations. */
export async function loadGraph(tx: Queryable): Promise<ChainGraph> {
  const cases = await tx.query<CaseRow>(CASES_SQL);
  const links = await tx.query<LinkRow>(
    `SELECT ${LINK_VIEW_SQL} FROM chain_links l WHERE l.removed_at IS NULL ORDER BY l.linked_at, l.id`,
  );
  return buildGraph(cases, links);
}

export function buildGraph(cases: CaseRow[], links: LinkRow[]): ChainGraph {
  const index = new Map<string, number>();
  const imported = new Uint8Array(cases.length);
  cases.forEach((c, i) => {
    index.set(c.caseId, i);
    if (c.origin === 'imported') imported[i] = 1;
  });
  // One pass over the links: two look-ups each, links touching a case not read (discarded, out of scope) left out.
  const from = new Int32Array(links.length);
  const to = new Int32Array(links.length);
  const certainty = new Int8Array(links.length);
  const liveLinks: LinkRow[] = [];
  for (const l of links) {
    const a = index.get(l.infectorCaseId);
    const b = index.get(l.infecteeCaseId);
    if (a === undefined || b === undefined) continue;
    from[liveLinks.length] = a;
    to[liveLinks.length] = b;
    certainty[liveLinks.length] = CERTAINTY_RANK[l.certainty as Certainty];
    liveLinks.push(l);
  }
  const n = liveLinks.length;
  const result = computeGenerations({
    nodeCount: cases.length,
    imported,
    from: from.subarray(0, n),
    to: to.subarray(0, n),
    certainty: certainty.subarray(0, n),
  });
  const members: number[][] = Array.from({ length: result.clusterCount }, () => []);
  result.cluster.forEach((k, v) => {
    members[k]?.push(v);
  });
  return {
    cases,
    links,
    index,
    liveLinks,
    from: from.subarray(0, n),
    to: to.subarray(0, n),
    result,
    members,
  };
}

export function nodeView(graph: ChainGraph, v: number): NodeView {
  const row = graph.cases[v] as CaseRow;
  const generation = graph.result.generation[v] ?? 0;
  const maxGeneration = graph.result.maxGeneration[v] ?? 0;
  return { ...row, generation, maxGeneration, accountability: accountabilityOf(maxGeneration) };
}

/** The public view of a link row (without the jurisdictions used for scope). */
export function linkView(row: LinkRow): LinkView {
  const { infectorJurisdiction: _a, infecteeJurisdiction: _b, ...view } = row;
  return view;
}
