import { Type } from 'typebox';
import { SafeText } from '../../api/common.js';
import {
  LandingAreaView,
  LandingCodeParams,
  OriginDivisionView,
  PlaceView,
  ReportBody,
  SubmittedView,
} from '../../api/landing.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { landingArea, publicActor, searchPlaces } from './landingCode.js';
import { originChildren } from './origins.js';
import { retryOnDuplicate } from './retry.js';
import { submitReport } from './submit.js';

const tags = ['landing code (public)'];
/** ARR-11: a traveller reports once; ten a minute from one address is already generous. */
const SUBMITS_PER_MINUTE = 10;
const READS_PER_MINUTE = 120;
/** A report is well under 2 KiB; the public form gets no more than it needs. */
const PUBLIC_BODY_LIMIT = 8 * 1024;

/**
 * The landing code's public side (ARR-11): reached by scanning a QR code, no sign-in. Every request
 * acts as the landing code's own scope, is rate-limited per client address, and answers with
 * personal data only masked.
 */
export function landingPublicRoutes(api: TypedApp, ctx: AppContext) {
  const reads = { public: true, rateLimit: { max: READS_PER_MINUTE, timeWindow: 60_000 } };

  api.get(
    '/public/landing/:code',
    {
      config: reads,
      schema: {
        tags,
        summary: 'The county or city a landing code belongs to',
        params: LandingCodeParams,
        response: { 200: LandingAreaView },
      },
    },
    (request) =>
      withScope(ctx.db, publicActor(request.params.code), (tx) => landingArea(tx, request.params.code)),
  );

  api.get(
    '/public/landing/:code/places',
    {
      config: reads,
      schema: {
        tags,
        summary: 'Communities and villages of the landing code’s area, by name, pinyin initials or code',
        params: LandingCodeParams,
        querystring: Type.Object({ q: Type.Optional(SafeText(30)) }),
        response: { 200: Type.Array(PlaceView) },
      },
    },
    (request) =>
      withScope(ctx.db, publicActor(request.params.code), async (tx) => {
        await landingArea(tx, request.params.code);
        return searchPlaces(tx, request.params.code, request.query.q ?? '', 20);
      }),
  );

  api.get(
    '/public/divisions',
    {
      config: reads,
      schema: {
        tags,
        summary:
          'Provinces, or the cities of a province, or the districts of a city (GB/T 2260): where a traveller comes from',
        querystring: Type.Object({ parent: Type.Optional(Type.String({ pattern: '^\\d{2}(\\d{2})?$' })) }),
        response: { 200: Type.Array(OriginDivisionView) },
      },
    },
    async (request) => originChildren(request.query.parent),
  );

  api.post(
    '/public/landing/:code/reports',
    {
      config: { public: true, rateLimit: { max: SUBMITS_PER_MINUTE, timeWindow: 60_000 } },
      bodyLimit: PUBLIC_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Self-report on arrival (落地码, ARR-11): registers the arrival, plans it, and answers with a receipt and the obligations; the same report again returns the first one',
        params: LandingCodeParams,
        body: ReportBody,
        response: { 200: SubmittedView, 201: SubmittedView },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const submitted = await retryOnDuplicate(() =>
        withScope(ctx.db, publicActor(code), (tx) => submitReport(ctx, tx, undefined, code, request.body)),
      );
      return reply.status(submitted.created ? 201 : 200).send(submitted);
    },
  );
}
