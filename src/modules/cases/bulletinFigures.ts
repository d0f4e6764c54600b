import type { Queryable } from '../../platform/db/types.js';

/**
 * Reads of the cases module for the daily bulletin (CAS-5), from the classification history
 * (case_changes): each report or reclassification starts a span of one class, which lasts until the
 * case's next change (a reclassification or a discard). Figures are read as they stood at the end of
 * each day, so a past day's bulletin prints the same numbers whenever it is printed again.
 */
interface CaseDayCounts {
  /** Index of the day in the `days` given, from 0. */
  day: number;
  origin: 'local' | 'imported';
  classification: 'suspected' | 'confirmed' | 'asymptomatic';
  /** Entered the class that day (a first report or a reclassification), not discarded by its end. */
  new: number;
  /**
   * Of `new`, how many were an asymptomatic infection at the day's start (无症状感染者转为确诊病例):
   * only those reported on earlier days; one reported and confirmed the same day is new once, confirmed.
   */
  fromAsymptomatic: number;
  /** Of `new`, how many came from a suspected case (疑似病例转为确诊病例). */
  fromSuspected: number;
  /** In the class at the end of the day. */
  held: number;
  /** Discarded (排除/订正) that day from this class, having been counted on an earlier day. */
  discarded: number;
}

/**
 * Cases of the subtree without any history row (written before it was kept, or loaded in bulk)
 * count from their report, in the class they hold: the figures never leave a case out.
 */
const WITHOUT_HISTORY = `c.jurisdiction_code >= $1 AND c.jurisdiction_code < $2
  AND NOT EXISTS (SELECT 1 FROM case_changes x WHERE x.case_id = c.id)`;

/** Spans of a class per case, as of the end of the last day given ($3). */
const SPANS = `WITH history AS (
    SELECT ch.case_id, ch.seq, ch.kind, ch.to_classification AS class, ch.changed_at
    FROM case_changes ch
    WHERE ch.jurisdiction_code >= $1 AND ch.jurisdiction_code < $2 AND ch.changed_at < $3
    UNION ALL
    SELECT c.id, 0::bigint, 'report', c.classification, c.reported_at FROM cases c
    WHERE ${WITHOUT_HISTORY} AND c.reported_at < $3
    UNION ALL
    SELECT c.id, 1::bigint, 'discard', c.classification, c.discarded_at FROM cases c
    WHERE ${WITHOUT_HISTORY} AND c.discarded_at < $3
  ), ch AS (
    SELECT h.case_id, c.origin, h.kind, h.class, h.changed_at,
      lead(h.changed_at) OVER w AS next_at, lag(h.class) OVER w AS prior,
      min(h.changed_at) OVER (PARTITION BY h.case_id) AS first_at,
      min(h.changed_at) FILTER (WHERE h.kind = 'discard') OVER (PARTITION BY h.case_id) AS discarded_at
    FROM history h JOIN cases c ON c.id = h.case_id
    WINDOW w AS (PARTITION BY h.case_id ORDER BY h.changed_at, h.seq)
  )`;

/** A span held at the end of day d: the class the case holds then (not discarded). */
const HELD = `s.kind <> 'discard' AND s.changed_at < d.e AND (s.next_at IS NULL OR s.next_at >= d.e)`;

/**
 * CAS-5: a case is new on day d once, in the class it holds at the day's end, when it held another
 * class (or none: not yet reported) at the day's start. A change of severity within the class is not
 * new; a span that ends the same day in a conversion (an asymptomatic infection or a suspected case
 * reported and confirmed that day) is not new in its earlier class. `p` is the span held at the
 * day's start (none for a case reported that day).
 */
const ENTERED = `${HELD} AND (p.case_id IS NULL OR p.kind = 'discard' OR p.class <> s.class)`;

/**
 * Counts per day of `days` ([start, end) instants, oldest first), origin and class, over the subtree
 * `root`. A case discarded before a day ends is not among that day's new cases; one discarded later
 * stays in the day it was new (the bulletin of that day said so) and leaves the held count the day it
 * is discarded, shown as discarded that day.
 */
