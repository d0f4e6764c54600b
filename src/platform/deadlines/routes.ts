import { Type } from 'typebox';
import { JurisdictionCode, Paging, SafeText, Uuid } from '../../api/common.js';
import { DeadlinePage, DeadlineSummary, DeadlineView } from '../../api/deadlines.js';
import { DEADLINE_STATES } from '../../rules/deadlines.js';
import { ROLES } from '../../rules/roles.js';
import { withScope } from '../access/scope.js';
import type { AppContext } from '../context.js';
import type { TypedApp } from '../http/app.js';
import { actorOf } from '../http/auth.js';
import { completeDeadline } from './complete.js';
import { listDeadlines } from './list.js';
import { summarizeDeadlines } from './summary.js';

const tags = ['deadlines'];

const DeadlineQuery = Type.Object({
  state: Type.Optional(Type.Enum(['pending', ...DEADLINE_STATES])),
  ruleId: Type.Optional(Type.String({ pattern: '^[A-Z]{2,5}-\\d{1,3}$', maxLength: 9 })),
  ownerRole: Type.Optional(Type.Enum(ROLES)),
  jurisdiction: Type.Optional(JurisdictionCode),
  personId: Type.Optional(Uuid),
  subjectType: Type.Optional(SafeText(40)),
  subjectId: Type.Optional(Uuid),
  escalatedToMe: Type.Optional(Type.Boolean()),
  // Overdue items owned below this jurisdiction that have climbed to its level (the dashboard's heat table).
  escalatedTo: Type.Optional(JurisdictionCode),
  /** With `jurisdiction`: only items owned at that level, not below it. */
  ownLevel: Type.Optional(Type.Boolean()),
});

export function deadlineRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/deadlines',
    {
      config: { permission: 'deadline.read' },
      schema: {
        tags,
        summary:
          'Time-bound obligations in your jurisdiction with their state, lateness and escalation (default: every open one, due first)',
        querystring: Type.Object({ ...DeadlineQuery.properties, ...Paging.properties }),
        response: { 200: DeadlinePage },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) =>
        listDeadlines(tx, actor, filter, page, pageSize, ctx.now()),
      );
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/deadlines/summary',
    {
      config: { permission: 'deadline.read' },
      schema: {
        tags,
        summary: 'Counts by rule ID and state: open items now, done and cancelled in the last 24 hours',
        querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) }),
        response: { 200: DeadlineSummary },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        summarizeDeadlines(tx, actor, request.query.jurisdiction, ctx.now()),
      );
    },
  );

  api.post(
    '/deadlines/:id/done',
    {
      config: { permission: 'deadline.write' },
      schema: {
        tags,
        summary:
          'Mark an obligation done by hand; recorded in the audit log. A closed one answers 409 deadline_closed.',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ outcome: Type.Optional(SafeText(500)) }, { additionalProperties: false }),
        response: { 200: DeadlineView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        completeDeadline(tx, actor, request.params.id, request.body.outcome, ctx.now()),
      );
    },
  );
}
