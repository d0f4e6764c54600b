import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { MAX_REPORTED_ERRORS, type RowError } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { idHash, phoneHash } from '../../platform/pii/seal.js';
import { noteSignalChange } from '../../platform/signals/changes.js';
import { maskIdNumber, maskPhone } from '../../rules/mask.js';
import { openFollowUps } from './followUpDeadlines.js';
import type { Outlet } from './outlets.js';
import { type SaleRow, saleError } from './saleInput.js';

export interface IngestReport {
  rows: number;
  inserted: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  /** The id of each sale written or found, by line (the counter shows the one it sent). */
  ids: Map<number, string>;
}

const hex = (bytes: Buffer) => bytes.toString('hex');

/**
 * A sale's row id, derived from its outlet and natural key: a retry is the same sale by id too, and
 * the client that chose the sale id can name the row without asking (a digest key reveals no buyer).
 */
function saleRowId(outletId: string, key: string): string {
  const h = createHash('sha256').update(`${outletId.toLowerCase()}|${key}`).digest('hex');
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The row id of a sale sent with the client's `saleId` (the counter's, a till's). */
export const clientSaleRowId = (outletId: string, saleId: string) => saleRowId(outletId, `c:${saleId}`);

/** Rows per INSERT: one parameter array per column, a few round trips for a big sheet. */
const CHUNK = 5_000;

/**
 * The natural key of a sale within its outlet (MON-2 idempotency): the client's sale id, or for a
 * sheet row without one a keyed digest of time, buyer and classes (it reveals neither). A retry
 * and a re-import find the stored sale and insert nothing.
 */
function saleKey(ctx: AppContext, row: SaleRow): string {
  if (row.saleId) return `c:${row.saleId}`;
  const digest = ctx.cipher.lookupHash(
    'drug_sale',
    `${row.soldAt.toISOString()}|${row.idNumber}|${row.classes.join(',')}`,
  );
  return `d:${digest.toString('hex').slice(0, 40)}`;
}

/**
 * Writes an outlet's checked sales inside the caller's transaction, set-based: per chunk one INSERT
 * that skips keys already stored, then one look-up of those to tell a repeat (unchanged) from a
 * different sale under a used id (refused, `duplicate_id`). The buyer's ID number and phone are
 * stored encrypted with their keyed hashes and masks, and never linked to a person record. The
 * touched days' follow-up deadlines are opened or moved.
 */
export async function ingestSales(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  outlet: Outlet,
  timeZone: string,
  input: readonly SaleRow[],
  source: {
    kind: 'counter' | 'api' | 'file';
    fileName?: string | null;
    rejectedBefore?: readonly RowError[];
  },
): Promise<IngestReport> {
  const errors: RowError[] = [...(source.rejectedBefore ?? [])];
  const ids = new Map<number, string>();
  const keyed = input.map((row) => ({ row, key: saleKey(ctx, row), hash: idHash(ctx.cipher, row.idNumber) }));
  const first = new Map<string, (typeof keyed)[number]>();
  const repeats: Array<(typeof keyed)[number]> = [];
  for (const item of keyed) {
    if (first.has(item.key)) repeats.push(item);
    else first.set(item.key, item);
  }
  let inserted = 0;
  const days = new Set<string>();
  const unique = [...first.values()];
  const now = ctx.now();
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const written = await tx.query<{ key: string; id: string; day: string }>(
      `INSERT INTO drug_sales (id, jurisdiction_code, outlet_id, sale_key, sold_at, sale_day, classes, quantity,
         buyer_name, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked, source,
         recorded_by, recorded_at)
       SELECT r, $1, $2, k, t, (t AT TIME ZONE $3)::date, string_to_array(c, ','), q, n, decode(ic, 'hex'),
         decode(ih, 'hex'), im, decode(pc, 'hex'), decode(ph, 'hex'), pm,
         $4, $5, $6
       FROM unnest($7::text[], $8::timestamptz[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[],
         $14::text[], $15::text[], $16::text[], $17::text[], $18::uuid[]) AS x(k, t, c, q, n, ic, ih, im, pc, ph, pm, r)
       ON CONFLICT (outlet_id, sale_key) DO NOTHING
       RETURNING sale_key AS key, id, to_char(sale_day, 'YYYY-MM-DD') AS day`,
      [
        outlet.jurisdictionCode,
        outlet.id,
        timeZone,
        source.kind,
        actor.userId,
        now.toISOString(),
        chunk.map((i) => i.key),
        chunk.map((i) => i.row.soldAt.toISOString()),
        chunk.map((i) => i.row.classes.join(',')),
        chunk.map((i) => i.row.quantity),
        chunk.map((i) => i.row.buyerName),
        chunk.map((i) => hex(ctx.cipher.encrypt(i.row.idNumber))),
        chunk.map((i) => hex(i.hash)),
        chunk.map((i) => maskIdNumber(i.row.idNumber)),
        chunk.map((i) => (i.row.phone ? hex(ctx.cipher.encrypt(i.row.phone)) : null)),
        chunk.map((i) => (i.row.phone ? hex(phoneHash(ctx.cipher, i.row.phone)) : null)),
        chunk.map((i) => (i.row.phone ? maskPhone(i.row.phone) : null)),
        chunk.map((i) => saleRowId(outlet.id, i.key)),
      ],
    );
    inserted += written.length;
    const fresh = new Map(written.map((w) => [w.key, w]));
    for (const w of written) days.add(w.day);
    const stored = chunk.filter((i) => !fresh.has(i.key));
    for (const i of chunk) {
      const w = fresh.get(i.key);
      if (w) ids.set(i.row.line, w.id);
    }
    repeats.push(...stored.map((i) => ({ ...i, stored: true })));
  }
  const unchanged = await settleRepeats(tx, outlet.id, repeats, ids, errors);
  await openFollowUps(tx, outlet, [...days], now);
  // MON-4 "evaluated as data arrives": the drug-sales triggers look again where sales were written.
  if (inserted > 0) await noteSignalChange(tx, 'drug_sales', [outlet.jurisdictionCode]);
  errors.sort((a, b) => a.line - b.line);
  // A row may be refused for several reasons: rows and rejections are counted by line.
  const linesBefore = new Set((source.rejectedBefore ?? []).map((e) => e.line)).size;
  const rejected = new Set(errors.map((e) => e.line)).size;
  const report = { rows: input.length + linesBefore, inserted, unchanged, rejected };
  if (source.kind !== 'counter')
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'drug_sale',
      entityId: outlet.id,
      jurisdictionCode: outlet.jurisdictionCode,
      detail: { source: source.kind, fileName: source.fileName ?? null, ...report },
    });
  return { ...report, errors: errors.slice(0, MAX_REPORTED_ERRORS), ids };
}

