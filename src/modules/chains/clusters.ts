import type { CaseChain, ClusterDetail, ClusterSummary, EstimateView } from '../../api/chains.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { ALERT_GENERATION } from '../../rules/generations.js';
import { estimate, incubationPeriods, MIN_PAIRS, serialIntervals } from '../../rules/serialInterval.js';
import { type AlertRow, alertsOf } from './alerts.js';
import {
  type CaseRow,
  type ChainGraph,
  LINK_VIEW_SQL,
  type LinkRow,
  linkView,
  loadGraph,
  nodeView,
} from './graph.js';

function summaryOf(graph: ChainGraph, k: number, alert: AlertRow | undefined): ClusterSummary {
  const members = graph.members[k] ?? [];
  const root = graph.cases[members[0] ?? 0] as CaseRow;
  const generations: number[] = [];
  let maxGeneration = 0;
  let maxPossibleGeneration = 0;
  let secondGeneration = 0;
  let thirdOrLater = 0;
  let lastReportedAt = root.reportedAt;
  for (const v of members) {
    const g = graph.result.generation[v] ?? 0;
    const m = graph.result.maxGeneration[v] ?? 0;
    if (g > 0) generations[g - 1] = (generations[g - 1] ?? 0) + 1;
    maxGeneration = Math.max(maxGeneration, g);
    maxPossibleGeneration = Math.max(maxPossibleGeneration, m);
    if (m === 2) secondGeneration++;
    if (m >= ALERT_GENERATION) thirdOrLater++;
    const reported = graph.cases[v]?.reportedAt ?? '';
    if (reported > lastReportedAt) lastReportedAt = reported;
  }
  const memberSet = new Set(members);
  const links = graph.liveLinks.filter((_, i) => memberSet.has(graph.to[i] ?? -1)).length;
  return {
    clusterId: root.caseId,
    rootName: root.personName,
    jurisdictionCode: root.jurisdictionCode,
    size: members.length,
    links,
    maxGeneration,
    maxPossibleGeneration,
    generations: Array.from(generations, (n) => n ?? 0),
    secondGeneration,
    thirdOrLater,
    firstReportedAt: root.reportedAt,
    lastReportedAt,
    alert: alert
      ? {
          deadlineId: alert.deadlineId,
          state: alert.state,
          dueAt: alert.dueAt,
          doneAt: alert.doneAt,
          outcome: alert.outcome,
        }
      : null,
  };
}

/**
 * The clusters the caller sees (EPI-5): the connected components of the live links with two or
 * more cases (a case with no link is no chain), those with an open alert first, then the largest
 * highest generation, then the newest.
 */
export async function listClusters(
  tx: Queryable,
  filter: { alerts?: boolean | undefined; jurisdiction?: string | undefined },
) {
  const graph = await loadGraph(tx);
  const ks = graph.members.flatMap((m, k) => (m.length >= 2 ? [k] : []));
  const alerts = await alertsOf(
    tx,
    ks.map((k) => graph.cases[graph.members[k]?.[0] ?? 0]?.caseId ?? ''),
  );
  let items = ks.map((k) =>
    summaryOf(graph, k, alerts.get(graph.cases[graph.members[k]?.[0] ?? 0]?.caseId ?? '')),
  );
  if (filter.alerts !== undefined) items = items.filter((c) => (c.alert?.state === 'open') === filter.alerts);
  const { jurisdiction } = filter;
  if (jurisdiction) items = items.filter((c) => c.jurisdictionCode.startsWith(jurisdiction));
  const rank = (c: ClusterSummary) => (c.alert?.state === 'open' ? 0 : 1);
  items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.maxPossibleGeneration - a.maxPossibleGeneration ||
      b.lastReportedAt.localeCompare(a.lastReportedAt),
  );
  return { items, total: items.length };
}

function estimateView(values: number[]): EstimateView {
  const e = estimate(values);
  return { ...e, minPairs: MIN_PAIRS };
}

