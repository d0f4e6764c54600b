import type { Actor } from '../access/actor.js';
import type { Queryable } from '../db/types.js';
import type { AuditAction, AuditObjectType } from './actionLabels.js';

export interface AuditEntry {
  /** One of the registered actions (./actionLabels.ts), so that every one reads in words. */
  action: AuditAction;
  entity: AuditObjectType;
  entityId?: string | undefined;
  jurisdictionCode: string;
  /** Snapshots must already have personal fields masked: the audit log never holds them in clear. */
  before?: Record<string, unknown> | undefined;
  after?: Record<string, unknown> | undefined;
  detail?: Record<string, unknown> | undefined;
}

/** Appends one entry; call it inside the transaction of the write it records. */
export async function recordAudit(tx: Queryable, actor: Actor | undefined, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, jurisdiction_code, before, after, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      actor?.userId ?? null,
      actor ? `${actor.displayName} (${actor.username})` : 'system',
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      entry.jurisdictionCode,
      entry.before ? JSON.stringify(entry.before) : null,
      entry.after ? JSON.stringify(entry.after) : null,
      entry.detail ? JSON.stringify(entry.detail) : null,
    ],
  );
}
