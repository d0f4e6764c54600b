import { BoardingBody, BoardingResultView } from '../../api/boarding.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { checkBoarding } from '../../rules/boarding.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';

/**
 * The "four types" boarding check (ARR-13) for checkpoint staff: a pure judgement of the facts
 * given; nothing is stored, so no personal data is taken in.
 */
export function boardingRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/arrivals/boarding-check',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags: ['arrivals'],
        summary:
          'May this traveller board? Refuses the "four types" and a NAT older than 5 × 24 h (ARR-13); stores nothing',
        body: BoardingBody,
        response: { 200: BoardingResultView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const timeZone = await withScope(ctx.db, actor, (tx) =>
        effectiveTimeZone(tx, actor.scopes[0] ?? '', ctx.config.defaultTimeZone),
      );
      const { negativeNatAt, boardingAt, ...facts } = request.body;
      const result = checkBoarding({
        ...facts,
        negativeNatAt: negativeNatAt ? new Date(negativeNatAt) : null,
        boardingAt: new Date(boardingAt),
        timeZone,
      });
      return { ...result, natValidUntil: result.natValidUntil?.toISOString() ?? null, timeZone };
    },
  );
}
