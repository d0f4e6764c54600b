import { Type } from 'typebox';
import { IsoDate, JurisdictionCode, Paging, Uuid } from '../../api/common.js';
import {
  BoardView,
  CandidateView,
  DiscardBody,
  FeedbackBody,
  LandingCodeParams,
  LandingCodeView,
  PushedView,
  QUEUE_FILTERS,
  ReportBody,
  ReportPageView,
  ReportView,
  SubmittedView,
  VerifyBody,
} from '../../api/landing.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { publicOrigin } from '../../platform/http/publicUrl.js';
import { countyOf, landingUrl } from '../../rules/landing.js';
import { isLoopbackUrl } from '../../rules/requestOrigin.js';
import { inScope } from '../../rules/roles.js';
import { dailyClearBoard } from './board.js';
import { landingArea } from './landingCode.js';
import { countClaimSearch, readCandidates } from './match.js';
import { qrSvg } from './qr.js';
import { getReport, listReports } from './queue.js';
import { retryOnDuplicate } from './retry.js';
import { submitReport } from './submit.js';
import { discardReport, feedBack, lookAt, pushAllLooked, pushToCommunity, verifyReport } from './workflow.js';

const tags = ['landing code'];
const IdParams = Type.Object({ id: Uuid });

/**
 * ARR-11 for staff: the QR code to print, the queue with its 30-minute look, the push to the
 * community, person-by-person verification with same-day feedback, and the daily-clear board.
 * Registered in this order on purpose: a report is entered, looked at, pushed, then verified.
 */
export function landingRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/landing/codes/:code',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary:
          'The landing code of a county or city: the URL its QR code encodes (FANGKONG_PUBLIC_URL, else the address of this request), the QR code as SVG, and whether the URL is a loopback address no phone can reach',
        params: LandingCodeParams,
        response: { 200: LandingCodeView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!inScope(request.params.code, actor.scopes)) throw notFound();
      const area = await withScope(ctx.db, actor, (tx) => landingArea(tx, request.params.code));
      const url = landingUrl(publicOrigin(request, ctx.config), area.code);
      return { ...area, url, svg: await qrSvg(url), loopback: isLoopbackUrl(url) };
    },
  );

  api.get(
    '/landing/reports',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary:
          'Landing-code reports in your jurisdiction, oldest first (state: new, looked, pushed, cleared, open, all)',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          state: Type.Optional(Type.Union(QUEUE_FILTERS.map((s) => Type.Literal(s)))),
          ...Paging.properties,
        }),
        response: { 200: ReportPageView },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 50, jurisdiction, state } = request.query;
      const result = await withScope(ctx.db, actorOf(request), (tx) =>
        listReports(tx, actorOf(request), { jurisdiction, state }, page, pageSize),
      );
      return { ...result, page, pageSize };
    },
  );

  api.put(
    '/landing/reports/:id',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Enter a report on a traveller’s behalf (hotline, no smartphone) under the id the client chose, so a retry never doubles it; the landing code is the destination’s county',
        params: IdParams,
        body: ReportBody,
        response: { 200: SubmittedView, 201: SubmittedView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const code = countyOf(request.body.destinationCode);
      const submitted = await retryOnDuplicate(() =>
        withScope(ctx.db, actor, (tx) => submitReport(ctx, tx, actor, code, request.body, request.params.id)),
      );
      return reply.status(submitted.created ? 201 : 200).send(submitted);
    },
  );

  api.get(
    '/landing/reports/:id',
    {
      config: { permission: 'arrival.read' },
      schema: { tags, summary: 'One landing-code report', params: IdParams, response: { 200: ReportView } },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getReport(tx, actorOf(request), request.params.id)),
  );

  api.post(
    '/landing/reports/:id/look',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary: 'Mark a report looked at; closes its 30-minute look deadline (ARR-11)',
        params: IdParams,
        response: { 200: ReportView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => lookAt(ctx, tx, actorOf(request), request.params.id)),
  );

  api.post(
    '/landing/reports/:id/push',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Push a report to its destination community; verification and feedback are due by the end of the day',
        params: IdParams,
        response: { 200: ReportView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        pushToCommunity(ctx, tx, actorOf(request), request.params.id),
      ),
  );

  api.post(
    '/landing/push',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary: 'Push every looked, unpushed report within a jurisdiction to its community',
        body: Type.Object({ jurisdictionCode: JurisdictionCode }, { additionalProperties: false }),
        response: { 200: PushedView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        pushAllLooked(ctx, tx, actorOf(request), request.body.jurisdictionCode),
      ),
  );

  api.post(
    '/landing/reports/:id/discard',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Set a report aside (a duplicate, not genuine, a test): the county’s staff end its workflow and its deadlines; no person is touched',
        params: IdParams,
        body: DiscardBody,
        response: { 200: ReportView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        discardReport(ctx, tx, actorOf(request), request.params.id, request.body.reason, request.body.note),
      ),
  );

  api.get(
    '/landing/reports/:id/candidates',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Persons of your jurisdiction with the reported ID number, and what differs from the report (name, phone, where filed): whom to match it to on verification. Without the unmask permission each read counts as an exact search (audited by keyed hash, limited per user, 429 past it)',
        params: IdParams,
        response: { 200: Type.Array(CandidateView) },
      },
    },
    (request) => readCandidates(ctx, actorOf(request), request.params.id),
  );

  api.post(
    '/landing/reports/:id/verify',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Record the person-by-person verification (found, not found, wrong address, moved on), optionally with the feedback; when found, the person it is (a candidate, or a new one): only then is the arrival registered and planned',
        params: IdParams,
        body: VerifyBody,
        response: { 200: ReportView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.body.registerNew) await countClaimSearch(ctx, actor, request.params.id);
      return withScope(ctx.db, actor, (tx) => verifyReport(ctx, tx, actor, request.params.id, request.body));
    },
  );

  api.post(
    '/landing/reports/:id/feedback',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Feed back the testing and control state; with the verification it clears the report (ARR-11)',
        params: IdParams,
        body: FeedbackBody,
        response: { 200: ReportView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        feedBack(ctx, tx, actorOf(request), request.params.id, request.body.measures, request.body.note),
      ),
  );

  api.get(
    '/landing/daily-clear',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'The daily-clear board (每日清零): per community, reports of the day, verified, outstanding',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          date: Type.Optional(IsoDate),
        }),
        response: { 200: BoardView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        dailyClearBoard(ctx, tx, actorOf(request), request.query.jurisdiction, request.query.date),
      ),
  );
}
