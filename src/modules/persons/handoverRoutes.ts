import { Type } from 'typebox';
import { Paging, SafeText, Uuid } from '../../api/common.js';
import { Handover, HandoverPage } from '../../api/persons.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { decideHandover } from './handover.js';

const tags = ['persons'];
const HANDOVER_COLUMNS = `h.id, h.person_id AS "personId", p.name AS "personName", p.id_masked AS "idNumberMasked",
  h.owner_code AS "ownerCode", h.requested_code AS "requestedCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = h.requested_code) AS "requestedName",
  h.requested_by_name AS "requestedByName",
  to_char(h.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "requestedAt", h.state,
  h.decided_by_name AS "decidedByName",
  to_char(h.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "decidedAt", h.note`;
const HANDOVER_FROM = 'person_handovers h LEFT JOIN persons p ON p.id = h.person_id';

const readHandover = async (tx: Queryable, id: string) =>
  (await tx.query<Handover>(`SELECT ${HANDOVER_COLUMNS} FROM ${HANDOVER_FROM} WHERE h.id = $1`, [id]))[0];

/** Hand-over requests for persons of the caller's subtree, and the holder's decision on each. */
export function handoverRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/persons/handovers',
    {
      config: { permission: 'person.write' },
      schema: {
        tags,
        summary:
          'Requests to hand a person of your jurisdiction over to another one that registered the same ID number; newest first',
        querystring: Type.Object({
          state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('all')])),
          ...Paging.properties,
        }),
        response: { 200: HandoverPage },
      },
    },
    async (request) => {
      const { state = 'pending', page = 1, pageSize = 20 } = request.query;
      const where = state === 'pending' ? "h.state = 'pending'" : 'true';
      return withScope(ctx.db, actorOf(request), async (tx) => {
        const items = await tx.query<Handover>(
          `SELECT ${HANDOVER_COLUMNS} FROM ${HANDOVER_FROM} WHERE ${where}
           ORDER BY h.requested_at DESC, h.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        );
        const [count] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM person_handovers h WHERE ${where}`,
        );
        return { items, total: count?.n ?? 0, page, pageSize };
      });
    },
  );

  api.post(
    '/persons/handovers/:id/decision',
    {
      config: { permission: 'person.write' },
      schema: {
        tags,
        summary:
          'Accept (the person’s record moves to the requesting jurisdiction) or decline a hand-over request; audited',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('accept'), Type.Literal('decline')]),
            note: SafeText(200, { minLength: 2 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Handover },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { decision, note } = request.body;
      return withScope(ctx.db, actor, async (tx) => {
        const outcome = await decideHandover(
          ctx,
          tx,
          actor,
          request.params.id,
          decision === 'accept',
          note.trim(),
        );
        if (outcome === 'unknown') throw notFound();
        if (outcome === 'closed') throw new AppError('handover_closed');
        const handover = await readHandover(tx, request.params.id);
        if (!handover) throw notFound();
        return handover;
      });
    },
  );
}
