import { Type } from 'typebox';
import {
  CheckpointBody,
  CheckpointPatchBody,
  CheckpointView,
  HEALTH_CODES,
  LoggedPassView,
  PassBody,
  PassDayView,
} from '../../api/checkpoints.js';
import { IsoDate, JurisdictionCode, Paging, Uuid } from '../../api/common.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { PASS_OUTCOMES } from '../../rules/checkpointOutcome.js';
import { createCheckpoint, getCheckpoint, listCheckpoints, setCheckpointNatHours } from './checkpoints.js';
import { logPass } from './passes.js';
import { listPasses } from './passList.js';

const tags = ['checkpoints'];
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const IdParams = Type.Object({ id: Uuid });

export function checkpointRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/checkpoints',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'Checkpoints and stations (三站一场) in your jurisdiction',
        querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) }),
        response: { 200: Type.Array(CheckpointView) },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        listCheckpoints(tx, actorOf(request), request.query.jurisdiction),
      ),
  );

  // Registered before the routes under /checkpoints/:id (test/support/routeRequests.ts relies on it).
  api.post(
    '/checkpoints',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary: 'Add a checkpoint or station; sending the same id again returns it unchanged',
        body: CheckpointBody,
        response: { 200: CheckpointView, 201: CheckpointView },
      },
    },
    async (request, reply) => {
      const { checkpoint, created } = await withScope(ctx.db, actorOf(request), (tx) =>
        createCheckpoint(tx, actorOf(request), request.body),
      );
      return reply.status(created ? 201 : 200).send(checkpoint);
    },
  );

  api.get(
    '/checkpoints/:id',
    {
      config: { permission: 'arrival.read' },
      schema: { tags, summary: 'One checkpoint', params: IdParams, response: { 200: CheckpointView } },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getCheckpoint(tx, actorOf(request), request.params.id)),
  );

  api.patch(
    '/checkpoints/:id',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary: 'A checkpoint’s settings (HC-3): the hours within which a NAT proof must be sampled',
        description: 'null returns to the default of 48 hours (seed 004 §3 “48 小时核酸检测阴性证明”).',
        params: IdParams,
        body: CheckpointPatchBody,
        response: { 200: CheckpointView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        setCheckpointNatHours(tx, actorOf(request), request.params.id, request.body.natWithinHours),
      ),
  );

  api.post(
    '/checkpoints/:id/passes',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary: 'Log one traveller (HC-3) and get the outcome (ARR-15): pass, medical, hold, or hand over',
        description:
          'Fever (≥ 37.3 °C) goes to the medical staff; a yellow or red code is held; an origin in a ' +
          'medium/high-risk or key area, or overseas, is registered as an arrival of the destination ' +
          'community, which gets the plan’s deadlines. Sending the same id again returns the stored pass.',
        params: IdParams,
        body: PassBody,
        response: { 200: LoggedPassView, 201: LoggedPassView },
      },
    },
    async (request, reply) => {
      const { pass, created, registration } = await withScope(ctx.db, actorOf(request), (tx) =>
        logPass(ctx, tx, actorOf(request), request.params.id, request.body),
      );
      return reply.status(created ? 201 : 200).send({ pass, registration });
    },
  );

  api.get(
    '/checkpoints/:id/passes',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary:
          'The checkpoint log (HC-3): a day’s passes at one checkpoint, newest first, filtered by outcome, ' +
          'direction, code colour or a missing proof, with counts (fever, held, handed over, in/out, missing proof)',
        params: IdParams,
        querystring: Type.Object({
          date: Type.Optional(IsoDate),
          outcome: Type.Optional(literals(PASS_OUTCOMES)),
          direction: Type.Optional(literals(['in', 'out', 'unrecorded'] as const)),
          healthCode: Type.Optional(literals(HEALTH_CODES)),
          missingProof: Type.Optional(Type.Boolean()),
          ...Paging.properties,
        }),
        response: { 200: PassDayView },
      },
    },
    (request) => {
      const { page = 1, pageSize = 50, date, outcome, direction, healthCode, missingProof } = request.query;
      return withScope(ctx.db, actorOf(request), (tx) =>
        listPasses(ctx, tx, actorOf(request), request.params.id, {
          date,
          outcome,
          direction,
          healthCode,
          missingProof,
          page,
          pageSize,
        }),
      );
    },
  );
}
