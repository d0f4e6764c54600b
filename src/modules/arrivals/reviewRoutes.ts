import { Type } from 'typebox';
import { ArrivalDetailView, ReviewPageView, ReviewQuery, SettleReviewBody } from '../../api/arrivals.js';
import { Uuid } from '../../api/common.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { listReviews } from './reviewList.js';
import { settleReview } from './reviewSettle.js';

const tags = ['arrivals'];

/** Issue 12 Deliver 5: the CDC's list of arrivals planned by nothing, and its decision on one. */
export function reviewRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/arrivals/review',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary:
          'Arrivals awaiting the CDC: a coarse origin, no protocol matching, or no pack in force on the arrival date',
        querystring: ReviewQuery,
        response: { 200: ReviewPageView },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const actor = actorOf(request);
      const context = { now: ctx.now(), defaultTimeZone: ctx.config.defaultTimeZone };
      const result = await withScope(ctx.db, actor, (tx) =>
        listReviews(tx, actor, filter, page, pageSize, context),
      );
      return { ...result, page, pageSize };
    },
  );

  api.post(
    '/arrivals/:id/review',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'The CDC settles an arrival planned by nothing without reclassifying it: no measures needed, or arranged by hand (audited)',
        params: Type.Object({ id: Uuid }),
        body: SettleReviewBody,
        response: { 200: ArrivalDetailView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        settleReview(ctx, tx, actorOf(request), request.params.id, request.body),
      ),
  );
}
