import { Type } from 'typebox';
import { Uuid } from '../../api/common.js';
import { MyWorkCount, MyWorkPage, WorkCall } from '../../api/work.js';
import { guardUnmask } from '../../modules/persons/index.js';
import { withScope } from '../access/scope.js';
import type { AppContext } from '../context.js';
import type { TypedApp } from '../http/app.js';
import { actorOf } from '../http/auth.js';
import { assignedCall, countMyWork, listMyWork, revealCallPhone } from './myWork.js';

const tags = ['my work'];

/** One page holds at most this many items; `total` and `counts` count them all. */
const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 100;

export function workRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/my-work',
    {
      config: { permission: 'deadline.read' },
      schema: {
        tags,
        summary:
          "Your work now: open items owed by your roles in your jurisdiction and those escalated to your level, most urgent first, each with the person's name and address and the action that closes it",
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
        }),
        response: { 200: MyWorkPage },
      },
    },
    (request) => {
      const { page = 1, pageSize = DEFAULT_PAGE_SIZE } = request.query;
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => listMyWork(tx, actor, page, pageSize, ctx.now()));
    },
  );

  api.get(
    '/my-work/count',
    {
      config: { permission: 'deadline.read' },
      schema: {
        tags,
        summary:
          'How many of your work items are overdue, and how many of those were escalated to your level',
        response: { 200: MyWorkCount },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => countMyWork(tx, actor, ctx.now()));
    },
  );

  api.post(
    '/my-work/:deadlineId/call',
    {
      config: { permission: 'deadline.read' },
      schema: {
        tags,
        summary:
          "The phone number of the person an item asks you to call: only for the item's assignee (403 otherwise), limited per user as unmasking is (429 past it) and recorded in the audit log",
        params: Type.Object({ deadlineId: Uuid }),
        response: { 200: WorkCall },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { deadlineId } = request.params;
      // Refused calls are not counted against the limit: check first, count, then reveal.
      await withScope(ctx.db, actor, (tx) => assignedCall(tx, actor, deadlineId, ctx.now()));
      await guardUnmask(ctx, actor);
      const phone = await withScope(ctx.db, actor, (tx) => revealCallPhone(ctx, tx, actor, deadlineId));
      reply.header('cache-control', 'no-store');
      return { phone };
    },
  );
}
