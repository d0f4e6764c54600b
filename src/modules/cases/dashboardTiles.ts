import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { endOfLocalDay, localDate, startOfLocalDay } from '../../rules/time.js';
import { caseBoard } from './board.js';

const CLASSES = [
  { key: 'confirmed', label: { zh: '今日新增确诊', en: 'Confirmed today' }, tone: 'danger' as const },
  {
    key: 'asymptomatic',
    label: { zh: '今日新增无症状', en: 'Asymptomatic today' },
    tone: 'warning' as const,
  },
  { key: 'suspected', label: { zh: '今日新增疑似', en: 'Suspected today' }, tone: 'warning' as const },
];

/** CAS-1: cases reported today by class (not discarded), and what awaits the CDC's review (CAS-2). */
async function today(request: DashboardRequest): Promise<TileBody> {
  const { tx, jurisdiction, timeZone, now } = request;
  const day = localDate(now, timeZone);
  const rows = await tx.query<{ classification: string; n: number }>(
    `SELECT classification, count(*)::int AS n FROM cases
     WHERE jurisdiction_code ^@ $1 AND status <> 'discarded' AND reported_at >= $2 AND reported_at < $3
     GROUP BY classification`,
    [jurisdiction, startOfLocalDay(day, timeZone), endOfLocalDay(day, timeZone)],
  );
  const [pending] = await tx.query<{ n: number }>(
    `SELECT count(DISTINCT c.id)::int AS n FROM cases c JOIN case_changes ch ON ch.case_id = c.id
     WHERE c.jurisdiction_code ^@ $1 AND ch.reviewed_at IS NULL`,
    [jurisdiction],
  );
  const count = (key: string) => rows.find((r) => r.classification === key)?.n ?? 0;
  return {
    figures: [
      ...CLASSES.map((c) => ({
        key: c.key,
        label: c.label,
        value: count(c.key),
        drill: drill('/cases', { jurisdiction, classification: c.key, open: 'true', from: day, to: day }),
        tone: count(c.key) > 0 ? c.tone : ('normal' as const),
      })),
      {
        key: 'awaitingReview',
        label: { zh: '待疾控审核', en: 'Awaiting CDC review' },
        value: pending?.n ?? 0,
        drill: drill('/cases/review', { jurisdiction }),
        tone: (pending?.n ?? 0) > 0 ? 'warning' : 'normal',
      },
    ],
  };
}

/** CAS-2: late reports and reviews, and positives unreported past 2 hours (overdue) and 24 hours (concealed). */
async function lateness(request: DashboardRequest): Promise<TileBody> {
  const { tx, actor, jurisdiction, now } = request;
  const { counts } = await caseBoard(tx, actor, { jurisdiction }, now);
  const figure = (key: keyof typeof counts, zh: string, en: string, tone: 'warning' | 'danger') => ({
    key,
    label: { zh, en },
    value: counts[key],
    drill: drill('/cases', { tab: 'board', jurisdiction, kind: key }),
    tone: counts[key] > 0 ? tone : ('normal' as const),
  });
  return {
    figures: [
      figure('concealed', '疑似瞒报漏报', 'Possibly concealed', 'danger'),
      figure('overdue', '超时未报告', 'Unreported past 2 h', 'danger'),
      figure('late_report', '迟报', 'Late reports', 'warning'),
      figure('late_review', '审核超时', 'Late reviews', 'warning'),
    ],
  };
}

/** The cases module's tiles on the situation dashboard. */
export const casesTiles: readonly DashboardTile[] = [
  {
    id: 'cases.today',
    order: 15,
    permission: 'case.read',
    title: { zh: '病例报告', en: 'Case reports' },
    load: today,
  },
  {
    id: 'cases.lateness',
    order: 16,
    permission: 'case.read',
    title: { zh: '迟报、瞒报与审核超时', en: 'Late, concealed and unreviewed reports' },
    load: lateness,
  },
];
