import {
  HospitalBody,
  QueueQuery,
  ReleaseBody,
  ReleaseCheckView,
  ReleaseQueue,
  StayEnded,
  StayIdParams,
  TestBody,
  TestRecorded,
} from '../../api/isolationRelease.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { evaluateStay, readStay } from './releaseCheck.js';
import { releaseQueue } from './releaseQueue.js';
import { recordStayTest, releaseStay, stayToHospital } from './releaseService.js';

const tags = ['isolation'];

/**
 * Tests during a stay and release when the plan allows it (ISO-6, 002 §3 "两种试剂平行检测结果为阴性者，
 * 方可解除集中医学观察"), under /api/isolation. Registered in workflow order: a test, the check, the
 * queue, release, hospital.
 */
export async function isolationReleaseRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  api.post(
    '/isolation/stays/:id/tests',
    {
      config: { permission: 'isolation.write' },
      schema: {
        tags,
        summary:
          'Record a test taken during the stay (kind, parallel reagents, result, sampling time); an arrival plan’s test of that kind and day takes it too (ISO-6)',
        params: StayIdParams,
        body: TestBody,
        response: { 201: TestRecorded },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const recorded = await withScope(ctx.db, actor, (tx) =>
        recordStayTest(ctx, tx, actor, request.params.id, request.body),
      );
      return reply.status(201).send(recorded);
    },
  );

  api.get(
    '/isolation/stays/:id/release-check',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'Whether the plan allows release now, and why not: the period, the release tests with their reagents, a positive result, an open abnormal report (ISO-6)',
        params: StayIdParams,
        response: { 200: ReleaseCheckView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        const stay = await readStay(tx, request.params.id);
        return (await evaluateStay(ctx, tx, stay)).view;
      });
    },
  );

  api.get(
    '/isolation/release-queue',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'Stays whose phase ends today (or earlier) or tomorrow, each with the release check’s answer (ISO-6)',
        querystring: QueueQuery,
        response: { 200: ReleaseQueue },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { jurisdiction, due, state } = request.query;
      return withScope(ctx.db, actor, (tx) => releaseQueue(ctx, tx, actor, jurisdiction, { due, state }));
    },
  );

  api.post(
    '/isolation/stays/:id/release',
    {
      config: { permission: 'isolation.write' },
      schema: {
        tags,
        summary:
          'Release when the plan allows it (409 release_not_allowed with the reasons otherwise): to the plan’s next phase at home point to point, or released; the room goes to cleaning (ISO-6)',
        params: StayIdParams,
        body: ReleaseBody,
        response: { 200: StayEnded },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => releaseStay(ctx, tx, actor, request.params.id, request.body));
    },
  );

  api.post(
    '/isolation/stays/:id/to-hospital',
    {
      config: { permission: 'isolation.write' },
      schema: {
        tags,
        summary:
          'A positive result or a case: the stay ends as a transfer to hospital; the room goes to cleaning',
        params: StayIdParams,
        body: HospitalBody,
        response: { 200: StayEnded },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        stayToHospital(ctx, tx, actor, request.params.id, request.body),
      );
    },
  );
}