export async function caseFiguresOfDays(
  tx: Queryable,
  root: string,
  days: ReadonlyArray<{ start: Date; end: Date }>,
): Promise<CaseDayCounts[]> {
  if (days.length === 0) return [];
  const lastEnd = new Date(Math.max(...days.map((d) => d.end.getTime())));
  return tx.query<CaseDayCounts>(
    `${SPANS}
     SELECT (d.i - 1)::int AS day, s.origin, s.class AS classification,
       count(*) FILTER (WHERE ${ENTERED})::int AS new,
       count(*) FILTER (WHERE ${ENTERED} AND p.kind <> 'discard' AND p.class = 'asymptomatic')::int
         AS "fromAsymptomatic",
       count(*) FILTER (WHERE ${ENTERED} AND p.kind <> 'discard' AND p.class = 'suspected')::int AS "fromSuspected",
       count(*) FILTER (WHERE ${HELD})::int AS held,
       count(*) FILTER (WHERE s.kind = 'discard' AND s.changed_at >= d.s AND s.changed_at < d.e
         AND s.first_at < d.s)::int AS discarded
     FROM ch s CROSS JOIN unnest($4::timestamptz[], $5::timestamptz[]) WITH ORDINALITY AS d(s, e, i)
     LEFT JOIN ch p ON p.case_id = s.case_id AND p.changed_at < d.s AND (p.next_at IS NULL OR p.next_at >= d.s)
     GROUP BY 1, 2, 3`,
    [
      root,
      `${root}:`,
      lastEnd.toISOString(),
      days.map((d) => d.start.toISOString()),
      days.map((d) => d.end.toISOString()),
    ],
  );
}

/**
 * The local cases (confirmed or asymptomatic, not discarded) of the subtree $1..$2, each with its
 * county and when it first counted as a local case (CAS-5).
 */
const LOCAL_COUNTED = `SELECT ch.case_id, left(c.jurisdiction_code, 6) AS county, min(ch.changed_at) AS counted_at
       FROM case_changes ch JOIN cases c ON c.id = ch.case_id
       WHERE c.jurisdiction_code >= $1 AND c.jurisdiction_code < $2 AND c.origin = 'local'
         AND c.status <> 'discarded' AND ch.kind <> 'discard'
         AND ch.to_classification IN ('confirmed', 'asymptomatic')
       GROUP BY ch.case_id, c.jurisdiction_code
       UNION ALL
       SELECT c.id, left(c.jurisdiction_code, 6), c.reported_at FROM cases c
       WHERE ${WITHOUT_HISTORY} AND c.origin = 'local' AND c.status <> 'discarded'
         AND c.classification IN ('confirmed', 'asymptomatic')`;

interface LocalOutbreakStart {
  caseId: string;
  /** The county (six-digit code) where the case is managed. */
  countyCode: string;
  /** When the case first counted as a local case (reported confirmed or asymptomatic). */
  countedAt: Date;
}

/**
 * CAS-5: the local cases (confirmed or asymptomatic, not discarded) of the subtree `root` that were
 * the first in their county after `quietDays` days without one: each starts an outbreak whose
 * press conference is owed by the next day. A suspected case is not yet a case; an imported one
 * is not local. A case is counted from the first time it was confirmed or asymptomatic.
 */
export function localOutbreakStarts(
  tx: Queryable,
  root: string,
  quietDays: number,
): Promise<LocalOutbreakStart[]> {
  return tx.query<LocalOutbreakStart>(
    `WITH l AS (${LOCAL_COUNTED}), o AS (
       SELECT *, lag(counted_at) OVER (PARTITION BY county ORDER BY counted_at, case_id) AS prev FROM l
     )
     SELECT case_id AS "caseId", county AS "countyCode", counted_at AS "countedAt" FROM o
     WHERE prev IS NULL OR counted_at - prev > make_interval(days => $3)
     ORDER BY counted_at`,
    [root, `${root}:`, quietDays],
  );
}

/**
 * CAS-5: of the first cases given (each the case that started an outbreak in its county, as the
 * conference rows hold them), those now discarded with no other local case of the county counted
 * within `quietDays` days from it: their outbreak is gone, and the conference it made owed with it.
 */
export async function outbreaksGone(
  tx: Queryable,
  root: string,
  quietDays: number,
  firsts: ReadonlyArray<{ caseId: string; countyCode: string; countedAt: Date | string }>,
): Promise<string[]> {
  if (firsts.length === 0) return [];
  const rows = await tx.query<{ caseId: string }>(
    `WITH l AS (${LOCAL_COUNTED})
     SELECT f.case_id AS "caseId"
     FROM unnest($3::uuid[], $4::text[], $5::timestamptz[]) AS f(case_id, county, counted_at)
     JOIN cases c ON c.id = f.case_id AND c.status = 'discarded'
     WHERE NOT EXISTS (SELECT 1 FROM l WHERE l.county = f.county AND l.case_id <> f.case_id
       AND l.counted_at >= f.counted_at AND l.counted_at - f.counted_at <= make_interval(days => $6))`,
    [
      root,
      `${root}:`,
      firsts.map((f) => f.caseId),
      firsts.map((f) => f.countyCode),
      firsts.map((f) => new Date(f.countedAt).toISOString()),
      quietDays,
    ],
  );
  return rows.map((r) => r.caseId);
}
