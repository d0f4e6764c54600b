import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import {
  normalizeHeader,
  type RawRow,
  type RowError,
  readRows,
  rowErrorWithLabel,
  type SheetFormat,
} from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, forbidden } from '../../platform/errors.js';
import { noteSignalChange } from '../../platform/signals/changes.js';
import {
  columnZh,
  type FeedDef,
  type ParsedRow,
  parseFeedRow,
  parseSite,
  SITE_COLUMN,
} from '../../rules/sentinels.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';

/** What a batch or an import did: every rejected row with its line (or place in the batch) and reason. */
interface FeedReport {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
}

/** A batch or a sheet is one transaction; beyond this it is split by the sender. */
const MAX_FEED_ROWS = 20_000;

/** Who sends a feed: its reporting roles (holding sentinel.report) and administrators. */
export function requireSender(actor: Actor, feed: FeedDef): void {
  if (!actor.permissions.has('sentinel.report')) throw forbidden();
  if (!actor.roles.some((role) => role === 'admin' || feed.roles.includes(role))) throw forbidden();
}

interface Accepted {
  line: number;
  siteId: string;
  jurisdictionCode: string;
  values: Record<string, unknown>;
}

/**
 * Writes the rows of one feed (MON-1, MON-3, MON-5): each row is checked on its own and refused with
 * its line and reason; the accepted rows are written together in the caller's transaction; a row
 * whose natural key (site + visit number, day or sample number) is stored already replaces it when
 * it differs and changes nothing when it is the same, so re-sending a batch changes nothing.
 */
export async function ingestRows(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  feed: FeedDef,
  rows: ReadonlyArray<{ line: number; raw: Readonly<Record<string, unknown>> }>,
  source: string,
): Promise<FeedReport> {
  requireSender(actor, feed);
  const now = ctx.now();
  const errors: RowError[] = [];
  const rejected = new Set<number>();
  const refuse = (line: number, field: string, code: Parameters<typeof rowErrorWithLabel>[3]) => {
    errors.push(rowErrorWithLabel(line, field, columnZh(feed, field), code));
    rejected.add(line);
  };
  // The sites first: a row's days and times are read in the time zone in force at its site's
  // jurisdiction (MON-1, as every module reads local days), not in the server's default zone.
  const named = rows.map(({ raw }) => parseSite(raw));
  const sites = await resolveSites(
    tx,
    feed,
    named.flatMap((site) => ('code' in site ? [] : [site])),
  );
  const zones = new Map<string, string>();
  const zoneOf = async (site: ParsedRow['site'] | { code: string }): Promise<string> => {
    const ref =
      'code' in site ? undefined : 'id' in site ? sites.byId.get(site.id) : sites.byName.get(site.name);
    if (!ref) return ctx.config.defaultTimeZone;
    let zone = zones.get(ref.jurisdictionCode);
    if (zone === undefined) {
      zone = await effectiveTimeZone(tx, ref.jurisdictionCode, ctx.config.defaultTimeZone);
      zones.set(ref.jurisdictionCode, zone);
    }
    return zone;
  };
  const parsed: Array<{ line: number; row: ParsedRow }> = [];
  for (const [index, { line, raw }] of rows.entries()) {
    // biome-ignore lint/style/noNonNullAssertion: one site reading per row.
    const result = parseFeedRow(feed, raw, await zoneOf(named[index]!), now);
    if ('errors' in result) for (const e of result.errors) refuse(line, e.field, e.code);
    else parsed.push({ line, row: result.row });
  }
  const keyColumn = feed.columns.find((c) => c.column === feed.key);
  const seen = new Set<string>();
  const accepted: Accepted[] = [];
  for (const { line, row } of parsed) {
    const site = 'id' in row.site ? sites.byId.get(row.site.id) : sites.byName.get(row.site.name);
    if (!site) {
      refuse(line, 'id' in row.site ? 'siteId' : SITE_COLUMN.key, 'sentinel_site_unknown');
      continue;
    }
    // The natural keys are text (a visit or sample number) or a local day (YYYY-MM-DD).
    const keyValue = keyColumn ? String(row.values[keyColumn.key]) : '';
    const natural = `${site.id}\u0000${keyValue}`;
    if (seen.has(natural)) {
      refuse(line, keyColumn?.key ?? SITE_COLUMN.key, 'row_duplicate_in_file');
      continue;
    }
    seen.add(natural);
    accepted.push({ line, siteId: site.id, jurisdictionCode: site.jurisdictionCode, values: row.values });
  }
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const sql = upsertSql(feed);
  const changed: string[] = [];
  for (const row of accepted) {
    const params = [
      row.jurisdictionCode,
      row.siteId,
      ...feed.columns.map((c) => row.values[c.key] ?? null),
      actor.userId,
      now,
    ];
    const [written] = await tx.query<{ inserted: boolean }>(sql, params);
    if (!written) counts.unchanged++;
    else {
      if (written.inserted) counts.created++;
      else counts.updated++;
      changed.push(row.jurisdictionCode);
    }
  }
  // MON-4 "evaluated as data arrives": the triggers over these feeds look again where rows changed.
  for (const signal of feed.signals) await noteSignalChange(tx, signal, changed);
  errors.sort((a, b) => a.line - b.line);
  const report: FeedReport = { total: rows.length, ...counts, rejected: rejected.size, errors };
  if (counts.created + counts.updated > 0) {
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'sentinel_report',
      // biome-ignore lint/style/noNonNullAssertion: something was written, so a row was accepted.
      jurisdictionCode: accepted[0]!.jurisdictionCode,
      detail: { feed: feed.id, source: source.slice(0, 200), ...counts, rejected: rejected.size },
    });
  }
  return report;
}