/** The cluster holding `caseId` (any of its cases): graph, links, credit and estimates. */
export async function readCluster(tx: Queryable, caseId: string): Promise<ClusterDetail> {
  const graph = await loadGraph(tx);
  const v0 = graph.index.get(caseId);
  if (v0 === undefined) throw notFound();
  const k = graph.result.cluster[v0] ?? 0;
  const members = graph.members[k] ?? [];
  const root = graph.cases[members[0] ?? 0] as CaseRow;
  const alerts = await alertsOf(tx, [root.caseId]);
  const memberSet = new Set(members);
  const linkIdx = graph.liveLinks.flatMap((_, i) => (memberSet.has(graph.to[i] ?? -1) ? [i] : []));
  const links = linkIdx.map((i) => graph.liveLinks[i] as LinkRow);
  const ids = members.map((v) => graph.cases[v]?.caseId ?? '');
  const removed = await tx.query<LinkRow>(
    `SELECT ${LINK_VIEW_SQL} FROM chain_links l
     WHERE l.removed_at IS NOT NULL AND (l.infectee_case_id = ANY($1::uuid[]) OR l.infector_case_id = ANY($1::uuid[]))
     ORDER BY l.removed_at DESC LIMIT 200`,
    [ids],
  );
  const infectees = new Map<number, number>();
  for (const i of linkIdx) infectees.set(graph.from[i] ?? -1, (infectees.get(graph.from[i] ?? -1) ?? 0) + 1);
  const nodes = members.map((v) => nodeView(graph, v));
  // EPI-5 "对'第一代'感染病例的发现者，要给予工作肯定": the reporting institution and doctor of each
  // first-generation case of the chain.
  const credits = members
    .filter((v) => graph.result.maxGeneration[v] === 1)
    .map((v) => {
      const c = graph.cases[v] as CaseRow;
      return {
        caseId: c.caseId,
        personName: c.personName,
        reportingInstitution: c.reportingInstitution,
        reportingDoctor: c.reportingDoctor,
        reportedAt: c.reportedAt,
        infectees: infectees.get(v) ?? 0,
      };
    });
  // Estimates use the links of the best reading's certainty or firmer (confirmed and probable);
  // 'possible' links are candidates, not evidence of who infected whom.
  const firm = links.filter((l) => l.certainty !== 'possible');
  const onset = (id: string) => {
    const v = graph.index.get(id);
    const at = v === undefined ? null : graph.cases[v]?.onsetAt;
    return at ? new Date(at) : null;
  };
  const serial = serialIntervals(
    firm.map((l) => ({ infectorOnset: onset(l.infectorCaseId), infecteeOnset: onset(l.infecteeCaseId) })),
  );
  const incubation = incubationPeriods(
    firm.map((l) => ({
      exposureAt: l.exposureAt ? new Date(l.exposureAt) : null,
      onset: onset(l.infecteeCaseId),
    })),
  );
  return {
    summary: summaryOf(graph, k, alerts.get(root.caseId)),
    nodes,
    links: links.map(linkView),
    removedLinks: removed.map(linkView),
    credits,
    serialInterval: estimateView(serial),
    incubation: estimateView(incubation),
  };
}

/** One case's place in the chains: its cluster, generations, links both ways and the candidate infectors. */
export async function readCaseChain(tx: Queryable, caseId: string): Promise<CaseChain> {
  const graph = await loadGraph(tx);
  const v = graph.index.get(caseId);
  if (v === undefined) throw notFound();
  const k = graph.result.cluster[v] ?? 0;
  const root = graph.cases[graph.members[k]?.[0] ?? 0] as CaseRow;
  const candidates = graph.cases
    .filter((c) => c.caseId !== caseId)
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))
    .slice(0, 500)
    .map((c) => ({
      caseId: c.caseId,
      personName: c.personName,
      classification: c.classification,
      onsetAt: c.onsetAt,
      reportedAt: c.reportedAt,
    }));
  return {
    caseId,
    clusterId: root.caseId,
    generation: graph.result.generation[v] ?? 0,
    maxGeneration: graph.result.maxGeneration[v] ?? 0,
    infectors: graph.liveLinks.filter((l) => l.infecteeCaseId === caseId).map(linkView),
    infectees: graph.liveLinks.filter((l) => l.infectorCaseId === caseId).map(linkView),
    candidates,
  };
}
