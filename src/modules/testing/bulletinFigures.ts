import type { Queryable } from '../../platform/db/types.js';

/** Tests done on a day and people under control after a positive, for the daily bulletin (CAS-5). */
interface TestingDayCounts {
  /** Index of the day in the `days` given, from 0. */
  day: number;
  /** Tubes whose result was posted that day (pools and single tubes), from the result counters. */
  tubesResulted: number;
  /** People sampled that day (each once, however many tubes). */
  peopleSampled: number;
  /** People under control after a positive pool or their own positive (TST-1) at the end of the day. */
  underControl: number;
}

/**
 * Counts per day of `days` ([start, end) instants) over the subtree `root`: tubes and samples by the
 * sampling site's jurisdiction, controls by the person's. Samples are found through their tubes
 * (opened up to a day before the sample, as a tube is filled within its table's shift).
 */
export function testingFiguresOfDays(
  tx: Queryable,
  root: string,
  days: ReadonlyArray<{ start: Date; end: Date }>,
): Promise<TestingDayCounts[]> {
  return tx.query<TestingDayCounts>(
    `SELECT (d.i - 1)::int AS day,
       (SELECT coalesce(sum(c.tubes), 0) FROM tube_result_counts c
        WHERE c.jurisdiction_code >= $1 AND c.jurisdiction_code < $2 AND c.slot >= d.s AND c.slot < d.e)::int
         AS "tubesResulted",
       (SELECT count(DISTINCT sa.person_id) FROM tubes t JOIN samples sa ON sa.tube_id = t.id
        WHERE t.jurisdiction_code >= $1 AND t.jurisdiction_code < $2
          AND t.opened_at >= d.s - interval '1 day' AND t.opened_at < d.e
          AND sa.sampled_at >= d.s AND sa.sampled_at < d.e)::int AS "peopleSampled",
       (SELECT count(DISTINCT pc.person_id) FROM person_controls pc
        WHERE pc.jurisdiction_code >= $1 AND pc.jurisdiction_code < $2 AND pc.started_at < d.e
          AND (pc.cleared_at IS NULL OR pc.cleared_at >= d.e))::int AS "underControl"
     FROM unnest($3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS d(s, e, i)`,
    [root, `${root}:`, days.map((d) => d.start.toISOString()), days.map((d) => d.end.toISOString())],
  );
}
