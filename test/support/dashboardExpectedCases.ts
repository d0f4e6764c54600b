import type { Database } from '../../src/platform/db/types.js';

/**
 * The case tiles' figures (CAS-1, CAS-2) counted straight from the base tables: today's reports by
 * class (not discarded), cases with a change awaiting review, and the board's four kinds — reports
 * more than 2 hours after finding, reviews past their due, and positive individual results no
 * report covers, past 2 hours (overdue) and past 24 hours (concealed).
 */
export async function expectedCaseFigures(
  db: Database,
  root: string,
  now: Date,
  zone: string,
  today: string,
): Promise<Map<string, number>> {
  const expected = new Map<string, number>();
  const count = async (sql: string, params: unknown[] = []) => {
    const [row] = await db.query<{ n: number }>(sql, [`${root}%`, ...params]);
    return row!.n;
  };
  for (const klass of ['confirmed', 'asymptomatic', 'suspected'])
    expected.set(
      `cases.today.${klass}`,
      await count(
        `SELECT count(*)::int AS n FROM cases WHERE jurisdiction_code LIKE $1 AND classification = $2
           AND status <> 'discarded' AND (reported_at AT TIME ZONE '${zone}')::date::text = $3`,
        [klass, today],
      ),
    );
  expected.set(
    'cases.today.awaitingReview',
    await count(
      `SELECT count(DISTINCT case_id)::int AS n FROM case_changes WHERE jurisdiction_code LIKE $1 AND reviewed_at IS NULL`,
    ),
  );
  expected.set(
    'cases.lateness.late_report',
    await count(
      `SELECT count(*)::int AS n FROM cases WHERE jurisdiction_code LIKE $1 AND reported_at > found_at + interval '2 hours'`,
    ),
  );
  expected.set(
    'cases.lateness.late_review',
    await count(
      `SELECT count(*)::int AS n FROM case_changes WHERE jurisdiction_code LIKE $1
         AND coalesce(reviewed_at, $2) > review_due_at`,
      [now],
    ),
  );
  const unreported = `SELECT count(*)::int AS n FROM tubes t JOIN samples s ON s.tube_id = t.id
    JOIN persons p ON p.id = s.person_id
    WHERE t.result = 'positive' AND t.member_count = 1 AND p.jurisdiction_code LIKE $1
      AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = s.person_id
        AND (c.tube_id = t.id OR c.discarded_at IS NULL OR c.discarded_at > t.resulted_at))`;
  expected.set(
    'cases.lateness.overdue',
    await count(
      `${unreported} AND t.resulted_at < $2::timestamptz - interval '2 hours'
         AND t.resulted_at >= $2::timestamptz - interval '24 hours'`,
      [now],
    ),
  );
  expected.set(
    'cases.lateness.concealed',
    await count(`${unreported} AND t.resulted_at < $2::timestamptz - interval '24 hours'`, [now]),
  );
  return expected;
}
