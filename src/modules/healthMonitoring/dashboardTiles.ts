import { OPEN } from '../../platform/deadlines/sql.js';
import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { currentSlot, slotWindow } from '../../rules/healthMonitoring.js';
import { READING_SUBJECT } from './readings.js';

/**
 * ISO-4, ISO-5: the abnormal readings whose immediate report is open (and those overdue), and the
 * people under monitoring who have no reading in the current slot, centralised and at home. Each
 * figure counts the rows its drill lists (the deadlines list, or the monitoring board's filter).
 */
async function monitoring(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, jurisdiction: root, now, timeZone } = request;
  const { date, slot } = currentSlot(now, timeZone);
  const opens = slotWindow(date, slot, timeZone).opens;
  const [reports] = await tx.query<{ open: number; overdue: number }>(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE d.due_at < $2)::int AS overdue
     FROM deadlines d WHERE d.subject_type = '${READING_SUBJECT}' AND d.rule_id = 'ISO-4' AND d.jurisdiction_code ^@ $1 AND ${OPEN}`,
    [root, now],
  );
  const [missing] = await tx.query<{ people: number; centralised: number; home: number }>(
    `SELECT count(*)::int AS people,
       count(*) FILTER (WHERE s.kind = 'centralised' AND s.started_at <= $4 AND NOT EXISTS (SELECT 1 FROM monitoring_readings c
         WHERE c.stay_id = s.id AND c.local_date = $2 AND c.slot = $3))::int AS centralised,
       count(*) FILTER (WHERE s.kind = 'home' AND s.started_at <= $4 AND NOT EXISTS (SELECT 1 FROM monitoring_readings c
         WHERE c.stay_id = s.id AND c.local_date = $2 AND c.slot = $3))::int AS home
     FROM isolation_stays s WHERE s.status IN ('in_room', 'home') AND s.jurisdiction_code ^@ $1`,
    [root, date, slot, opens],
  );
  const r = reports ?? { open: 0, overdue: 0 };
  const m = missing ?? { people: 0, centralised: 0, home: 0 };
  if (r.open === 0 && m.people === 0) return null;
  const deadlines = (state?: 'overdue') =>
    drill('/deadlines', { jurisdiction: root, ruleId: 'ISO-4', subjectType: READING_SUBJECT, state });
  const board = (kind: 'centralised' | 'home') =>
    drill('/monitoring', { jurisdiction: root, kind, missing: 'true' });
  const slotZh = slot === 'am' ? '上午' : '下午';
  return {
    figures: [
      {
        key: 'reports',
        label: { zh: '体温或症状异常待报告', en: 'Abnormal readings to report' },
        value: r.open,
        drill: deadlines(),
        tone: r.open > 0 ? 'warning' : 'good',
      },
      {
        key: 'overdue',
        label: { zh: '异常超时未报告', en: 'Overdue reports' },
        value: r.overdue,
        drill: deadlines('overdue'),
        tone: r.overdue > 0 ? 'danger' : 'good',
      },
      {
        key: 'missingCentralised',
        label: {
          zh: `集中隔离本时段（${slotZh}）未测`,
          en: `Centralised: no reading this ${slot === 'am' ? 'morning' : 'afternoon'}`,
        },
        value: m.centralised,
        drill: board('centralised'),
        tone: m.centralised > 0 ? 'warning' : 'good',
      },
      {
        key: 'missingHome',
        label: {
          zh: `居家隔离本时段（${slotZh}）未报`,
          en: `Home: no reading this ${slot === 'am' ? 'morning' : 'afternoon'}`,
        },
        value: m.home,
        drill: board('home'),
        tone: m.home > 0 ? 'warning' : 'good',
      },
    ],
    note: { zh: `在隔离观察中共${m.people}人`, en: `${m.people} people under monitoring` },
  };
}

/** The health-monitoring module's dashboard tiles. */
export const monitoringTiles: readonly DashboardTile[] = [
  {
    id: 'monitoring.readings',
    order: 82,
    permission: 'isolation.read',
    title: { zh: '隔离人员健康监测', en: 'Health monitoring in isolation' },
    load: monitoring,
  },
];
