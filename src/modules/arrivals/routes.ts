import { Type } from 'typebox';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { IsoDate, JurisdictionCode, Page, Paging, SafeText, Uuid } from '../../api/common.js';
import { ID_TYPES } from '../../rules/idNumber.js';
import { arrivalsFromArea, LookbackQuery } from './lookback.js';
import { reclassifyArrival } from './reclassify.js';
import { registerArrival } from './register.js';
import { getArrival, listArrivals, recordPlanEvent } from './service.js';
import { ArrivalDetail, ArrivalSummary } from './view.js';

const DateTime = Type.String({ format: 'date-time', maxLength: 40 });
const Optional = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

export const ArrivalBody = Type.Object(
  {
    person: Type.Union([
      Type.Object({ personId: Uuid }, { additionalProperties: false }),
      Type.Object(
        {
          name: SafeText(50, { minLength: 1 }),
          idType: Type.Optional(Type.Union(ID_TYPES.map((t) => Type.Literal(t)))),
          idNumber: SafeText(30, { minLength: 1 }),
          phone: Optional(SafeText(20)),
        },
        { additionalProperties: false },
      ),
    ]),
    jurisdictionCode: JurisdictionCode,
    origin: Type.Union([Type.Literal('overseas'), Type.Literal('domestic')]),
    originDivisionCode: Optional(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' })),
    originName: Optional(SafeText(100)),
    originCountry: Optional(SafeText(60)),
    leftOriginAt: Optional(DateTime),
    arrivedAt: DateTime,
    enteredAt: Optional(DateTime),
    portIsolationDays: Optional(Type.Integer({ minimum: 0, maximum: 60 })),
    contact: Optional(Type.Literal('close_contact_of_inbound_positive')),
    returnee: Optional(Type.Literal('rural')),
    truckCrew: Type.Optional(Type.Boolean()),
    homeIsolationConditions: Optional(Type.Boolean()),
    negativeNatAt: Optional(DateTime),
    greenHealthCode: Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);
const tags = ['arrivals'];
const IdParams = Type.Object({ id: Uuid });

export function arrivalRoutes(api: TypedApp, ctx: AppContext) {
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
          status: Type.Optional(SafeText(20)),
          ruleId: Type.Optional(SafeText(10)),
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          ...Paging.properties,
        }),
        response: { 200: Page(ArrivalSummary) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = await withScope(ctx.db, actorOf(request), (tx) =>
        listArrivals(tx, actorOf(request), filter, page, pageSize),
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
        response: { 201: ArrivalDetail },
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
        return getArrival(tx, actor, registered.arrivalId);
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
        response: {
          200: Type.Object({ items: Type.Array(ArrivalSummary), from: Type.String(), to: Type.String() }),
        },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => arrivalsFromArea(tx, actorOf(request), request.query)),
  );

  api.get(
    '/arrivals/:id',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'One arrival with its plans and recorded events',
        params: IdParams,
        response: { 200: ArrivalDetail },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getArrival(tx, actorOf(request), request.params.id)),
  );

  api.post(
    '/arrivals/:id/events',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Record a plan test result (item "test:nat:d7") or the end of a phase ("phase:0:end"); closes its deadline (ISO-6)',
        params: IdParams,
        body: Type.Object(
          {
            item: Type.String({
              pattern: '^(test:(nat|antigen|serum):d\\d{1,3}|phase:\\d{1,2}:end)$',
              maxLength: 30,
            }),
            result: Type.Union([Type.Literal('negative'), Type.Literal('positive'), Type.Literal('done')]),
            at: Type.Optional(DateTime),
          },
          { additionalProperties: false },
        ),
        response: { 200: ArrivalDetail },
      },
    },
    (request) => {
      const { item, result, at } = request.body;
      return withScope(ctx.db, actorOf(request), (tx) =>
        recordPlanEvent(tx, actorOf(request), request.params.id, {
          item,
          result,
          at: at ? new Date(at) : ctx.now(),
        }),
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
        body: Type.Object(
          {
            originRisk: Type.Union([
              Type.Literal('high'),
              Type.Literal('medium'),
              Type.Literal('low'),
              Type.Literal('key_concern'),
            ]),
            originDistrictRisk: Optional(
              Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
            ),
            reason: SafeText(200, { minLength: 1 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: ArrivalDetail },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        reclassifyArrival(ctx, tx, actorOf(request), request.params.id, request.body),
      ),
  );
}
