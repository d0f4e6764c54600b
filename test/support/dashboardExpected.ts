import type { Database } from '../../src/platform/db/types.js';
import { deadlineStatus, escalatedInto } from '../../src/rules/deadlines.js';
import { expectedAlertFigures } from './dashboardExpectedAlerts.js';
import { expectedCaseFigures } from './dashboardExpectedCases.js';
import { expectedChainFigures } from './dashboardExpectedChains.js';
import { expectedContactFigures } from './dashboardExpectedContacts.js';
import { expectedDrugSalesFigures } from './dashboardExpectedDrugSales.js';
import { expectedEpiTeamFigures } from './dashboardExpectedEpiTeams.js';
import { expectedHospitalFigures } from './dashboardExpectedHospitals.js';
import { expectedInvestigationFigures } from './dashboardExpectedInvestigations.js';
import { expectedIsolationFigures } from './dashboardExpectedIsolation.js';
import { expectedReleaseFigures } from './dashboardExpectedIsolationRelease.js';
import { expectedIsolationSiteFigures } from './dashboardExpectedIsolationSites.js';
import { expectedStayFigures } from './dashboardExpectedIsolationStays.js';
import { expectedMonitoringFigures } from './dashboardExpectedMonitoring.js';
import { expectedSentinelFigures } from './dashboardExpectedSentinels.js';
import { expectedVenueFigures } from './dashboardExpectedVenues.js';

/**
 * The dashboard's figures counted straight from the base tables (as the database owner, no
 * counters, no row-level security), each its own query, keyed `<tile id>.<figure key>`; heat
 * cells keyed `deadlines.heat.<child>.<column>`. `days` are the trend's local dates in `zone`.
 */
