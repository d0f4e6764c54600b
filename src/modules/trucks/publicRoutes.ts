import { Type } from 'typebox';
import { JurisdictionCode } from '../../api/common.js';
import { DivisionView, PublicReceipt, PublicReportBody } from '../../api/trucks.js';
import { publicActor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import { countHits, requireChallengeIfNear, solutionOf } from '../../platform/challenge/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { originChildren } from '../landing/index.js';
import { checkTruckReport, fileTruckReport } from './file.js';
import { acceptedLimits, attemptLimits } from './limits.js';

const tags = ['trucks'];
const PUBLIC_LOOKUP_LIMIT = { max: 120, timeWindow: '1 minute' } as const;
/** Five crew members and their details fit easily; anything bigger is not a report. */
const PUBLIC_BODY_LIMIT = 16 * 1024;
/** Requests whose challenge solution was accepted (and spent) by the address check. */
const solvedRequests = new WeakSet<object>();

/** A submitter without an account writes only into the destination's subtree (RLS WITH CHECK). */
const destinationScope = (code: string) => publicActor(code, 'truck_report');

/**
 * The consignee's public form (ARR-12): no account, validated, all or nothing. A report is a claim
 * awaiting staff; it counts against persisted limits per address, crew ID number and destination,
 * with a proof-of-work challenge when one nears (./limits.ts).
 */
export function truckPublicRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/trucks/public/reports',
    {
      config: { public: true },
      bodyLimit: PUBLIC_BODY_LIMIT,
      // Before the body's schema: a malformed attempt counts against its address too.
      preValidation: async (request) => {
        const limits = attemptLimits(request.ip);
        if (await requireChallengeIfNear(ctx, limits, solutionOf(request.headers)))
          solvedRequests.add(request);
        await countHits(ctx, limits);
      },
      schema: {
        tags,
        summary:
          'Consignee’s pre-report of a starred truck, at least 24 h before it arrives (ARR-12); no sign-in. Stored as a claim for the community to verify. 428 asks for a solved challenge (GET /public/challenge, header x-challenge), 429 for a pause',
        security: [],
        body: PublicReportBody,
        response: { 201: PublicReceipt },
      },
    },
    async (request, reply) => {
      const scope = destinationScope(request.body.jurisdictionCode);
      const limits = acceptedLimits(ctx, request.body);
      await requireChallengeIfNear(ctx, limits, solutionOf(request.headers), solvedRequests.has(request));
      await withScope(ctx.db, scope, (tx) => checkTruckReport(ctx, tx, request.body));
      await countHits(ctx, limits);
      const { report } = await withScope(ctx.db, destinationScope(request.body.jurisdictionCode), (tx) =>
        fileTruckReport(ctx, tx, undefined, request.body, [request.body.jurisdictionCode]),
      );
      const late = report.late;
      return reply.status(201).send({
        id: report.id,
        plate: report.plate,
        plannedArrivalAt: report.plannedArrivalAt,
        late,
        jurisdictionName: report.jurisdictionName,
        message_zh: `已向${report.jurisdictionName}报备，社区工作人员将与收发货单位核实。货车到达高速出入口等检查点时，将由社区或收发货单位派人引导至目的地，装卸货后请立即返回。${late ? '注意：报备距计划抵达不足24小时，请尽快与社区联系。' : ''}`,
        message: `Reported to ${report.jurisdictionName}; the community will confirm it with the consignee. At the checkpoint the truck will be escorted to its destination; leave as soon as it is unloaded.${late ? ' Note: this report came less than 24 hours before the planned arrival; contact the community at once.' : ''}`,
      });
    },
  );

  api.get(
    '/trucks/public/destinations',
    {
      config: { public: true, rateLimit: PUBLIC_LOOKUP_LIMIT },
      schema: {
        tags,
        summary: 'Divisions governed here, to pick the destination community on the public form; no sign-in',
        security: [],
        querystring: Type.Object({ parent: Type.Optional(JurisdictionCode) }),
        response: { 200: Type.Array(DivisionView) },
      },
    },
    // Names and codes of administrative divisions are public; grids below communities are not listed.
    (request) =>
      ctx.db.query(
        `SELECT code, name, level = 'village' AS leaf FROM jurisdictions
         WHERE level <> 'grid' AND ${request.query.parent ? 'parent_code = $1' : 'parent_code IS NULL'}
         ORDER BY code LIMIT 1000`,
        request.query.parent ? [request.query.parent] : [],
      ),
  );

  api.get(
    '/trucks/public/origins',
    {
      config: { public: true, rateLimit: PUBLIC_LOOKUP_LIMIT },
      schema: {
        tags,
        summary: 'Provinces, cities and districts of China (GB/T 2260), to pick where the truck comes from',
        security: [],
        querystring: Type.Object({ parent: Type.Optional(Type.String({ pattern: '^\\d{2}(\\d{2})?$' })) }),
        response: { 200: Type.Array(DivisionView) },
      },
    },
    async (request) => originChildren(request.query.parent),
  );
}
