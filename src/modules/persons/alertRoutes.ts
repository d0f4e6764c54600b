import { Type } from 'typebox';
import { Paging, SafeText, Uuid } from '../../api/common.js';
import { PrivacyAlert, PrivacyAlertPage } from '../../api/persons.js';
import { withScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';

const tags = ['persons'];
const ALERT_COLUMNS = `id, kind, jurisdiction_code AS "jurisdictionCode", user_id AS "userId", user_name AS "userName",
  hits, window_seconds AS "windowSeconds",
  to_char(raised_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "raisedAt",
  to_char(acknowledged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "acknowledgedAt",
  acknowledged_by AS "acknowledgedBy", note`;

/** Administrators' list of privacy alerts (exact-search and unmask bursts) in their jurisdiction. */
export function privacyAlertRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/persons/privacy-alerts',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary:
          'Users whose exact searches by ID number or phone, or whose unmaskings, went past their limit; newest first',
        querystring: Type.Object({
          state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')])),
          ...Paging.properties,
        }),
        response: { 200: PrivacyAlertPage },
      },
    },
    async (request) => {
      const { state = 'open', page = 1, pageSize = 20 } = request.query;
      const where = state === 'open' ? 'acknowledged_at IS NULL' : 'true';
      return withScope(ctx.db, actorOf(request), async (tx) => {
        const items = await tx.query<PrivacyAlert>(
          `SELECT ${ALERT_COLUMNS} FROM person_privacy_alerts WHERE ${where}
           ORDER BY raised_at DESC, id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        );
        const [count] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM person_privacy_alerts WHERE ${where}`,
        );
        return { items, total: count?.n ?? 0, page, pageSize };
      });
    },
  );

  api.post(
    '/persons/privacy-alerts/:id/acknowledge',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Mark a privacy alert as looked into, with what was found; audited',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ note: SafeText(200, { minLength: 2 }) }, { additionalProperties: false }),
        response: { 200: PrivacyAlert },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        const [alert] = await tx.query<PrivacyAlert>(
          `UPDATE person_privacy_alerts SET acknowledged_at = $2, acknowledged_by = $3, note = $4
           WHERE id = $1 AND acknowledged_at IS NULL RETURNING ${ALERT_COLUMNS}`,
          [
            request.params.id,
            ctx.now(),
            `${actor.displayName} (${actor.username})`,
            request.body.note.trim(),
          ],
        );
        if (!alert) {
          const [known] = await tx.query('SELECT 1 FROM person_privacy_alerts WHERE id = $1', [
            request.params.id,
          ]);
          throw known ? new AppError('alert_reviewed') : notFound();
        }
        await recordAudit(tx, actor, {
          action: 'acknowledge',
          entity: 'privacy_alert',
          entityId: alert.id,
          jurisdictionCode: alert.jurisdictionCode,
          detail: { note: alert.note },
        });
        return alert;
      });
    },
  );
}
