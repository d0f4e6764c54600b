import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { ensureDayPartitions } from '../../platform/db/partitions.js';
import type { Queryable } from '../../platform/db/types.js';
import type { PiiCipher } from '../../platform/pii/cipher.js';
import { maskIdNumber, maskPhone } from '../../rules/mask.js';

/** A person's check-in as other modules read it (contract 1 of issue 15). */
export interface Visit {
  venueId: string;
  venueName: string;
  venueKind: string;
  jurisdictionCode: string;
  at: Date;
  source: string;
}

/**
 * A person's check-ins (their keyed ID hash) between `from` and `to` inclusive, in the caller's
 * scope (row-level security bounds `tx`), oldest first (EPI-2 timeline, EPI-3 co-exposure).
 */
export async function visitsOf(tx: Queryable, idHash: Buffer, from: Date, to: Date): Promise<Visit[]> {
  const rows = await tx.query<{
    venue_id: string;
    name: string;
    kind: string;
    jurisdiction_code: string;
    checked_in_at: Date;
    source: string;
  }>(
    `SELECT c.venue_id, v.name, v.kind, c.jurisdiction_code, c.checked_in_at, c.source
       FROM check_ins c JOIN venues v ON v.id = c.venue_id
      WHERE c.id_hash = $1 AND c.checked_in_at >= $2 AND c.checked_in_at <= $3
      ORDER BY c.checked_in_at, c.venue_id`,
    [idHash, from, to],
  );
  return rows.map((r) => ({
    venueId: r.venue_id,
    venueName: r.name,
    venueKind: r.kind,
    jurisdictionCode: r.jurisdiction_code,
    at: new Date(r.checked_in_at),
    source: r.source,
  }));
}

/** The identity a visitor gave (decrypted): for staff actions that register a person, never sent whole to a browser. */
export interface CheckInIdentity {
  name: string;
  idNumber: string;
  phone: string | null;
  jurisdictionCode: string;
}

/**
 * The sealed identity behind a keyed ID hash, in the caller's scope (the most recently seen of the
 * venue jurisdictions holding it). Contract 1 names `(tx, idHash)`; decrypting needs the platform's
 * cipher, passed third (ctx.cipher).
 */
export async function checkInIdentity(
  tx: Queryable,
  idHash: Buffer,
  cipher: PiiCipher,
): Promise<CheckInIdentity | undefined> {
  const [row] = await tx.query<{
    name: string;
    id_cipher: Uint8Array;
    phone_cipher: Uint8Array | null;
    jurisdiction_code: string;
  }>(
    `SELECT name, id_cipher, phone_cipher, jurisdiction_code FROM check_in_identities
      WHERE id_hash = $1 ORDER BY first_seen_at DESC, jurisdiction_code LIMIT 1`,
    [idHash],
  );
  if (!row) return undefined;
  return {
    name: row.name,
    idNumber: cipher.decrypt(row.id_cipher),
    phone: row.phone_cipher ? cipher.decrypt(row.phone_cipher) : null,
    jurisdictionCode: row.jurisdiction_code,
  };
}

/** One check-in to store. `identity` (already validated) is sealed into check_in_identities. */
export interface CheckInRow {
  venueId: string;
  /** The venue's jurisdiction (scope, distribution). */
  jurisdictionCode: string;
  at: Date;
  idHash: Buffer;
  source: 'scan' | 'feed' | 'staff';
  identity?: { name: string; idNumber: string; phone: string | null };
}

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** Create the day partitions the rows fall in: DDL on ctx.db (the owner), before any scoped transaction. */
export function ensureCheckInPartitions(ctx: AppContext, rows: readonly { at: Date }[]): Promise<void> {
  return ensureDayPartitions(
    ctx.db,
    'check_ins',
    rows.map((r) => dayOf(r.at)),
  );
}

const CHUNK = 2_000;

/**
 * Insert check-ins inside an open scoped transaction (partitions must exist: ensureCheckInPartitions).
 * A row already stored (same venue, time and person) is skipped, so a re-sent scan or feed changes
 * nothing. Identities are upserted: a staff feed refreshes name and phone, a public scan only adds
 * one not yet seen (a public form is a claim: it never overwrites what is stored). Returns how many
 * check-ins were new.
 */
export async function insertCheckInsTx(
  cipher: PiiCipher,
  tx: Queryable,
  rows: readonly CheckInRow[],
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const result = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO check_ins (venue_id, jurisdiction_code, checked_in_at, id_hash, source)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::bytea[], $5::text[])
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [
        chunk.map((r) => r.venueId),
        chunk.map((r) => r.jurisdictionCode),
        chunk.map((r) => r.at.toISOString()),
        chunk.map((r) => r.idHash),
        chunk.map((r) => r.source),
      ],
    );
    inserted += result[0]?.n ?? 0;
    // One identity per (jurisdiction, person) per statement: the last row's wins.
    const identities = new Map<string, CheckInRow & { identity: NonNullable<CheckInRow['identity']> }>();
    for (const r of chunk)
      if (r.identity)
        identities.set(`${r.jurisdictionCode}:${r.idHash.toString('hex')}`, { ...r, identity: r.identity });
    for (const overwrite of [true, false]) {
      const group = [...identities.values()].filter((r) => (r.source !== 'scan') === overwrite);
      if (group.length === 0) continue;
      await tx.query(
        `INSERT INTO check_in_identities (jurisdiction_code, id_hash, name, id_cipher, id_masked, phone_cipher, phone_masked)
         SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::bytea[], $5::text[], $6::bytea[], $7::text[])
         ON CONFLICT (jurisdiction_code, id_hash) DO ${
           overwrite
             ? `UPDATE SET name = excluded.name,
                  phone_cipher = coalesce(excluded.phone_cipher, check_in_identities.phone_cipher),
                  phone_masked = coalesce(excluded.phone_masked, check_in_identities.phone_masked)`
             : 'NOTHING'
         }`,
        [
          group.map((r) => r.jurisdictionCode),
          group.map((r) => r.idHash),
          group.map((r) => r.identity.name),
          group.map((r) => cipher.encrypt(r.identity.idNumber)),
          group.map((r) => maskIdNumber(r.identity.idNumber)),
          group.map((r) => (r.identity.phone ? cipher.encrypt(r.identity.phone) : null)),
          group.map((r) => (r.identity.phone ? maskPhone(r.identity.phone) : null)),
        ],
      );
    }
  }
  return inserted;
}

/**
 * Store check-ins (the demo, the feeds, tests, benchmarks): partitions first on ctx.db, then the rows
 * through the parent table under the actor's scope in one transaction. Returns how many were new.
 */
export async function insertCheckIns(
  ctx: AppContext,
  actor: Actor,
  rows: readonly CheckInRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  await ensureCheckInPartitions(ctx, rows);
  return withScope(ctx.db, actor, (tx) => insertCheckInsTx(ctx.cipher, tx, rows));
}
