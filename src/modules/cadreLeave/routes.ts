import { Type } from 'typebox';
import {
  ApplyBody,
  DecisionBody,
  LeavePageView,
  LeaveQuery,
  LeaveView,
  ReturnBody,
  WithdrawBody,
} from '../../api/cadreLeave.js';
import { Paging, Uuid } from '../../api/common.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { applyForLeave } from './apply.js';
import { decideLeave } from './decide.js';
import { listLeaves } from './list.js';
import { reportReturn } from './returnReport.js';
import { readLeave } from './view.js';
import { withdrawLeave } from './withdraw.js';

const tags = ['cadre-leave'];
const IdParams = Type.Object({ id: Uuid });

/**
 * Cadre and staff leave (ARR-14). Registered in workflow order (apply, read, decide, return, withdraw), the
 * order the route-coverage tests walk them in.
 */
export function cadreLeaveRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/cadre-leaves',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary: 'Apply for a person in your jurisdiction to leave the city (确须离开的,严格审批)',
        body: ApplyBody,
        response: { 200: LeaveView, 201: LeaveView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { leave, created } = await withScope(ctx.db, actor, (tx) =>
        applyForLeave(ctx, tx, actor, request.body),
      );
      return reply.status(created ? 201 : 200).send(leave);
    },
  );

  api.get(
    '/cadre-leaves',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary: 'Leave applications in your jurisdiction; pending first',
        querystring: Type.Object({ ...LeaveQuery.properties, ...Paging.properties }),
        response: { 200: LeavePageView },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) =>
        listLeaves(tx, actor, filter, page, pageSize, ctx.now()),
      );
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/cadre-leaves/:id',
    {
      config: { permission: 'person.read' },
      schema: { tags, summary: 'One leave application', params: IdParams, response: { 200: LeaveView } },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => readLeave(tx, actor.scopes, request.params.id, ctx.now()));
    },
  );

  api.post(
    '/cadre-leaves/:id/decision',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Approve or reject (谁审批、谁负责): needs arrival.write over the applicant’s jurisdiction or a wider one; the approver is recorded',
        params: IdParams,
        body: DecisionBody,
        response: { 200: LeaveView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        decideLeave(ctx, tx, actor, request.params.id, request.body.decision, request.body.note),
      );
    },
  );

  api.post(
    '/cadre-leaves/:id/return',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary:
          'Return report (返赤后主动报备): registers the arrival from where the person was, which plans their control measures',
        params: IdParams,
        body: ReturnBody,
        response: { 200: LeaveView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => reportReturn(ctx, tx, actor, request.params.id, request.body));
    },
  );

  api.post(
    '/cadre-leaves/:id/withdraw',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary:
          'Withdraw a leave that will not be taken: pending, or approved until its leave date has passed; cancels the return report it owed',
        params: IdParams,
        body: WithdrawBody,
        response: { 200: LeaveView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        withdrawLeave(ctx, tx, actor, request.params.id, request.body.reason),
      );
    },
  );
}
