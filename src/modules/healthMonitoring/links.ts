import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Database, Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { endOfLocalDay } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { stayOf, underMonitoring } from './readings.js';

/** The token's SHA-256: only the hash is kept, so a stolen table opens no one's page. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * ISO-5: a personal self-report link for a home stay (random token, 24 bytes), expiring at the end
 * of the stay's planned last day; a new one revokes the old. Issuing is audited.
 */
export async function issueLink(
  tx: Queryable,
  actor: Actor,
  stayId: string,
  now: Date,
  fallbackZone: string,
): Promise<{ token: string; expiresAt: Date }> {
  const stay = await stayOf(tx, stayId, true);
  if (stay.kind !== 'home') throw invalid([fieldError('stayId', 'stay_not_home')]);
  if (stay.status === 'ended' || stay.status === 'cancelled') throw new AppError('stay_closed');
  if (!underMonitoring(stay)) throw invalid([fieldError('stayId', 'stay_not_monitored')]);
  const timeZone = await effectiveTimeZone(tx, stay.jurisdictionCode, fallbackZone);
  const expiresAt = endOfLocalDay(stay.plannedEndDate, timeZone);
  if (expiresAt.getTime() <= now.getTime()) throw invalid([fieldError('stayId', 'stay_not_monitored')]);
  await tx.query(
    'UPDATE monitoring_links SET revoked_at = $2, revoked_by = $3 WHERE stay_id = $1 AND revoked_at IS NULL',
    [stayId, now, actor.userId],
  );
  const token = randomBytes(24).toString('base64url');
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO monitoring_links (stay_id, jurisdiction_code, token_hash, expires_at, issued_at, issued_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [stayId, stay.jurisdictionCode, tokenHash(token), expiresAt, now, actor.userId],
  );
  await recordAudit(tx, actor, {
    action: 'monitoring.link_issue',
    entity: 'self_report_link',
    entityId: row?.id,
    jurisdictionCode: stay.jurisdictionCode,
    after: { stayId, expiresAt: expiresAt.toISOString() },
  });
  return { token, expiresAt };
}

/** Revokes a home stay's link (audited); returns how many were active. */
export async function revokeLinks(tx: Queryable, actor: Actor, stayId: string, now: Date): Promise<number> {
  const stay = await stayOf(tx, stayId);
  const revoked = await tx.query<{ id: string }>(
    `UPDATE monitoring_links SET revoked_at = $2, revoked_by = $3 WHERE stay_id = $1 AND revoked_at IS NULL RETURNING id`,
    [stayId, now, actor.userId],
  );
  for (const row of revoked)
    await recordAudit(tx, actor, {
      action: 'monitoring.link_revoke',
      entity: 'self_report_link',
      entityId: row.id,
      jurisdictionCode: stay.jurisdictionCode,
      after: { stayId },
    });
  return revoked.length;
}

export interface LinkedStay {
  stayId: string;
  jurisdictionCode: string;
  personName: string;
}

/**
 * The home stay a token opens, read by the owner connection (the public caller has no scope yet);
 * undefined for an unknown, expired or revoked token or a stay no longer at home — one answer.
 */
async function stayOfToken(db: Database, token: string, now: Date): Promise<LinkedStay | undefined> {
  const [row] = await db.query<LinkedStay>(
    `SELECT s.id AS "stayId", s.jurisdiction_code AS "jurisdictionCode", p.name AS "personName"
     FROM monitoring_links l JOIN isolation_stays s ON s.id = l.stay_id JOIN persons p ON p.id = s.person_id
     WHERE l.token_hash = $1 AND l.revoked_at IS NULL AND l.expires_at > $2 AND s.status = 'home'`,
    [tokenHash(token), now],
  );
  return row;
}

/** Same as stayOfToken but 404 when the link opens nothing. */
export async function requireStayOfToken(db: Database, token: string, now: Date): Promise<LinkedStay> {
  const stay = await stayOfToken(db, token, now);
  if (!stay) throw notFound();
  return stay;
}
