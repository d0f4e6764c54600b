import { scopeCondition } from '../../platform/access/scope.js';
import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { COMPLETE_OVERDUE, FIRST_OVERDUE } from './list.js';

/**
 * EPI-1 and EPI-6 over the jurisdiction: first investigations (8 h) and complete ones (24 h) still
 * owed and overdue, and reports awaiting review. Each figure counts the rows of the list it drills to.
 */
async function investigations(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, jurisdiction, now } = request;
  const params: unknown[] = [now];
  const where = scopeCondition('i.jurisdiction_code', [jurisdiction], params);
  const [counts] = await tx.query<{
    total: number;
    firstOverdue: number;
    completeOverdue: number;
    awaitingReview: number;
    underWay: number;
  }>(
    `SELECT count(*)::int AS total,
       count(*) FILTER (WHERE ${FIRST_OVERDUE})::int AS "firstOverdue",
       count(*) FILTER (WHERE ${COMPLETE_OVERDUE})::int AS "completeOverdue",
       count(*) FILTER (WHERE i.status = 'submitted')::int AS "awaitingReview",
       count(*) FILTER (WHERE i.status IN ('open', 'first_done', 'returned'))::int AS "underWay"
     FROM investigations i WHERE ${where}`,
    params,
  );
  // A case reported a moment ago whose investigation the sweep has not opened yet is under way too:
  // the list the figure drills to opens it.
  const caseParams: unknown[] = [];
  const [unopened] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c
     WHERE c.status <> 'discarded' AND ${scopeCondition('c.jurisdiction_code', [jurisdiction], caseParams)}
       AND NOT EXISTS (SELECT 1 FROM investigations x WHERE x.case_id = c.id)`,
    caseParams,
  );
  const row = counts && {
    ...counts,
    total: counts.total + (unopened?.n ?? 0),
    underWay: counts.underWay + (unopened?.n ?? 0),
  };
  if (!row || row.total === 0) return null;
  const list = (query: Record<string, string | undefined>) =>
    drill('/investigations', { jurisdiction, ...query });
  return {
    figures: [
      {
        key: 'underWay',
        label: { zh: '调查中', en: 'Under way' },
        value: row.underWay,
        drill: list({ status: 'under_way' }),
      },
      {
        key: 'firstOverdue',
        label: { zh: '首次流调超时（8小时）', en: 'First overdue (8 h)' },
        value: row.firstOverdue,
        drill: list({ overdue: 'first' }),
        tone: row.firstOverdue > 0 ? 'danger' : 'good',
      },
      {
        key: 'completeOverdue',
        label: { zh: '流调报告超时（24小时）', en: 'Complete overdue (24 h)' },
        value: row.completeOverdue,
        drill: list({ overdue: 'complete' }),
        tone: row.completeOverdue > 0 ? 'danger' : 'good',
      },
      {
        key: 'awaitingReview',
        label: { zh: '待审核报告', en: 'Awaiting review' },
        value: row.awaitingReview,
        drill: list({ status: 'submitted' }),
        tone: row.awaitingReview > 0 ? 'warning' : 'normal',
      },
    ],
    note: {
      zh: '接到报告后8小时内完成首次流调（《市委常态化下疫情防控方案》第9条），24小时内完成流调（《福建省冬春季新冠肺炎疫情防控工作方案》第24条）',
      en: 'First investigation within 8 h of the report, complete within 24 h (EPI-1)',
    },
  };
}

/** This module's tiles on the situation dashboard (态势总览). */
export const investigationsTiles: readonly DashboardTile[] = [
  {
    id: 'investigations.deadlines',
    order: 75,
    permission: 'investigation.read',
    title: { zh: '流行病学调查', en: 'Investigations' },
    load: investigations,
  },
];
