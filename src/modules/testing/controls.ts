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

/** Why a control was lifted when its tube's result was corrected (never by a test of the person). */
const CLEARED_BY_CORRECTION = 'result_corrected';

/**
 * Puts people under control after a positive tube (TST-1), in one INSERT … SELECT FROM unnest,
 * with the tube's barcode copied (the person's community may not see the tube). A person already
 * controlled for that tube is left alone, unless a correction of the tube's result lifted that
 * control: a tube corrected back to positive controls its members again. Returns the ids opened.
 */
export async function openPersonControls(tx: Queryable, controls: readonly NewControl[]): Promise<string[]> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO person_controls AS pc (person_id, jurisdiction_code, reason, tube_id, tube_barcode, started_at)
     SELECT x.p, x.j, x.r, x.t, tb.barcode, x.at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[]) AS x(p, j, r, t, at)
     JOIN tubes tb ON tb.id = x.t
     ON CONFLICT (person_id, tube_id) DO UPDATE SET reason = excluded.reason, started_at = excluded.started_at,
       cleared_at = NULL, cleared_reason = NULL
     WHERE pc.cleared_reason = '${CLEARED_BY_CORRECTION}'
     RETURNING pc.id`,
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

/**
 * Lifts the open controls a tube put on its members, when a correction shows the tube was not
 * positive (TST-1): the control never had a reason. A member may live outside the corrector's
 * scope (put under control by a lab user who sees both counties), so this runs through a
 * security-definer function (migration 0064) limited to this tube, once it no longer reads
 * positive, and only for a caller whose scope holds it. Returns the people whose control was lifted.
 */
export async function liftControlsOfTube(
  tx: Queryable,
  tubeId: string,
  at: Date,
): Promise<Array<{ id: string; personId: string }>> {
  return tx.query<{ id: string; personId: string }>(
    'SELECT id, person_id AS "personId" FROM fangkong_lift_controls_of_tube($1, $2, $3)',
    [tubeId, at.toISOString(), CLEARED_BY_CORRECTION],
  );
}
