import { Type } from 'typebox';
import {
  CaseCoExposureQuery,
  CaseCoExposureView,
  VenueCoExposureBody,
  VenueCoExposureView,
} from '../../api/coExposure.js';
import { Uuid } from '../../api/common.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { fieldError, invalid } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { STAY_MINUTES, VENUE_RANGE_HOURS } from '../../rules/coExposure.js';
import { caseCoExposure, venueCoExposure } from './coExposureService.js';

const tags = ['co-exposure'];

/**
 * Co-exposure search (EPI-3) under /api/co-exposure. Permission investigation.read, not contact.read:
 * the search reads everyone's movements around a case, an investigator's tool; community workers
 * and isolation managers hold contact.read to follow contacts already listed, not to search.
 */
export async function coExposureRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  api.get(
    '/co-exposure/case/:caseId',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary:
          'Everyone at the same venue or checkpoint within a window of the case’s visits in the days before its report (EPI-3, EPI-2), ranked by shared visits, overlap and closeness; audited',
        params: Type.Object({ caseId: Uuid }),
        querystring: CaseCoExposureQuery,
        response: { 200: CaseCoExposureView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) =>
        caseCoExposure(tx, actor, { caseId: request.params.caseId, ...request.query }),
      );
      return { ...result, stayMinutes: STAY_MINUTES };
    },
  );

  api.post(
    '/co-exposure/venue',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary:
          'Everyone who checked in at a venue between two instants (at most 7 days), with their check-ins there (EPI-3); audited',
        body: VenueCoExposureBody,
        response: { 200: VenueCoExposureView },
      },
    },
    async (request) => {
      const { venueId, windowMinutes, limit } = request.body;
      const from = new Date(request.body.from);
      const to = new Date(request.body.to);
      if (!(to.getTime() > from.getTime())) throw invalid([fieldError('to', 'ends_before_start')]);
      if (to.getTime() - from.getTime() > VENUE_RANGE_HOURS.max * 3_600_000)
        throw invalid([fieldError('to', 'range')]);
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) =>
        venueCoExposure(tx, actor, {
          venueId,
          from,
          to,
          ...(windowMinutes !== undefined ? { windowMinutes } : {}),
          ...(limit !== undefined ? { limit } : {}),
        }),
      );
      return { ...result, stayMinutes: STAY_MINUTES };
    },
  );
}
