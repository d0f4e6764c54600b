import type { Queryable } from '../../platform/db/types.js';
import type { SampleCategory } from '../../rules/turnaround.js';

/** The results the `tubes` table admits (TST-1: a tube's result is that of every sample in it). */
type TubeResult = 'negative' | 'positive' | 'invalid';

/** How full a tube is after a sample went in (TST-1), with its result deadline (TST-2) in UTC. */
export interface TubeFill {
  id: string;
  capacity: number;
  memberCount: number;
  sealed: boolean;
  dueAt: string;
}

/** A tube opened at a sampling table with its first sample in it. */
export interface NewTube {
  barcode: string;
  jurisdictionCode: string;
  siteId: string;
  tableNo: number;
  campaignId: string | null;
  category: SampleCategory;
  capacity: number;
  openedAt: Date;
  /** TST-2: when the result is owed. */
  dueAt: Date;
  openedBy: string;
}

const FILL_RETURNING = `RETURNING id, capacity, member_count AS "memberCount", sealed_at IS NOT NULL AS sealed,
    to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "dueAt"`;

/**
 * Opens a tube holding its first sample (TST-1), sealed at once when it holds one person;
 * undefined when the barcode is taken, by another table a moment ago included (ON CONFLICT).
 */
export async function openTube(tx: Queryable, tube: NewTube): Promise<TubeFill | undefined> {
  const [opened] = await tx.query<TubeFill>(
    `INSERT INTO tubes (barcode, jurisdiction_code, site_id, table_no, campaign_id, category, capacity,
       member_count, opened_at, sealed_at, due_at, opened_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, CASE WHEN $7 = 1 THEN $8::timestamptz END, $9, $10)
     ON CONFLICT (barcode) DO NOTHING ${FILL_RETURNING}`,
    [
      tube.barcode,
      tube.jurisdictionCode,
      tube.siteId,
      tube.tableNo,
      tube.campaignId,
      tube.category,
      tube.capacity,
      tube.openedAt,
      tube.dueAt,
      tube.openedBy,
    ],
  );
  return opened;
}

/**
 * Counts one more sample into an open tube, sealing it when that fills it (TST-1); in one statement
 * so that two tables cannot overfill it. Undefined when the tube is full, sealed or resulted.
 */
export async function addTubeMember(tx: Queryable, tubeId: string, at: Date): Promise<TubeFill | undefined> {
  const [added] = await tx.query<TubeFill>(
    `UPDATE tubes SET member_count = member_count + 1,
       sealed_at = CASE WHEN member_count + 1 >= capacity THEN $2::timestamptz END
     WHERE id = $1 AND sealed_at IS NULL AND result IS NULL AND member_count < capacity ${FILL_RETURNING}`,
    [tubeId, at],
  );
  return added;
}

/** Seals an open, unresulted tube (TST-1: a partial pool leaves the table); false if it was not open. */
export async function sealOpenTube(tx: Queryable, tubeId: string, at: Date): Promise<boolean> {
  const sealed = await tx.query(
    'UPDATE tubes SET sealed_at = $2 WHERE id = $1 AND sealed_at IS NULL AND result IS NULL RETURNING id',
    [tubeId, at],
  );
  return sealed.length > 0;
}

/**
 * Marks tubes received by a lab (TST-2), sealing any still open, in one statement; a tube already
 * received or held by another lab is left alone. One row per tube written: sealed by this receipt?
 */
export async function receiveTubesAtLab(
  tx: Queryable,
  labId: string,
  barcodes: readonly string[],
  at: Date,
): Promise<Array<{ sealedNow: boolean }>> {
  return tx.query<{ sealedNow: boolean }>(
    `UPDATE tubes SET lab_id = $2, received_at = $3, sealed_at = coalesce(sealed_at, $3)
     WHERE barcode = ANY ($1::text[]) AND received_at IS NULL AND (lab_id IS NULL OR lab_id = $2)
     RETURNING sealed_at = $3 AS "sealedNow"`,
    [barcodes, labId, at.toISOString()],
  );
}

/** One tube's result from a lab (TST-3: Ct values as reported). */
export interface TubeResultInput {
  tubeId: string;
  result: TubeResult;
  testedAt: Date;
  reference: string | null;
  ctOrf1ab: number | null;
  ctN: number | null;
}

/** A tube whose result was just written. */
export interface ResultedTube {
  id: string;
  barcode: string;
  result: TubeResult;
  memberCount: number;
  jurisdictionCode: string;
  resultedAt: Date;
}

/**
 * Writes a lab's results (TST-2, TST-3) in one UPDATE … FROM unnest, whatever their number: only
 * tubes still without a result and not held by another lab; a resulted tube is received and sealed
 * (at the earlier of its test time and `now`) by the lab. Returns the tubes written.
 */
export async function writeTubeResults(
  tx: Queryable,
  labId: string,
  results: readonly TubeResultInput[],
  now: Date,
): Promise<ResultedTube[]> {
  const column = <T>(pick: (r: TubeResultInput) => T) => results.map(pick);
  return tx.query<ResultedTube>(
    `UPDATE tubes t SET result = x.r, resulted_at = x.at, result_ref = x.ref, ct_orf1ab = x.c1, ct_n = x.c2,
       lab_id = $7, received_at = coalesce(t.received_at, least(x.at, $8::timestamptz)),
       sealed_at = coalesce(t.sealed_at, least(x.at, $8::timestamptz))
     FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::numeric[], $6::numeric[])
       AS x(id, r, at, ref, c1, c2)
     WHERE t.id = x.id AND t.result IS NULL AND (t.lab_id IS NULL OR t.lab_id = $7)
     RETURNING t.id, t.barcode, t.result, t.member_count AS "memberCount", t.jurisdiction_code AS "jurisdictionCode",
       t.resulted_at AS "resultedAt"`,
    [
      column((r) => r.tubeId),
      column((r) => r.result),
      column((r) => r.testedAt.toISOString()),
      column((r) => r.reference),
      column((r) => r.ctOrf1ab),
      column((r) => r.ctN),
      labId,
      now.toISOString(),
    ],
  );
}

/** A tube whose result a correction changed, with the result it had. */
export interface CorrectedTube extends ResultedTube {
  previousResult: TubeResult;
  labId: string | null;
}

/**
 * Replaces a resulted tube's result by a corrected one (TST-3: a wrong result is corrected, never
 * silently overwritten: the caller records the correction and its reason). The tube keeps its
 * result time. Undefined when the tube has no result yet or already has this one.
 */
export async function correctTubeResult(
  tx: Queryable,
  tubeId: string,
  result: TubeResult,
): Promise<CorrectedTube | undefined> {
  const [row] = await tx.query<CorrectedTube>(
    `UPDATE tubes t SET result = $2 FROM tubes prior
     WHERE t.id = $1 AND prior.id = t.id AND t.result IS NOT NULL AND t.result <> $2
     RETURNING t.id, t.barcode, t.result, prior.result AS "previousResult", t.member_count AS "memberCount",
       t.jurisdiction_code AS "jurisdictionCode", t.resulted_at AS "resultedAt", t.lab_id AS "labId"`,
    [tubeId, result],
  );
  return row;
}
