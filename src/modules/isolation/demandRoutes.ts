import { DemandQuery, DemandView, OccupancyView } from '../../api/isolationDemand.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { isolationDemandView } from './demand.js';
import { occupancyView } from './occupancy.js';

const tags = ['isolation'];

/** Rooms demanded against rooms available (ISO-2) and every site's occupancy, under /api/isolation. */
export async function isolationDemandRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  api.get(
    '/isolation/demand',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'Rooms demanded by the confirmed cases (100 per case, ISO-2) and needed now against the rooms of sites in use and on standby, per county, with the gap',
        querystring: DemandQuery,
        response: { 200: DemandView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        isolationDemandView(tx, actor, request.query.jurisdiction, ctx.now(), ctx.config.defaultTimeZone),
      );
    },
  );

  api.get(
    '/isolation/occupancy',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'Every site of the jurisdiction with its rooms by state, people in rooms, awaiting arrival and stays ending today or tomorrow; home isolation per county',
        querystring: DemandQuery,
        response: { 200: OccupancyView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        occupancyView(tx, actor, request.query.jurisdiction, ctx.now(), ctx.config.defaultTimeZone),
      );
    },
  );
}
