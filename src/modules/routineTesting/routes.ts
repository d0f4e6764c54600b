import { Type } from 'typebox';
import { JurisdictionCode, Paging } from '../../api/common.js';
import { SchedulePage, ScheduleState, SweepResult } from '../../api/routineTesting.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { KEY_GROUP_IDS } from '../../rules/keyGroups.js';
import { inScope } from '../../rules/roles.js';
import { listSchedule, sweepRoutine } from './service.js';

const tags = ['routine-testing'];

export function routineTestingRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/routine-testing/schedule',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Key-group people in scope with frequency, last test and next due date (TST-4)',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          keyGroup: Type.Optional(Type.Union(KEY_GROUP_IDS.map((g) => Type.Literal(g)))),
          state: Type.Optional(ScheduleState),
          ...Paging.properties,
        }),
        response: { 200: SchedulePage },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = await listSchedule(ctx, actorOf(request), filter, page, pageSize);
      return { ...result, page, pageSize };
    },
  );

  api.post(
    '/routine-testing/sweep',
    {
      config: { permission: 'testing.plan' },
      schema: {
        tags,
        summary: 'Push missed routine tests to the supervising departments with a same-day deadline (TST-5)',
        description: 'Idempotent: a missed date already pushed is not pushed again. Also runs hourly.',
        body: Type.Optional(
          Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) }, { additionalProperties: false }),
        ),
        response: { 200: SweepResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const jurisdiction = request.body?.jurisdiction;
      if (jurisdiction && !inScope(jurisdiction, actor.scopes)) throw forbidden();
      return sweepRoutine(ctx, actor, jurisdiction ? [jurisdiction] : actor.scopes);
    },
  );
}
