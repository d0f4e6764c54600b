import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { IsoDate, JurisdictionCode, Page, Paging } from '../../api/common.js';
import { KEY_GROUP_IDS } from '../../rules/keyGroups.js';
import { inScope } from '../../rules/roles.js';
import { listSchedule, sweepRoutine } from './service.js';

const tags = ['routine-testing'];
const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const State = Type.Union([Type.Literal('due'), Type.Literal('overdue'), Type.Literal('ok')]);

const ScheduleItemView = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  jurisdictionCode: Type.String(),
  keyGroup: Type.String(),
  times: Type.Integer(),
  perDays: Type.Integer(),
  allocation: Type.Union([Type.Literal('working_day_share'), Type.Null()]),
  slot: Type.Union([Type.Integer(), Type.Null()]),
  slots: Type.Union([Type.Integer(), Type.Null()]),
  department: Text,
  lastTest: Type.Union([IsoDate, Type.Null()]),
  nextDue: IsoDate,
  state: State,
});

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
          state: Type.Optional(State),
          ...Paging.properties,
        }),
        response: { 200: Type.Object({ ...Page(ScheduleItemView).properties, today: IsoDate }) },
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
        response: {
          200: Type.Object({ opened: Type.Integer(), superseded: Type.Integer(), today: IsoDate }),
        },
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
