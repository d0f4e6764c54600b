import { Type } from 'typebox';
import { DateTime, Paging, SafeText, Uuid } from '../../api/common.js';
import {
  AnyCode,
  AreaBody,
  AreaLevel,
  AreaPageView,
  ClassificationView,
  RiskAreaView,
} from '../../api/riskAreas.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { classifyOrigin, originCode } from './classify.js';
import { riskAreaImportRoutes } from './importRoutes.js';
import { riskAreaOverrideRoutes } from './overrideRoutes.js';
import { createArea, liftArea, listAreas } from './service.js';

const Optional = Type.Optional;

const tags = ['risk areas'];
const date = (value: string | null | undefined) => (value ? new Date(value) : null);

/** ZON-5, ARR-7, ARR-9: other regions' published risk areas, their history and classification. */
export function riskAreaRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/risk-areas',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags,
        summary: 'Published risk areas in force at a time (default now), or their whole history',
        querystring: Type.Object({
          level: Optional(AreaLevel),
          at: Optional(DateTime),
          history: Optional(Type.Boolean({ description: 'Include lifted and not yet published records' })),
          code: Optional(Type.String({ pattern: '^\\d{2,12}$' })),
          q: Optional(SafeText(50)),
          ...Paging.properties,
        }),
        response: { 200: AreaPageView },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, at, ...filter } = request.query;
      const result = await withScope(ctx.db, actorOf(request), (tx) =>
        listAreas(ctx, tx, { ...filter, ...(at ? { at: new Date(at) } : {}) }, page, pageSize),
      );
      return { ...result, page, pageSize };
    },
  );

  api.post(
    '/risk-areas',
    {
      config: { permission: 'risk_area.write' },
      schema: {
        tags,
        summary: 'Register a published risk area (201); the same publication again answers 200 unchanged',
        description:
          'A later publication for the same area (division code and name) lifts the earlier record at its ' +
          'publication time, so a level change keeps the history. Times carry an offset (ISO 8601).',
        body: AreaBody,
        response: { 200: RiskAreaView, 201: RiskAreaView },
      },
    },
    async (request, reply) => {
      const { publishedAt, liftedAt, ...rest } = request.body;
      const { area, outcome } = await withScope(ctx.db, actorOf(request), (tx) =>
        createArea(ctx, tx, actorOf(request), {
          ...rest,
          publishedAt: new Date(publishedAt),
          liftedAt: date(liftedAt),
        }),
      );
      return reply.status(outcome === 'created' ? 201 : 200).send(area);
    },
  );

  api.post(
    '/risk-areas/:id/lift',
    {
      config: { permission: 'risk_area.write' },
      schema: {
        tags,
        summary: 'Lift a risk area at a time (default now); an area lifted no later stays as it is',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ liftedAt: Optional(DateTime) }, { additionalProperties: false }),
        response: { 200: RiskAreaView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        liftArea(ctx, tx, actorOf(request), request.params.id, date(request.body.liftedAt) ?? undefined),
      ),
  );

  api.get(
    '/risk-areas/classify',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags,
        summary: 'Classify an origin by the risk areas in force at a time (when the person was there)',
        description:
          'originRisk: the highest level among areas containing the origin; originDistrictRisk: the highest of ' +
          'high/medium in its district (ARR-9 高风险地区所在区). Overrides in force raise both.',
        querystring: Type.Object({ code: AnyCode, at: Optional(DateTime) }),
        response: { 200: ClassificationView },
      },
    },
    async (request) => {
      const at = date(request.query.at) ?? ctx.now();
      const result = await withScope(ctx.db, actorOf(request), (tx) =>
        classifyOrigin(tx, request.query.code, at),
      );
      return {
        ...result,
        code: originCode(request.query.code),
        at: at.toISOString(),
        originRisk: result.originRisk ?? null,
        originDistrictRisk: result.originDistrictRisk ?? null,
      };
    },
  );

  riskAreaImportRoutes(api, ctx);
  riskAreaOverrideRoutes(api, ctx);
}