/** INSERT … ON CONFLICT on the natural key; no row comes back when the stored row is the same. */
function upsertSql(feed: FeedDef): string {
  const columns = feed.columns.map((c) => c.column);
  const placeholders = columns.map((_, i) => `$${i + 3}`);
  const n = columns.length;
  const changed = columns.filter((c) => c !== feed.key);
  return `INSERT INTO ${feed.table} (jurisdiction_code, site_id, ${columns.join(', ')}, reported_by, reported_at)
    VALUES ($1, $2, ${placeholders.join(', ')}, $${n + 3}, $${n + 4})
    ON CONFLICT (site_id, ${feed.key}) DO UPDATE SET
      ${changed.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
      jurisdiction_code = EXCLUDED.jurisdiction_code, reported_by = EXCLUDED.reported_by, reported_at = EXCLUDED.reported_at
    WHERE (${changed.map((c) => `${feed.table}.${c}`).join(', ')}) IS DISTINCT FROM (${changed.map((c) => `EXCLUDED.${c}`).join(', ')})
    RETURNING (xmax = 0) AS inserted`;
}

interface SiteRef {
  id: string;
  jurisdictionCode: string;
}

/** The active sites of the feed's kinds in the caller's scope that the rows name; a name used twice is nobody. */
async function resolveSites(tx: Queryable, feed: FeedDef, refs: ReadonlyArray<ParsedRow['site']>) {
  const ids = [...new Set(refs.flatMap((r) => ('id' in r ? [r.id] : [])))];
  const names = [...new Set(refs.flatMap((r) => ('name' in r ? [r.name] : [])))];
  const byId = new Map<string, SiteRef>();
  const byName = new Map<string, SiteRef>();
  if (ids.length + names.length === 0) return { byId, byName };
  const rows = await tx.query<{ id: string; name: string; jurisdiction_code: string }>(
    `SELECT id, name, jurisdiction_code FROM sentinel_sites
     WHERE active AND kind = ANY ($1::text[]) AND (id = ANY ($2::uuid[]) OR name = ANY ($3::text[]))`,
    [feed.siteKinds, ids, names],
  );
  const nameCount = new Map<string, number>();
  for (const row of rows) nameCount.set(row.name, (nameCount.get(row.name) ?? 0) + 1);
  for (const row of rows) {
    const ref = { id: row.id, jurisdictionCode: row.jurisdiction_code };
    if (ids.includes(row.id)) byId.set(row.id, ref);
    if (nameCount.get(row.name) === 1) byName.set(row.name, ref);
  }
  return { byId, byName };
}

/** Reads a sheet (.csv or .xlsx) of a feed into rows keyed as the JSON rows are; its header names the columns. */
export async function readFeedSheet(
  ctx: AppContext,
  feed: FeedDef,
  stream: Readable,
  format: SheetFormat,
): Promise<Array<{ line: number; raw: Record<string, unknown> }>> {
  const rows = readRows(stream, format, ctx.config.uploads);
  const labels = new Map<string, string>([
    [normalizeHeader(SITE_COLUMN.zh), SITE_COLUMN.key],
    [normalizeHeader(SITE_COLUMN.key), SITE_COLUMN.key],
    ...feed.columns.flatMap(
      (c): Array<[string, string]> => [
        [normalizeHeader(c.zh), c.key],
        [normalizeHeader(c.key), c.key],
      ],
    ),
  ]);
  let header: Array<string | undefined> | undefined;
  const out: Array<{ line: number; raw: Record<string, unknown> }> = [];
  for await (const row of rows as AsyncGenerator<RawRow>) {
    if (row.values.every((v) => v.trim() === '')) continue;
    if (!header) {
      header = row.values.map((v) => labels.get(normalizeHeader(v)));
      const missing = [SITE_COLUMN.key, ...feed.columns.filter((c) => c.required).map((c) => c.key)].filter(
        (key) => !header?.includes(key),
      );
      if (missing.length > 0) {
        await rows.return(undefined);
        throw new AppError(
          'bad_file',
          missing.map((key) => fieldError(columnZh(feed, key), 'header_missing')),
        );
      }
      continue;
    }
    if (out.length >= MAX_FEED_ROWS) {
      await rows.return(undefined);
      throw new AppError('bad_file', [fieldError('file', 'too_many_rows')]);
    }
    const raw: Record<string, unknown> = {};
    header.forEach((key, i) => {
      if (key) raw[key] = row.values[i] ?? '';
    });
    out.push({ line: row.line, raw });
  }
  if (!header) throw new AppError('bad_file', [fieldError('file', 'file_empty')]);
  return out;
}
