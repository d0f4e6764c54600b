import { Type } from 'typebox';
import { IsoDate, JurisdictionCode, SafeText, Uuid } from '../../api/common.js';
import { CapacityView, LabFields, LabView, QcKind, QcOutcome, QcView, TargetView } from '../../api/labs.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { localDate } from '../../rules/time.js';
import { capacityView, createTarget, deleteTarget } from './capacity.js';
import { addQc, listQc } from './qc.js';
import { createLab, getLab, listLabs, updateLab } from './service.js';

const tags = ['labs'];
const IdParams = Type.Object({ id: Uuid });

export function labRoutes(api: TypedApp, ctx: AppContext) {
  const scoped = <T>(request: Parameters<typeof actorOf>[0], fn: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.db, actorOf(request), fn);

  api.get(
    '/labs',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Labs of the subtree with daily capacity at 18 instrument hours (TST-9)',
        querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) }),
        response: { 200: Type.Array(LabView) },
      },
    },
    (request) => scoped(request, (tx) => listLabs(tx, actorOf(request), request.query.jurisdiction)),
  );

  api.post(
    '/labs',
    {
      config: { permission: 'testing.lab' },
      schema: {
        tags,
        summary: 'Register a lab (TST-9, TST-10 lab network)',
        body: Type.Object(
          { jurisdictionCode: JurisdictionCode, ...LabFields.properties },
          { additionalProperties: false },
        ),
        response: { 201: LabView },
      },
    },
    async (request, reply) => {
      const lab = await scoped(request, (tx) => createLab(tx, actorOf(request), request.body));
      return reply.status(201).send(lab);
    },
  );

  api.get(
    '/labs/capacity',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: "The subtree's daily capacity against each dated target: met, not met, overdue (TST-9)",
        querystring: Type.Object({
          jurisdiction: JurisdictionCode,
          poolSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
        }),
        response: { 200: CapacityView },
      },
    },
    (request) =>
      scoped(request, (tx) =>
        capacityView(
          tx,
          actorOf(request),
          request.query.jurisdiction,
          request.query.poolSize ?? 1,
          localDate(ctx.now(), ctx.config.defaultTimeZone),
        ),
      ),
  );

  api.post(
    '/labs/capacity-targets',
    {
      config: { permission: 'testing.lab' },
      schema: {
        tags,
        summary: 'Add a dated capacity target, e.g. 25,000 persons a day by the end of May (TST-9)',
        body: Type.Object(
          {
            jurisdictionCode: JurisdictionCode,
            dueDate: IsoDate,
            personsPerDay: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
            sourceText: SafeText(500, { minLength: 1 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: TargetView },
      },
    },
    async (request, reply) => {
      const target = await scoped(request, (tx) => createTarget(tx, actorOf(request), request.body));
      return reply.status(201).send(target);
    },
  );

  api.delete(
    '/labs/capacity-targets/:code/:dueDate',
    {
      config: { permission: 'testing.lab' },
      schema: {
        tags,
        summary: "Remove a jurisdiction's capacity target of a date (204 also when there was none)",
        params: Type.Object({ code: JurisdictionCode, dueDate: IsoDate }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { code, dueDate } = request.params;
      await scoped(request, (tx) => deleteTarget(tx, actorOf(request), code, dueDate));
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/labs/:id',
    {
      config: { permission: 'testing.read' },
      schema: { tags, summary: 'One lab', params: IdParams, response: { 200: LabView } },
    },
    (request) => scoped(request, (tx) => getLab(tx, actorOf(request), request.params.id)),
  );

  api.put(
    '/labs/:id',
    {
      config: { permission: 'testing.lab' },
      schema: {
        tags,
        summary: 'Update a lab (version as read: optimistic concurrency)',
        params: IdParams,
        body: Type.Object(
          { ...LabFields.properties, version: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: LabView },
      },
    },
    (request) => scoped(request, (tx) => updateLab(tx, actorOf(request), request.params.id, request.body)),
  );

  api.get(
    '/labs/:id/qc',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: "A lab's quality-control records (TST-10)",
        params: IdParams,
        response: { 200: Type.Array(QcView) },
      },
    },
    (request) => scoped(request, (tx) => listQc(tx, actorOf(request), request.params.id)),
  );

  api.post(
    '/labs/:id/qc',
    {
      config: { permission: 'testing.lab' },
      schema: {
        tags,
        summary:
          'Record a QC result: internal QC, external EQA, two reagents in parallel (ARR-1), biosafety (TST-10)',
        params: IdParams,
        body: Type.Object(
          {
            qcDate: IsoDate,
            kind: QcKind,
            outcome: QcOutcome,
            notes: Type.Optional(Type.Union([SafeText(500), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: QcView },
      },
    },
    async (request, reply) => {
      const record = await scoped(request, (tx) =>
        addQc(tx, actorOf(request), request.params.id, request.body),
      );
      return reply.status(201).send(record);
    },
  );
}
