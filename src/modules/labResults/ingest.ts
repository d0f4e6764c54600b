import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { MAX_REPORTED_ERRORS } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { writeTubeResults } from '../testing/index.js';
import type { LabResult, ResultRow, RowError } from './input.js';
import { rowError } from './input.js';
import type { LabRef } from './lab.js';
import { type AppliedTube, type PropagationNote, propagate } from './propagate.js';

/** Rows per statement: big enough that 100,000 tubes take ten round trips, small enough for one parameter array. */
const CHUNK = 10_000;
export interface IngestReport {
  batchId: string;
  rows: number;
  applied: number;
  unchanged: number;
  rejected: number;
  positives: number;
  controlsOpened: number;
  controlsCleared: number;
  errors: RowError[];
  notes: PropagationNote[];
}

interface Found {
  i: number;
  id: string;
  labId: string | null;
  result: LabResult | null;
  /** When the tube's last sample was taken (its opening time for a tube without samples). */
  sampledAt: Date | string;
}

/**
 * Applies a lab's results by tube barcode inside the caller's transaction, set-based: per chunk one
 * lookup and one UPDATE, whatever the number of rows; per-person work only for positives, the
 * negative individual tubes that clear a control and samples linked to an arrival plan (TST-1 …
 * TST-3). The same result again is unchanged; a different one for a resulted tube is refused
 * (`result_conflict`) and never overwritten. A result for a tube this lab has not received marks it
 * received: a lab holding a result evidently holds the tube. A tube received by another lab is refused.
 */
export async function ingestResults(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  lab: LabRef,
  input: readonly ResultRow[],
  source: { kind: 'api' | 'file'; fileName?: string | null; rejectedBefore?: readonly RowError[] },
): Promise<IngestReport> {
  const errors: RowError[] = [...(source.rejectedBefore ?? [])];
  let unchanged = 0;
  // The first row of a barcode counts; a repeat is unchanged when it agrees, a conflict when not.
  const first = new Map<string, ResultRow>();
  const rows: ResultRow[] = [];
  for (const row of input) {
    const earlier = first.get(row.barcode);
    if (!earlier) {
      first.set(row.barcode, row);
      rows.push(row);
    } else if (earlier.result === row.result) unchanged++;
    else errors.push(rowError(row.line, 'result', 'result_conflict', row.barcode));
  }
  const report = { applied: 0, positives: 0, controlsOpened: 0, controlsCleared: 0 };
  const notes: PropagationNote[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const outcome = await applyChunk(tx, lab, chunk, ctx.now());
    errors.push(...outcome.errors);
    unchanged += outcome.unchanged;
    report.applied += outcome.applied.length;
    const effects = await propagate(tx, actor, lab, outcome.applied, ctx.now());
    report.positives += effects.positives;
    report.controlsOpened += effects.controlsOpened;
    report.controlsCleared += effects.controlsCleared;
    notes.push(...effects.notes);
  }
  errors.sort((a, b) => a.line - b.line);
  const rejected = errors.length;
  const total = input.length + (source.rejectedBefore?.length ?? 0);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO lab_result_batches (jurisdiction_code, lab_id, source, file_name, rows, applied, unchanged,
       rejected, positives, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      lab.jurisdictionCode,
      lab.id,
      source.kind,
      source.fileName ?? null,
      total,
      report.applied,
      unchanged,
      rejected,
      report.positives,
      actor.userId,
      ctx.now().toISOString(),
    ],
  );
  const batch = firstRow(inserted, 'INSERT INTO lab_result_batches');
  const counts = { rows: total, ...report, unchanged, rejected };
  await recordAudit(tx, actor, {
    action: 'lab_results_posted',
    entity: 'lab',
    entityId: lab.id,
    jurisdictionCode: lab.jurisdictionCode,
    detail: { batchId: batch.id, source: source.kind, fileName: source.fileName ?? null, ...counts },
  });
  return { batchId: batch.id, ...counts, errors: errors.slice(0, MAX_REPORTED_ERRORS), notes };
}

async function applyChunk(tx: Queryable, lab: LabRef, rows: readonly ResultRow[], now: Date) {
  const errors: RowError[] = [];
  let unchanged = 0;
  const found = await lookup(tx, rows);
  const pending: Array<{ row: ResultRow; id: string }> = [];
  rows.forEach((row, i) => {
    const tube = found.get(i);
    const problem = classify(tube, lab, row);
    if (problem === 'unchanged') unchanged++;
    else if (problem) errors.push(problemError(row, problem));
    // No problem means a known tube (classify reports an unknown barcode).
    else if (tube) pending.push({ row, id: tube.id });
  });
  const applied: AppliedTube[] = await writeTubeResults(
    tx,
    lab.id,
    pending.map(({ row, id }) => ({
      tubeId: id,
      result: row.result,
      testedAt: row.testedAt ?? now,
      reference: row.reference,
      ctOrf1ab: row.ctOrf1ab,
      ctN: row.ctN,
    })),
    now,
  );
  if (applied.length < pending.length) {
    // Someone else resulted or received a tube between the lookup and the update: classify it again.
    const done = new Set(applied.map((tube) => tube.id));
    const raced = pending.filter((p) => !done.has(p.id)).map((p) => p.row);
    const again = await lookup(tx, raced);
    raced.forEach((row, i) => {
      const problem = classify(again.get(i), lab, row) ?? 'result_conflict';
      if (problem === 'unchanged') unchanged++;
      else errors.push(problemError(row, problem));
    });
  }
  return {
    errors,
    unchanged,
    applied: applied.map((tube) => ({ ...tube, resultedAt: new Date(tube.resultedAt) })),
  };
}

async function lookup(tx: Queryable, rows: readonly ResultRow[]): Promise<Map<number, Found>> {
  const found = await tx.query<Found>(
    `SELECT x.i::int - 1 AS i, t.id, t.lab_id AS "labId", t.result,
       coalesce((SELECT max(s.sampled_at) FROM samples s WHERE s.tube_id = t.id), t.opened_at) AS "sampledAt"
     FROM unnest($1::text[]) WITH ORDINALITY AS x(b, i) JOIN tubes t ON t.barcode = x.b COLLATE "C"`,
    [rows.map((row) => row.barcode)],
  );
  return new Map(found.map((tube) => [tube.i, tube]));
}

type Problem =
  | 'barcode_unknown'
  | 'tube_other_lab'
  | 'result_conflict'
  | 'before_sampling'
  | 'unchanged'
  | undefined;

const PROBLEM_FIELD: Record<Exclude<Problem, 'unchanged' | undefined>, string> = {
  barcode_unknown: 'barcode',
  tube_other_lab: 'barcode',
  result_conflict: 'result',
  before_sampling: 'testedAt',
};

const problemError = (row: ResultRow, problem: Exclude<Problem, 'unchanged' | undefined>) =>
  rowError(row.line, PROBLEM_FIELD[problem], problem, row.barcode);

function classify(tube: Found | undefined, lab: LabRef, row: ResultRow): Problem {
  if (!tube) return 'barcode_unknown';
  if (tube.labId && tube.labId !== lab.id) return 'tube_other_lab';
  if (tube.result === null)
    // A tube is tested after its last sample went in: an earlier test time is a wrong row (TST-2).
    return row.testedAt && row.testedAt.getTime() < new Date(tube.sampledAt).getTime()
      ? 'before_sampling'
      : undefined;
  return tube.result === row.result ? 'unchanged' : 'result_conflict';
}
