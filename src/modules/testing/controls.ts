import type { Queryable } from '../../platform/db/types.js';

/** Why a person is under control (TST-1): a member of a positive pool, or positive on their own. */
type ControlReason = 'pool_positive' | 'individual_positive';

/** A person put under control by a positive tube, in their own jurisdiction (who carries it out). */
export interface NewControl {
  personId: string;
  jurisdictionCode: string;
  reason: ControlReason;
  tubeId: string;
  startedAt: Date;
}

/**
 * Puts people under control after a positive tube (TST-1), in one INSERT … SELECT FROM unnest;
 * a person already controlled for that tube is left alone. Returns the ids of the controls opened.
 */
export async function openPersonControls(tx: Queryable, controls: readonly NewControl[]): Promise<string[]> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO person_controls (person_id, jurisdiction_code, reason, tube_id, started_at)
     SELECT p, j, r, t, at FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[])
       AS x(p, j, r, t, at)
     ON CONFLICT (person_id, tube_id) DO NOTHING RETURNING id`,
    [
      controls.map((c) => c.personId),
      controls.map((c) => c.jurisdictionCode),
      controls.map((c) => c.reason),
      controls.map((c) => c.tubeId),
      controls.map((c) => c.startedAt.toISOString()),
    ],
  );
  return inserted.map((row) => row.id);
}

/**
 * TST-1: negative individual tubes clear their people's open pool_positive controls that began
 * before they were sampled, in one statement. Returns the ids of the controls cleared.
 */
export async function clearPoolControlsByNegativeTubes(
  tx: Queryable,
  tubeIds: readonly string[],
  at: Date,
): Promise<string[]> {
  const cleared = await tx.query<{ id: string }>(
    `UPDATE person_controls pc SET cleared_at = $2, cleared_reason = 'negative_individual'
     FROM samples s WHERE s.tube_id = ANY ($1::uuid[]) AND pc.person_id = s.person_id
       AND pc.reason = 'pool_positive' AND pc.cleared_at IS NULL AND pc.started_at <= s.sampled_at
     RETURNING pc.id`,
    [tubeIds, at.toISOString()],
  );
  return cleared.map((row) => row.id);
}
