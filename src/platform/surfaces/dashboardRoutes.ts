import { Type } from 'typebox';
import { JurisdictionCode } from '../../api/common.js';
import { DashboardView } from '../../api/dashboard.js';
import type { AppContext } from '../context.js';
import type { TypedApp } from '../http/app.js';
import { actorOf } from '../http/auth.js';
import { DASHBOARD_TILES } from './contributions.js';
import { loadDashboard } from './dashboard.js';

export function dashboardRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'The situation dashboard (态势总览) of a jurisdiction in your scope (default: your broadest): the tiles of every module you may read, each figure with the web path of the list it counts',
        querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) }),
        response: { 200: DashboardView },
      },
    },
    (request) => loadDashboard(ctx, actorOf(request), DASHBOARD_TILES, request.query.jurisdiction),
  );
}
