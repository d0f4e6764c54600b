import { Type } from 'typebox';
import { DateTime, Uuid } from '../../api/common.js';
import { OverrideBody, OverrideView } from '../../api/riskAreas.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { createOverride, endOverride, listOverrides } from './overrides.js';

const tags = ['risk areas'];

/** ARR-9: whole divisions treated as high (or medium) risk, the HQ's live list. */
export function riskAreaOverrideRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/risk-area-overrides',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags,
        summary: 'Whole-division overrides in force at a time (default now), or all of them',
        querystring: Type.Object({ at: Type.Optional(DateTime), all: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Array(OverrideView) },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        listOverrides(ctx, tx, {
          ...(request.query.at ? { at: new Date(request.query.at) } : {}),
          all: request.query.all ?? false,
        }),
      ),
  );

  api.post(
    '/risk-area-overrides',
    {
      config: { permission: 'risk_area.write' },
      schema: {
        tags,
        summary: 'Treat a whole division as high (or medium) risk (ARR-9 全域参照高风险地区管控)',
        description:
          'divisionCode: 310000 or 31 (a municipality), 220200 or 2202 (a prefecture city), a county, town or ' +
          'community. The same division and start again answers 200 with the stored override.',
        body: OverrideBody,
        response: { 200: OverrideView, 201: OverrideView },
      },
    },
    async (request, reply) => {
      const { validFrom, validUntil, ...rest } = request.body;
      const { override, created } = await withScope(ctx.db, actorOf(request), (tx) =>
        createOverride(ctx, tx, actorOf(request), {
          ...rest,
          validFrom: new Date(validFrom),
          validUntil: validUntil ? new Date(validUntil) : null,
        }),
      );
      return reply.status(created ? 201 : 200).send(override);
    },
  );

  api.post(
    '/risk-area-overrides/:id/end',
    {
      config: { permission: 'risk_area.write' },
      schema: {
        tags,
        summary: 'End an override at a time (default now); one ended no later stays as it is',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ validUntil: Type.Optional(DateTime) }, { additionalProperties: false }),
        response: { 200: OverrideView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        endOverride(
          ctx,
          tx,
          actorOf(request),
          request.params.id,
          request.body.validUntil ? new Date(request.body.validUntil) : undefined,
        ),
      ),
  );
}