export async function expectedFigures(
  db: Database,
  root: string,
  now: Date,
  zone: string,
  days: readonly string[],
): Promise<Map<string, number>> {
  const expected = new Map<string, number>();
  const today = days[days.length - 1]!;
  const count = async (sql: string, params: unknown[] = []) => {
    const [row] = await db.query<{ n: number }>(sql, [`${root}%`, ...params]);
    return row!.n;
  };
  const localDay = (column: string) => `(${column} AT TIME ZONE '${zone}')::date::text`;

  // Deadlines: every open item of the subtree judged by the rule itself (src/rules/deadlines.ts).
  const open = await db.query<{ code: string; openedAt: Date; dueAt: Date; escalate: number | null }>(
    `SELECT jurisdiction_code AS code, opened_at AS "openedAt", due_at AS "dueAt",
       escalate_after_seconds AS escalate
     FROM deadlines WHERE jurisdiction_code LIKE $1 AND done_at IS NULL AND cancelled_at IS NULL`,
    [`${root}%`],
  );
  const children = await db.query<{ code: string }>('SELECT code FROM jurisdictions WHERE parent_code = $1', [
    root,
  ]);
  const add = (key: string, n = 1) => expected.set(key, (expected.get(key) ?? 0) + n);
  for (const key of ['overdue', 'dueSoon', 'escalated']) expected.set(`deadlines.heat.${key}`, 0);
  for (const child of children)
    for (const key of ['overdue', 'dueSoon', 'escalated'])
      expected.set(`deadlines.heat.${child.code}.${key}`, 0);
  for (const row of open) {
    const item = {
      jurisdictionCode: row.code,
      openedAt: new Date(row.openedAt),
      dueAt: new Date(row.dueAt),
      doneAt: null,
      cancelledAt: null,
      escalateAfterMs: row.escalate === null ? null : row.escalate * 1000,
    };
    const { state } = deadlineStatus(item, now);
    const columns = [
      ...(state === 'overdue' ? ['overdue'] : state === 'due_soon' ? ['dueSoon'] : []),
      ...(escalatedInto(item, root, now) ? ['escalated'] : []),
    ];
    const child = children.find((c) => row.code.startsWith(c.code));
    for (const column of columns) {
      add(`deadlines.heat.${column}`);
      if (child) add(`deadlines.heat.${child.code}.${column}`);
      else if (row.code === root) add(`deadlines.heat.${root}.${column}`);
    }
  }

  // Arrivals by local day of arrival, risk and channel.
  const arrivals = await db.query<{ day: string; risk: string; channel: string }>(
    `SELECT ${localDay('arrived_at')} AS day, coalesce(origin_risk, 'none') AS risk, channel
     FROM arrivals WHERE jurisdiction_code LIKE $1 AND ${localDay('arrived_at')} BETWEEN $2 AND $3`,
    [`${root}%`, days[0], today],
  );
  for (const tile of ['arrivals.byRisk', 'arrivals.byChannel']) {
    expected.set(`${tile}.today`, arrivals.filter((a) => a.day === today).length);
    expected.set(`${tile}.days`, arrivals.length);
  }
  for (const risk of ['high', 'medium', 'low', 'key_concern', 'none'])
    expected.set(
      `arrivals.byRisk.today.${risk}`,
      arrivals.filter((a) => a.day === today && a.risk === risk).length,
    );
  for (const channel of [
    'checkpoint',
    'station',
    'push_list',
    'landing_code',
    'truck',
    'cadre_return',
    'manual',
  ])
    expected.set(
      `arrivals.byChannel.today.${channel}`,
      arrivals.filter((a) => a.day === today && a.channel === channel).length,
    );
  for (const a of arrivals) {
    add(`arrivals.byRisk.trend.${a.risk}.${a.day}`);
    add(`arrivals.byChannel.trend.${a.channel}.${a.day}`);
  }
  expected.set(
    'arrivals.underControl.underControl',
    await count(
      `SELECT count(*)::int AS n FROM arrivals a JOIN arrival_plans p ON p.arrival_id = a.id AND p.status = 'active'
       WHERE a.jurisdiction_code LIKE $1 AND a.status = 'planned' AND jsonb_array_length(p.plan -> 'phases') > 0
         AND ($2::timestamptz AT TIME ZONE (p.plan ->> 'timeZone'))::date <= p.release_date`,
      [now],
    ),
  );

  // Positive tubes by local day of result, pooled (capacity > 1) or single.
  const positives = await db.query<{ day: string; kind: string }>(
    `SELECT ${localDay('resulted_at')} AS day, CASE WHEN capacity > 1 THEN 'pool' ELSE 'single' END AS kind
     FROM tubes WHERE jurisdiction_code LIKE $1 AND result = 'positive'
       AND ${localDay('resulted_at')} BETWEEN $2 AND $3`,
    [`${root}%`, days[0], today],
  );
  for (const kind of ['pool', 'single'])
    expected.set(
      `testing.positives.today.${kind}`,
      positives.filter((p) => p.day === today && p.kind === kind).length,
    );
  for (const p of positives) add(`testing.positives.trend.${p.kind}.${p.day}`);

  // People under control after a positive (TST-1).
  const controlled =
    'SELECT count(*)::int AS n FROM person_controls WHERE jurisdiction_code LIKE $1 AND cleared_at IS NULL';
  expected.set('testing.controls.open', await count(controlled));
  for (const reason of ['pool_positive', 'individual_positive'])
    expected.set(`testing.controls.${reason}`, await count(`${controlled} AND reason = $2`, [reason]));

  // TST-2: results today of the labs located in the subtree; overdue tubes sampled in it.
  const [results] = await db.query<{ resulted: number; onTime: number }>(
    `SELECT count(*)::int AS resulted, (count(*) FILTER (WHERE t.resulted_at <= t.due_at))::int AS "onTime"
     FROM tubes t JOIN labs l ON l.id = t.lab_id
     WHERE l.jurisdiction_code LIKE $1 AND ${localDay('t.resulted_at')} >= $2`,
    [`${root}%`, today],
  );
  expected.set('testing.turnaround.resulted', results!.resulted);
  expected.set('testing.turnaround.late', results!.resulted - results!.onTime);
  if (results!.resulted > 0)
    expected.set(
      'testing.turnaround.onTimeShare',
      Math.round((results!.onTime / results!.resulted) * 1000) / 10,
    );
  expected.set(
    'testing.turnaround.overdue',
    await count(
      `SELECT count(*)::int AS n FROM tubes WHERE jurisdiction_code LIKE $1 AND result IS NULL AND due_at < $2
         AND (lab_id IS NOT NULL OR sealed_at IS NOT NULL)`,
      [now],
    ),
  );

  // ARR-11 daily clear: reports of today, cleared ones, and every one not cleared.
  const reports = 'SELECT count(*)::int AS n FROM landing_reports WHERE jurisdiction_code LIKE $1';
  expected.set(
    'landing.dailyClear.received',
    await count(`${reports} AND ${localDay('submitted_at')} = $2`, [today]),
  );
  expected.set(
    'landing.dailyClear.cleared',
    await count(`${reports} AND ${localDay('submitted_at')} = $2 AND cleared`, [today]),
  );
  expected.set('landing.dailyClear.outstanding', await count(`${reports} AND NOT cleared`));

  // TST-5: missed routine tests pushed and still open, and those past their same-day due time.
  const missed = `SELECT count(*)::int AS n FROM deadlines WHERE jurisdiction_code LIKE $1 AND rule_id = 'TST-5'
    AND done_at IS NULL AND cancelled_at IS NULL`;
  expected.set('routineTesting.missed.open', await count(missed));
  expected.set('routineTesting.missed.overdue', await count(`${missed} AND due_at < $2`, [now]));

  // CAS-5: today's entries into each class of cases not discarded since (a case without history
  // enters its class at its report), the confirmed held now, and the press conferences owed.
  for (const klass of ['confirmed', 'asymptomatic', 'suspected'])
    expected.set(
      `bulletin.today.new.${klass}`,
      await count(
        `SELECT (SELECT count(*) FROM case_changes ch JOIN cases c ON c.id = ch.case_id
           WHERE ch.jurisdiction_code LIKE $1 AND ch.kind <> 'discard' AND ch.to_classification = $2
             AND ch.from_classification IS DISTINCT FROM ch.to_classification
             AND ${localDay('ch.changed_at')} = $3 AND c.status <> 'discarded')::int
         + (SELECT count(*) FROM cases c WHERE c.jurisdiction_code LIKE $1 AND c.classification = $2
             AND ${localDay('c.reported_at')} = $3 AND c.status <> 'discarded'
             AND NOT EXISTS (SELECT 1 FROM case_changes x WHERE x.case_id = c.id))::int AS n`,
        [klass, today],
      ),
    );
  expected.set(
    'bulletin.today.cumulative.confirmed',
    await count(
      `SELECT count(*)::int AS n FROM cases WHERE jurisdiction_code LIKE $1 AND status <> 'discarded'
         AND classification = 'confirmed'`,
    ),
  );
  expected.set(
    'bulletin.today.conferences.owed',
    await count(
      `SELECT count(*)::int AS n FROM deadlines WHERE jurisdiction_code LIKE $1 AND subject_type = 'press_conference'
         AND done_at IS NULL AND cancelled_at IS NULL`,
    ),
  );
  for (const [key, value] of await expectedCaseFigures(db, root, now, zone, today)) expected.set(key, value);
  for (const [key, value] of await expectedHospitalFigures(db, root)) expected.set(key, value);
  for (const [key, value] of await expectedIsolationFigures(db, root, now, today)) expected.set(key, value);
  for (const [key, value] of await expectedIsolationSiteFigures(db, root)) expected.set(key, value);
  for (const [key, value] of await expectedStayFigures(db, root, now, zone)) expected.set(key, value);
  for (const [key, value] of await expectedReleaseFigures(db, root, now, zone)) expected.set(key, value);
  for (const [key, value] of await expectedMonitoringFigures(db, root, now, zone)) expected.set(key, value);
  for (const [key, value] of await expectedAlertFigures(db, root)) expected.set(key, value);
  for (const [key, value] of await expectedDrugSalesFigures(db, root, now, zone, today))
    expected.set(key, value);
  for (const [key, value] of await expectedSentinelFigures(db, root, zone, today)) expected.set(key, value);
  for (const [key, value] of await expectedChainFigures(db, root)) expected.set(key, value);
  for (const [key, value] of await expectedContactFigures(db, root, now)) expected.set(key, value);
  for (const [key, value] of await expectedInvestigationFigures(db, root, now)) expected.set(key, value);
  for (const [key, value] of await expectedVenueFigures(db, root, now)) expected.set(key, value);
  for (const [key, value] of await expectedEpiTeamFigures(db, root)) expected.set(key, value);
  return expected;
}

/**
 * TST-6: the running campaign's totals over `parent` counted from samples, tubes and persons:
 * people registered there, sampled, with a negative or positive result, positive.
 */
export async function expectedCampaign(db: Database, campaignId: string, parent: string) {
  const [row] = await db.query<{ persons: number; sampled: number; resulted: number; positives: number }>(
    `SELECT (SELECT count(*)::int FROM persons WHERE jurisdiction_code LIKE $2) AS persons,
       count(s.id)::int AS sampled,
       (count(s.id) FILTER (WHERE t.result IN ('negative', 'positive')))::int AS resulted,
       (count(s.id) FILTER (WHERE t.result = 'positive'))::int AS positives
     FROM samples s JOIN tubes t ON t.id = s.tube_id
     WHERE s.campaign_id = $1 AND s.home_code LIKE $2`,
    [campaignId, `${parent}%`],
  );
  return row!;
}