/**
 * Sorts the rows whose key was already stored (or repeated in the same input): the same buyer and
 * classes again is unchanged; anything else under a used sale id is refused, never overwritten.
 */
async function settleRepeats(
  tx: Queryable,
  outletId: string,
  repeats: ReadonlyArray<{ row: SaleRow; key: string; hash: Buffer }>,
  ids: Map<number, string>,
  errors: RowError[],
): Promise<number> {
  if (repeats.length === 0) return 0;
  const found = await tx.query<{ key: string; id: string; hash: Uint8Array; classes: string[] }>(
    `SELECT sale_key AS key, id, id_hash AS hash, classes FROM drug_sales
     WHERE outlet_id = $1 AND sale_key = ANY($2::text[])`,
    [outletId, [...new Set(repeats.map((r) => r.key))]],
  );
  const byKey = new Map(found.map((f) => [f.key, f]));
  let unchanged = 0;
  for (const { row, key, hash } of repeats) {
    const stored = byKey.get(key);
    const same =
      stored && Buffer.from(stored.hash).equals(hash) && stored.classes.join(',') === row.classes.join(',');
    if (stored && same) {
      unchanged++;
      ids.set(row.line, stored.id);
    } else errors.push(saleError(row.line, 'saleId', 'duplicate_id'));
  }
  return unchanged;
}
