import type { Database } from '../../src/platform/db/types.js';
import { currentSlot, slotWindow } from '../../src/rules/healthMonitoring.js';

/**
 * The health-monitoring tile's figures (ISO-4 001 §21 "一报告", ISO-5) counted straight from the
 * base tables under `root`: the open immediate reports of abnormal readings and those overdue, and
 * the people under monitoring (in a room or at home, since before the current slot opened) with no
 * reading in it, centralised and at home. None when the tile is hidden (nothing open, nobody monitored).
 */
export async function expectedMonitoringFigures(
  db: Database,
  root: string,
  now: Date,
  zone: string,
): Promise<Map<string, number>> {
  const { date, slot } = currentSlot(now, zone);
  const opens = slotWindow(date, slot, zone).opens;
  const [reports] = await db.query<{ open: number; overdue: number }>(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < $2)::int AS overdue FROM deadlines
     WHERE jurisdiction_code LIKE $1 AND subject_type = 'monitoring_reading' AND rule_id = 'ISO-4'
       AND done_at IS NULL AND cancelled_at IS NULL`,
    [`${root}%`, now],
  );
  const stays = await db.query<{ kind: string; people: number; missing: number }>(
    `SELECT s.kind, count(*)::int AS people,
       count(*) FILTER (WHERE s.started_at <= $4 AND NOT EXISTS (SELECT 1 FROM monitoring_readings m
         WHERE m.stay_id = s.id AND m.local_date = $2 AND m.slot = $3))::int AS missing
     FROM isolation_stays s WHERE s.jurisdiction_code LIKE $1 AND s.status IN ('in_room', 'home') GROUP BY s.kind`,
    [`${root}%`, date, slot, opens],
  );
  const people = stays.reduce((n, s) => n + s.people, 0);
  const expected = new Map<string, number>();
  if ((reports?.open ?? 0) === 0 && people === 0) return expected;
  expected.set('monitoring.readings.reports', reports?.open ?? 0);
  expected.set('monitoring.readings.overdue', reports?.overdue ?? 0);
  expected.set(
    'monitoring.readings.missingCentralised',
    stays.find((s) => s.kind === 'centralised')?.missing ?? 0,
  );
  expected.set('monitoring.readings.missingHome', stays.find((s) => s.kind === 'home')?.missing ?? 0);
  return expected;
}
