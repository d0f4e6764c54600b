import { Type } from 'typebox';
import {
  ArrivalBody,
  ArrivalDetailView,
  ArrivalPageView,
  ArrivalStatus,
  LookbackView,
  ORIGIN_RISKS,
  ReclassifyBody,
} from '../../api/arrivals.js';
import { IsoDate, JurisdictionCode, Paging, SafeText, Uuid } from '../../api/common.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { arrivalsFromArea, LookbackQuery } from './lookback.js';
import { reclassifyArrival } from './reclassify.js';
import { registerArrival } from './register.js';
import { reviewRoutes } from './reviewRoutes.js';
import { getArrival, listArrivals, recordPlanEvent } from './service.js';

const DateTime = Type.String({ format: 'date-time', maxLength: 40 });

const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);
const tags = ['arrivals'];
const IdParams = Type.Object({ id: Uuid });

export function arrivalRoutes(api: TypedApp, ctx: AppContext) {
  reviewRoutes(api, ctx);
  api.get(
    '/arrivals',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'Arrivals in your jurisdiction, newest first, with their active plan',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          channel: Type.Optional(SafeText(20)),
          // Item 21: the statuses as shown (an old "planned" is refused, not silently empty).
          status: Type.Optional(ArrivalStatus),
          ruleId: Type.Optional(SafeText(10)),
          // The origin's risk level as read at registration; `none` is an origin of no level (overseas).
          risk: Type.Optional(Type.Enum([...ORIGIN_RISKS, 'none'])),
          // Local calendar days of the jurisdiction, both ends included.
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          ...Paging.properties,
        }),
        response: { 200: ArrivalPageView },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = await withScope(ctx.db, actorOf(request), (tx) =>
        listArrivals(tx, actorOf(request), filter, page, pageSize, ctx.now(), ctx.config.defaultTimeZone),
      );
      return { ...result, page, pageSize };
    },
  );

  api.post(
    '/arrivals',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary: 'Register an arrival by hand; the governing pack plans it (ARR-1 … ARR-10)',
        body: ArrivalBody,
        response: { 201: ArrivalDetailView },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const actor = actorOf(request);
      const detail = await withScope(ctx.db, actor, async (tx) => {
        const registered = await registerArrival(ctx, tx, actor, {
          ...body,
          channel: 'manual',
          arrivedAt: new Date(body.arrivedAt),
          leftOriginAt: toDate(body.leftOriginAt),
          enteredAt: toDate(body.enteredAt),
          negativeNatAt: toDate(body.negativeNatAt),
        });
        return getArrival(tx, actor, registered.arrivalId, ctx.now());
      });
      return reply.status(201).send(detail);
    },
  );

  api.get(
    '/arrivals/lookback',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'ARR-7: people who arrived from an area in the 14 days before it was published',
        querystring: LookbackQuery,
        response: { 200: LookbackView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        arrivalsFromArea(tx, actorOf(request), request.query, ctx.now()),
      ),
  );

  api.get(
    '/arrivals/:id',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'One arrival with its plans and recorded events',
        params: IdParams,
        response: { 200: ArrivalDetailView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        getArrival(tx, actorOf(request), request.params.id, ctx.now()),
      ),
  );

  api.post(
    '/arrivals/:id/events',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Record a plan test result (item "test:nat:d7"), the NAT that makes up a shortfall ("test:nat:shortfall", ARR-8) or the end of a phase ("phase:0:end"); closes its deadline (ISO-6)',
        params: IdParams,
        body: Type.Object(
          {
            item: Type.String({
              pattern: '^(test:(nat|antigen|serum):d\\d{1,3}|test:nat:shortfall|phase:\\d{1,2}:end)$',
              maxLength: 30,
            }),
            result: Type.Union([Type.Literal('negative'), Type.Literal('positive'), Type.Literal('done')]),
            at: Type.Optional(DateTime),
          },
          { additionalProperties: false },
        ),
        response: { 200: ArrivalDetailView },
      },
    },
    (request) => {
      const { item, result, at } = request.body;
      return withScope(ctx.db, actorOf(request), (tx) =>
        recordPlanEvent(
          tx,
          actorOf(request),
          request.params.id,
          { item, result, at: at ? new Date(at) : ctx.now() },
          ctx.now(),
        ),
      );
    },
  );
  api.post(
    '/arrivals/:id/reclassify',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'ARR-7: set the origin risk as now known (e.g. an area published after the person left it) and plan again',
        params: IdParams,
        body: ReclassifyBody,
        response: { 200: ArrivalDetailView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        reclassifyArrival(ctx, tx, actorOf(request), request.params.id, request.body),
      ),
  );
}
