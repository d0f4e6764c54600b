import { Type } from 'typebox';
import { type AuditEntry, AuditPage, AuditVocabulary } from '../../api/audit.js';
import { JurisdictionCode, Paging, SafeText } from '../../api/common.js';
import { scopeCondition, withScope } from '../../platform/access/scope.js';
import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  auditActionText,
  auditObjectText,
} from '../../platform/audit/actionLabels.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';

const Filter = Type.Object({
  action: Type.Optional(SafeText(40)),
  entity: Type.Optional(SafeText(40)),
  entityId: Type.Optional(SafeText(64)),
  actor: Type.Optional(SafeText(64)),
  jurisdiction: Type.Optional(JurisdictionCode),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
});

type StoredEntry = Omit<AuditEntry, 'actionText' | 'entityText'>;

const labelled = (table: Record<string, { zh: string; en: string }>) =>
  Object.entries(table).map(([code, text]) => ({ code, text }));

export function auditRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/audit/vocabulary',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Every action and object type the log records, with its words, for filters',
        response: { 200: AuditVocabulary },
      },
    },
    async () => ({ actions: labelled(AUDIT_ACTIONS), entities: labelled(AUDIT_OBJECT_TYPES) }),
  );

  api.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The append-only log of writes and unmaskings in your jurisdiction, newest first',
        querystring: Type.Object({ ...Filter.properties, ...Paging.properties }),
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const params: unknown[] = [];
      const where = [scopeCondition('jurisdiction_code', actor.scopes, params)];
      if (filter.jurisdiction) where.push(scopeCondition('jurisdiction_code', [filter.jurisdiction], params));
      const exact: Array<[string, string | undefined]> = [
        ['action', filter.action],
        ['entity', filter.entity],
        ['entity_id', filter.entityId],
      ];
      for (const [column, value] of exact) {
        if (!value) continue;
        params.push(value);
        where.push(`${column} = $${params.length}`);
      }
      if (filter.actor) {
        params.push(`%${filter.actor.replace(/[\\%_]/g, '\\$&')}%`);
        where.push(`actor_name ILIKE $${params.length}`);
      }
      if (filter.from) {
        params.push(filter.from);
        where.push(`at >= $${params.length}`);
      }
      if (filter.to) {
        params.push(filter.to);
        where.push(`at < $${params.length}`);
      }
      const sql = where.join(' AND ');
      // Person snapshots hold the birth date, which is what a masked ID number hides: a reader
      // without the unmask permission gets them without it (DESIGN "Safe by default").
      const hidden = actor.permissions.has('person.unmask') ? '' : " - 'birthDate'";
      return withScope(ctx.db, actor, async (tx) => {
        const rows = await tx.query<StoredEntry>(
          `SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_id AS "actorId",
             actor_name AS "actorName", action, entity, entity_id AS "entityId", jurisdiction_code AS "jurisdictionCode",
             (SELECT j.name FROM jurisdictions j WHERE j.code = audit_log.jurisdiction_code) AS "jurisdictionName",
             before${hidden} AS before, after${hidden} AS after, detail
           FROM audit_log WHERE ${sql} ORDER BY audit_log.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
          params,
        );
        const [count] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE ${sql}`,
          params,
        );
        const items = rows.map((row) => ({
          ...row,
          actionText: auditActionText(row.action, row.detail),
          entityText: auditObjectText(row.entity),
        }));
        return { items, total: count?.n ?? 0, page, pageSize };
      });
    },
  );
}
