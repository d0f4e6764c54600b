import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlines, openDeadline } from '../../platform/deadlines/service.js';
import { ALERT_GENERATION } from '../../rules/generations.js';
import { countyOf } from '../../rules/landing.js';
import type { CaseRow, ChainGraph } from './graph.js';

/** The deadlines' subject type of a cluster's accountability alert (the subject id is the cluster's root case). */
export const CLUSTER_SUBJECT = 'chain_cluster';
export const ACCOUNTABILITY_KIND = 'chain.accountability';

/**
 * Assumption (002 §28 sets no time): the commander starts the accountability investigation within
 * 24 hours of the third generation appearing: the span EPI-1 gives a complete investigation, which
 * "追根溯源" of the third generation is part of.
 */
const ACCOUNTABILITY_HOURS = 24;

export interface AlertRow {
  deadlineId: string;
  subjectId: string;
  state: 'open' | 'done' | 'cancelled';
  dueAt: string;
  doneAt: string | null;
  outcome: string | null;
}

/** The latest accountability alert of each of these root cases (open first, then handled, then cancelled). */
export async function alertsOf(tx: Queryable, caseIds: readonly string[]): Promise<Map<string, AlertRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = await tx.query<AlertRow>(
    `SELECT DISTINCT ON (d.subject_id) d.id AS "deadlineId", d.subject_id AS "subjectId",
       CASE WHEN d.done_at IS NOT NULL THEN 'done' WHEN d.cancelled_at IS NOT NULL THEN 'cancelled' ELSE 'open' END AS state,
       to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dueAt",
       to_char(d.done_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "doneAt", d.outcome
     FROM deadlines d
     WHERE d.subject_type = $1 AND d.kind = $2 AND d.subject_id = ANY($3::uuid[])
     ORDER BY d.subject_id, (d.done_at IS NULL AND d.cancelled_at IS NULL) DESC, (d.done_at IS NOT NULL) DESC, d.opened_at DESC`,
    [CLUSTER_SUBJECT, ACCOUNTABILITY_KIND, caseIds],
  );
  return new Map(rows.map((r) => [r.subjectId, r]));
}

/**
 * EPI-5 "一旦发生'第三代或以上'感染病例……追究责任": recomputes the accountability alerts of the
 * clusters holding `touched` cases (all clusters when `touched` is 'all'), after links changed.
 *
 * - A cluster in which any candidate path reaches generation 3 (the cautious reading) owes one alert,
 *   a deadline for the commander of the county of its first such case, keyed on the cluster's root
 *   (its earliest reported case).
 * - An open alert that is no longer owed is cancelled: a removed link lowered the generation below 3
 *   ('generation_lowered'), or two clusters merged and the alert moved to the merged cluster's root
 *   ('merged'). An alert already handled (done) stays as it is and is not opened again for the
 *   same cluster (nor for a cluster it merged into): the investigation was started.
 */
export async function reconcileAlerts(
  tx: Queryable,
  graph: ChainGraph,
  touched: readonly string[] | 'all',
  now: Date,
): Promise<{ opened: string[]; cancelled: string[] }> {
  const clusterIds =
    touched === 'all'
      ? graph.members.map((_, k) => k)
      : [
          ...new Set(
            touched.flatMap((id) => {
              const v = graph.index.get(id);
              return v === undefined ? [] : [graph.result.cluster[v] ?? -1];
            }),
          ),
        ].filter((k) => k >= 0);
  const memberIds = clusterIds.flatMap((k) =>
    (graph.members[k] ?? []).map((v) => graph.cases[v]?.caseId ?? ''),
  );
  // Alerts on cases outside these clusters' current members (e.g. a root that was discarded) are
  // looked up by the touched ids too, so they are cancelled rather than left open.
  const lookup = touched === 'all' ? memberIds : [...new Set([...memberIds, ...touched])];
  const alerts = await alertsOf(tx, lookup);
  const opened: string[] = [];
  const cancelled: string[] = [];
  const owed = new Set<string>();
  for (const k of clusterIds) {
    const members = graph.members[k] ?? [];
    const root = graph.cases[members[0] ?? -1];
    if (!root) continue;
    let worst = -1;
    for (const v of members) {
      if (
        (graph.result.maxGeneration[v] ?? 0) >= ALERT_GENERATION &&
        (worst < 0 || (graph.result.maxGeneration[v] ?? 0) > (graph.result.maxGeneration[worst] ?? 0))
      )
        worst = v;
    }
    if (worst < 0) continue;
    owed.add(root.caseId);
    const handled = members.some((v) => alerts.get(graph.cases[v]?.caseId ?? '')?.state === 'done');
    if (handled || alerts.get(root.caseId)?.state === 'open') {
      if (alerts.get(root.caseId)?.state === 'open')
        await openAlert(tx, graph, root, members, worst, now, true);
      continue;
    }
    await openAlert(tx, graph, root, members, worst, now, false);
    opened.push(root.caseId);
  }
  for (const [subjectId, alert] of alerts) {
    if (alert.state !== 'open' || owed.has(subjectId)) continue;
    const v = graph.index.get(subjectId);
    const merged = v !== undefined && graph.members[graph.result.cluster[v] ?? -1]?.[0] !== v;
    await cancelDeadlines(
      tx,
      { subjectType: CLUSTER_SUBJECT, subjectId },
      merged ? 'merged' : 'generation_lowered',
      now,
    );
    cancelled.push(subjectId);
  }
  return { opened, cancelled };
}

async function openAlert(
  tx: Queryable,
  graph: ChainGraph,
  root: CaseRow,
  members: readonly number[],
  worst: number,
  now: Date,
  keepDue: boolean,
) {
  const third = graph.cases[worst] as CaseRow;
  const generation = graph.result.maxGeneration[worst] ?? ALERT_GENERATION;
  const best = graph.result.generation[worst] ?? 0;
  const reading =
    best >= ALERT_GENERATION
      ? { zh: '', en: '' }
      : {
          zh: `（按候选传播链；最可能为第${best}代）`,
          en: ` (by a candidate chain; most likely generation ${best})`,
        };
  let dueAt = new Date(now.getTime() + ACCOUNTABILITY_HOURS * 3_600_000);
  if (keepDue) {
    const [open] = await tx.query<{ dueAt: Date }>(
      `SELECT due_at AS "dueAt" FROM deadlines WHERE subject_type = $1 AND subject_id = $2 AND kind = $3
         AND done_at IS NULL AND cancelled_at IS NULL`,
      [CLUSTER_SUBJECT, root.caseId, ACCOUNTABILITY_KIND],
    );
    if (open) dueAt = new Date(open.dueAt);
  }
  await openDeadline(tx, {
    ruleId: 'EPI-5',
    kind: ACCOUNTABILITY_KIND,
    subjectType: CLUSTER_SUBJECT,
    subjectId: root.caseId,
    jurisdictionCode: countyOf(third.jurisdictionCode),
    ownerRole: 'commander',
    openedAt: now,
    dueAt,
    title: {
      zh: `第三代病例出现，启动问责调查：${root.personName}等${members.length}例传播链，${third.personName}为第${generation}代${reading.zh}`.slice(
        0,
        200,
      ),
      en: `A third generation appeared, start the accountability investigation: chain of ${root.personName} (${members.length} cases), ${third.personName} is generation ${generation}${reading.en}`.slice(
        0,
        200,
      ),
    },
  });
}
