import { Type } from 'typebox';
import { IsoDate, JurisdictionCode, Paging, TubeBarcode, Uuid } from '../../api/common.js';
import {
  BoardSchema,
  CONTROL_REASONS,
  ControlPage,
  type OverdueList,
  OverdueSchema,
  PersonControls,
  PositivePage,
  TubeDetail,
  TubeKind,
} from '../../api/labResults.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { overdueTubes, overdueTubesIn, turnaroundBoard } from './board.js';
import { positiveTubes } from './positives.js';
import { listControls, personControls, tubeDetail } from './views.js';

const tags = ['lab-results'];

/** The turnaround board (TST-2), positive tubes, a tube's members and the people under control (TST-1). */
export function labReadRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/lab-results/turnaround',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary:
          'Lab turnaround board (TST-2): per lab pending, due soon, overdue, resulted today on time / late',
        querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) }),
        response: { 200: BoardSchema },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => turnaroundBoard(tx, ctx, actor, request.query.jurisdiction));
    },
  );

  api.get(
    '/lab-results/overdue',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary:
          'Tubes owed a result past their TST-2 due time, longest overdue first: one lab’s, or those sampled in a jurisdiction (received or sealed)',
        querystring: Type.Object({
          labId: Type.Optional(Uuid),
          jurisdiction: Type.Optional(JurisdictionCode),
        }),
        response: { 200: OverdueSchema },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { labId, jurisdiction } = request.query;
      return withScope(
        ctx.db,
        actor,
        (tx): Promise<OverdueList> =>
          labId ? overdueTubes(tx, ctx, actor, labId) : overdueTubesIn(tx, ctx, actor, jurisdiction),
      );
    },
  );

  api.get(
    '/lab-results/positives',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Positive tubes in your jurisdiction, newest first, with their members still under control',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          labId: Type.Optional(Uuid),
          // Resulted on these local days of the jurisdiction, both included.
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          kind: Type.Optional(TubeKind),
          ...Paging.properties,
        }),
        response: { 200: PositivePage },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { page = 1, pageSize = 20, ...filter } = request.query;
      return withScope(ctx.db, actor, (tx) =>
        positiveTubes(tx, actor, filter, page, pageSize, ctx.config.defaultTimeZone),
      );
    },
  );

  api.get(
    '/tubes/:barcode',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'One tube: result, turnaround times and its members (masked) with their control state',
        params: Type.Object({ barcode: TubeBarcode }),
        response: { 200: TubeDetail },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => tubeDetail(tx, actor, request.params.barcode));
    },
  );

  api.get(
    '/person-controls',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'People under control after a positive pool or their own positive (TST-1), by state',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          state: Type.Optional(
            Type.Union([Type.Literal('open'), Type.Literal('cleared'), Type.Literal('all')]),
          ),
          reason: Type.Optional(Type.Enum(CONTROL_REASONS)),
          ...Paging.properties,
        }),
        response: { 200: ControlPage },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { page = 1, pageSize = 20, ...filter } = request.query;
      return withScope(ctx.db, actor, (tx) => listControls(tx, actor, filter, page, pageSize));
    },
  );

  api.get(
    '/persons/:id/controls',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: "A person's controls (TST-1), open first: the badge on the person page",
        params: Type.Object({ id: Uuid }),
        response: { 200: PersonControls },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => personControls(tx, actor, request.params.id));
    },
  );
}
