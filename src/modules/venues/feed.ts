import type { KeyObject } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FeedReportView, FeedRow } from '../../api/venues.js';
import type { Actor } from '../../platform/access/actor.js';
import { firstScope, scopeCondition, withScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import {
  normalizeHeader,
  type RawRow,
  type RowError,
  readRows,
  type SheetFormat,
} from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { FieldCode } from '../../platform/messages.js';
import { idHash } from '../../platform/pii/seal.js';
import { checkResidentId } from '../../rules/idNumber.js';
import { parseLocalDateTime } from '../../rules/localDateTime.js';
import { normalizePhone } from '../../rules/mask.js';
import { checkInTimeProblem } from '../../rules/venues.js';
import { type CheckInRow, ensureCheckInPartitions, insertCheckInsTx } from './checkIns.js';
import { verifyVenueCode } from './venueCode.js';

/**
 * Bulk check-in feeds (HC-2): a JSON batch from a venue system or a sheet (.csv/.xlsx). Every bad
 * row is reported with its line, field and reason (zh/en) and never its value; the accepted rows
 * are committed together; a row sent again is the same check-in (venue, time, person) and changes
 * nothing. A feed is staff data: identities are sealed into check_in_identities, never into persons.
 */

/** Column headers of a sheet, as people write them (normalizeHeader applied). */
const HEADERS: Record<string, keyof FeedRow> = {
  场所编号: 'venueId',
  场所id: 'venueId',
  venueid: 'venueId',
  场所码: 'venueCode',
  venuecode: 'venueCode',
  登记时间: 'at',
  扫码时间: 'at',
  时间: 'at',
  at: 'at',
  time: 'at',
  姓名: 'name',
  name: 'name',
  证件号码: 'idNumber',
  身份证号: 'idNumber',
  身份证号码: 'idNumber',
  idnumber: 'idNumber',
  手机号: 'phone',
  手机号码: 'phone',
  联系电话: 'phone',
  phone: 'phone',
};
const LABELS: Record<string, string> = {
  venue: '场所',
  venueId: '场所编号',
  venueCode: '场所码',
  at: '登记时间',
  name: '姓名',
  idNumber: '证件号码',
  phone: '手机号',
};
/** A sheet carries a day's or a week's scans of a few venues; beyond this, send several. */
const MAX_SHEET_ROWS = 50_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const rowError = (line: number, field: string, code: FieldCode): RowError => ({
  line,
  field,
  code,
  message: fieldError(field, code).message,
  message_zh: fieldError(LABELS[field] ?? field, code).message_zh,
});

interface Venue {
  id: string;
  jurisdictionCode: string;
  active: boolean;
}

/** The venue's token from a code or the URL a QR code holds. */
const tokenOf = (code: string) => code.trim().replace(/\/+$/, '').split('/').pop() ?? '';

export async function ingestFeed(
  ctx: AppContext,
  actor: Actor,
  publicKey: KeyObject,
  rows: ReadonlyArray<FeedRow & { line: number }>,
  source: { kind: 'api' | 'sheet'; fileName?: string },
): Promise<FeedReportView> {
  const now = ctx.now();
  const errors: RowError[] = [];
  const accepted: CheckInRow[] = [];
  // The venues the rows name, read once, in scope.
  const ids = new Set<string>();
  const resolved = rows.map((row) => {
    const id = row.venueId?.trim()
      ? row.venueId.trim().toLowerCase()
      : row.venueCode?.trim()
        ? verifyVenueCode(tokenOf(row.venueCode), publicKey)
        : undefined;
    if (id && UUID.test(id)) ids.add(id);
    return id;
  });
  const venues = await withScope(ctx.db, actor, (tx) => venuesById(tx, actor, [...ids]));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const rowErrors: RowError[] = [];
    const id = resolved[i];
    const venue = id ? venues.get(id) : undefined;
    if (!row.venueId?.trim() && !row.venueCode?.trim())
      rowErrors.push(rowError(row.line, 'venue', 'required'));
    else if (id === null) rowErrors.push(rowError(row.line, 'venueCode', 'venue_code_invalid'));
    else if (!venue || !venue.active) rowErrors.push(rowError(row.line, 'venue', 'venue_unknown'));
    const at = row.at?.trim() ? parseLocalDateTime(row.at, ctx.config.defaultTimeZone) : undefined;
    if (!row.at?.trim()) rowErrors.push(rowError(row.line, 'at', 'required'));
    else if (!at) rowErrors.push(rowError(row.line, 'at', 'datetime_format'));
    else {
      const problem = checkInTimeProblem(at, now, ctx.config.checkInRetentionDays);
      if (problem) rowErrors.push(rowError(row.line, 'at', problem));
    }
    const name = row.name?.trim() ?? '';
    if (name === '') rowErrors.push(rowError(row.line, 'name', 'required'));
    else if (name.length > 40 || /[<>\p{Cc}]/u.test(name))
      rowErrors.push(rowError(row.line, 'name', 'unsafe_text'));
    const id17 = checkResidentId(row.idNumber ?? '', now.toISOString().slice(0, 10));
    if (!id17.ok) rowErrors.push(rowError(row.line, 'idNumber', id17.problem));
    const phone = row.phone?.trim() ? normalizePhone(row.phone) : null;
    if (phone === undefined) rowErrors.push(rowError(row.line, 'phone', 'phone_format'));
    if (rowErrors.length > 0 || !venue || !at || !id17.ok || phone === undefined) {
      errors.push(...rowErrors);
      return;
    }
    // A check-in is kept to the second: the same person at the same venue and second is one scan.
    const second = new Date(Math.floor(at.getTime() / 1000) * 1000);
    const hash = idHash(ctx.cipher, id17.normalized);
    const key = `${venue.id}|${second.toISOString()}|${hash.toString('hex')}`;
    if (seen.has(key)) return;
    seen.add(key);
    accepted.push({
      venueId: venue.id,
      jurisdictionCode: venue.jurisdictionCode,
      at: second,
      idHash: hash,
      source: 'feed',
      identity: { name, idNumber: id17.normalized, phone },
    });
  });
  const rejectedLines = new Set(errors.map((e) => e.line)).size;
  await ensureCheckInPartitions(ctx, accepted);
  const inserted = await withScope(ctx.db, actor, async (tx) => {
    const n = await insertCheckInsTx(ctx.cipher, tx, accepted);
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'check_in_feed',
      jurisdictionCode: firstScope(actor.scopes),
      detail: {
        source: source.kind,
        fileName: source.fileName ?? null,
        received: rows.length,
        accepted: rows.length - rejectedLines,
        inserted: n,
        rejected: rejectedLines,
      },
    });
    return n;
  });
  return {
    received: rows.length,
    accepted: rows.length - rejectedLines,
    inserted,
    rejected: rejectedLines,
    errors: errors.slice(0, 10_000),
  };
}

