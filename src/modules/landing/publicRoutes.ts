import { Type } from 'typebox';
import { SafeText } from '../../api/common.js';
import {
  ChallengeView,
  LandingAreaView,
  LandingCodeParams,
  OriginDivisionView,
  PlaceView,
  ReportBody,
  SubmittedView,
} from '../../api/landing.js';
import { withScope } from '../../platform/access/scope.js';
import {
  countHits,
  issueChallenge,
  requireChallengeIfNear,
  solutionOf,
} from '../../platform/challenge/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { landingArea, publicActor, searchPlaces } from './landingCode.js';
import { acceptedLimits, attemptLimits } from './limits.js';
import { originChildren } from './origins.js';
import { retryOnDuplicate } from './retry.js';
import { checkReport, submitReport } from './submit.js';

const tags = ['landing code (public)'];
const READS_PER_MINUTE = 120;
/** A report is well under 2 KiB; the public form gets no more than it needs. */
const PUBLIC_BODY_LIMIT = 8 * 1024;
/** Requests whose challenge solution was accepted (and spent) by the address check. */
const solvedRequests = new WeakSet<object>();

/**
 * The landing code's public side (ARR-11): reached by scanning a QR code, no sign-in. Every request
 * acts as the landing code's own scope and answers with personal data only masked. Reads are
 * limited per client address; a report counts against persisted limits per address, ID number and
 * destination, with a proof-of-work challenge when one nears (./limits.ts).
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
          'Provinces, or the cities of a province, the districts of a city (GB/T 2260) or the towns and streets of a district: where a traveller comes from, as finely as they know it',
        querystring: Type.Object({
          parent: Type.Optional(Type.String({ pattern: '^\\d{2}(\\d{2}){0,2}$' })),
        }),
        response: { 200: Type.Array(OriginDivisionView) },
      },
    },
    // B7: down to the town or street, so that a high-risk street is not read as its whole district.
    async (request) => originChildren(request.query.parent, { towns: true }),
  );

  api.get(
    '/public/challenge',
    {
      config: reads,
      schema: {
        tags,
        summary:
          'A proof-of-work challenge (ALTCHA format) for a public report form to solve and send in the x-challenge header when asked (428)',
        response: { 200: ChallengeView },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return issueChallenge(ctx.cipher, ctx.now());
    },
  );

  api.post(
    '/public/landing/:code/reports',
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
          'Self-report on arrival (落地码, ARR-11): stores the report as a claim for staff to verify (no person, arrival or plan until they do) and answers with a receipt and what the reported facts call for; the same report again returns the first one. 428 asks for a solved challenge (GET /public/challenge, header x-challenge), 429 for a pause',
        params: LandingCodeParams,
        body: ReportBody,
        response: { 200: SubmittedView, 201: SubmittedView },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const actor = publicActor(code);
      const limits = acceptedLimits(ctx, request.body.idNumber, request.body.destinationCode);
      await requireChallengeIfNear(ctx, limits, solutionOf(request.headers), solvedRequests.has(request));
      await withScope(ctx.db, actor, (tx) => checkReport(ctx, tx, code, request.body));
      await countHits(ctx, limits);
      const submitted = await retryOnDuplicate(() =>
        withScope(ctx.db, publicActor(code), (tx) => submitReport(ctx, tx, undefined, code, request.body)),
      );
      return reply.status(submitted.created ? 201 : 200).send(submitted);
    },
  );
}
