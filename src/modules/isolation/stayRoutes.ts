import { Type } from 'typebox';
import { Paging, Uuid } from '../../api/common.js';
import {
  AllocationBody,
  AllocationResult,
  ArriveBody,
  CancelBody,
  HomeStayBody,
  QueuePage,
  QueueQuery,
  StayPage,
  StayQuery,
  StayView,
} from '../../api/isolationStays.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, forbidden } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { allocate, isOpenStayConflict } from './allocation.js';
import { createHomeStay } from './homeStays.js';
import { readQueue } from './queue.js';
import { arrive, cancelAllocation } from './stayArrival.js';
import { listStays, readStay } from './stayView.js';

const tags = ['isolation'];
const IdParams = Type.Object({ id: Uuid });

/** A second open stay raced in by another request reads as stay_open, never a 500. */
async function openStayGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isOpenStayConflict(error)) throw new AppError('stay_open');
    throw error;
  }
}

/**
 * Isolation stays (ISO-4, ISO-5, EPI-4): the queue of people owed isolation, allocation to single
 * rooms, the point-to-point transfer in (the 12-hour transfer deadline closes at the arrival), the
 * cancellation of an allocation, home stays, and the stays' lists and pages. Registered in workflow
 * order, the order the route-coverage tests walk them in.
 */
export async function isolationStayRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  api.get(
    '/isolation/queue',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'People owed centralised (or home) isolation without an open stay: contacts with their 12-hour transfer due (EPI-4) and arrivals in an isolation phase; the most urgent first',
        querystring: QueueQuery,
        response: { 200: QueuePage },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => readQueue(ctx, tx, actor, request.query));
    },
  );

  api.post(
    '/isolation/allocations',
    {
      config: { permission: 'isolation.write' },
      schema: {
        tags,
        summary:
          'Allocate people owed centralised isolation to single rooms of a site in use (ISO-4 单人单间); a household shares a room only where every plan allows it',
        body: AllocationBody,
        response: { 200: AllocationResult },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return openStayGuard(async () => ({
        stays: await withScope(ctx.db, actor, (tx) => allocate(ctx, tx, actor, request.body)),
      }));
    },
  );

  api.get(
    '/isolation/stays',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary: 'Isolation stays in your jurisdiction by status, kind, site, or ending by a date',
        querystring: Type.Object(
          { ...StayQuery.properties, ...Paging.properties },
          { additionalProperties: false },
        ),
        response: { 200: StayPage },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) => listStays(tx, actor, filter, page, pageSize));
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/isolation/stays/:id',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary: 'One stay: the person (masked), the source, site and room, transfers and timeline',
        params: IdParams,
        response: { 200: StayView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => readStay(tx, actor, request.params.id, ctx.now()));
    },
  );

  api.post(
    '/isolation/stays/:id/arrive',
    {
      config: { permission: 'isolation.write' },
      schema: {
        tags,
        summary:
          'Record the point-to-point transfer into the room: the centralised phase starts, and a contact’s 12-hour transfer closes done at the arrival (EPI-4)',
        params: IdParams,
        body: ArriveBody,
        response: { 200: StayView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        await arrive(ctx, tx, actor, request.params.id, request.body);
        return readStay(tx, actor, request.params.id, ctx.now());
      });
    },
  );

  api.post(
    '/isolation/stays/:id/cancel',
    {
      config: { permission: 'isolation.write' },
      schema: {
        tags,
        summary: 'Cancel an allocation before the person arrives: the room is ready again',
        params: IdParams,
        body: CancelBody,
        response: { 200: StayView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        await cancelAllocation(ctx, tx, actor, request.params.id, request.body.reason);
        return readStay(tx, actor, request.params.id, ctx.now());
      });
    },
  );

  // ISO-5: home isolation is the community's (002 §25 "一般接触者由所在社区实施居家隔离观察"): the
  // community worker, who takes the readings (monitoring.write) but runs no site, records it; so do
  // the isolation managers and the working group (isolation.write).
  api.post(
    '/isolation/home-stays',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'Record home isolation of a general contact or an arrival in a home isolation phase (ISO-5), supervised by their community',
        body: HomeStayBody,
        response: { 201: StayView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!actor.permissions.has('monitoring.write') && !actor.permissions.has('isolation.write'))
        throw forbidden();
      const view = await openStayGuard(() =>
        withScope(ctx.db, actor, async (tx) => {
          const stayId = await createHomeStay(ctx, tx, actor, request.body);
          return readStay(tx, actor, stayId, ctx.now());
        }),
      );
      return reply.status(201).send(view);
    },
  );
}