async function venuesById(tx: Queryable, actor: Actor, ids: string[]): Promise<Map<string, Venue>> {
  if (ids.length === 0) return new Map();
  const params: unknown[] = [ids];
  const rows = await tx.query<Venue>(
    `SELECT id, jurisdiction_code AS "jurisdictionCode", active FROM venues v
      WHERE id = ANY($1::uuid[]) AND ${scopeCondition('v.jurisdiction_code', actor.scopes, params)}`,
    params,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The rows of a feed sheet, by its header row (first row); a missing column is a file error. */
export async function readFeedSheet(
  ctx: AppContext,
  stream: Readable,
  format: SheetFormat,
): Promise<Array<FeedRow & { line: number }>> {
  const rows = readRows(stream, format, ctx.config.uploads);
  let columns: Array<keyof FeedRow | undefined> | undefined;
  const out: Array<FeedRow & { line: number }> = [];
  for await (const raw of rows as AsyncIterable<RawRow>) {
    if (raw.values.every((v) => v.trim() === '')) continue;
    if (!columns) {
      columns = raw.values.map((h) => HEADERS[normalizeHeader(h)]);
      const has = new Set(columns);
      const missing = (['at', 'name', 'idNumber'] as const).filter((c) => !has.has(c));
      if (!has.has('venueId') && !has.has('venueCode')) missing.unshift('venueId' as never);
      if (missing.length > 0)
        throw new AppError(
          'bad_file',
          missing.map((m) => fieldError(LABELS[m] ?? m, 'header_missing')),
        );
      continue;
    }
    if (out.length >= MAX_SHEET_ROWS)
      throw new AppError('bad_file', [fieldError('file', 'too_many_rows')], { maxRows: MAX_SHEET_ROWS });
    const row: FeedRow & { line: number } = { line: raw.line, at: '', name: '', idNumber: '' };
    columns.forEach((column, i) => {
      if (column) row[column] = raw.values[i] ?? '';
    });
    out.push(row);
  }
  if (!columns) throw new AppError('bad_file', [fieldError('file', 'file_empty')]);
  return out;
}
