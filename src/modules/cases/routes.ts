import { Type } from 'typebox';
import {
  BoardQuery,
  BoardView,
  CaseDetail,
  CasePageView,
  CaseQuery,
  CaseView,
  DiscardBody,
  PrefillView,
  ReclassifyBody,
  ReportBody,
  ReviewBody,
} from '../../api/cases.js';
import { Paging, TubeBarcode, Uuid } from '../../api/common.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { discardCase, reclassifyCase } from './amend.js';
import { caseBoard } from './board.js';
import { listCases } from './list.js';
import { prefillFromTube, reportCase } from './report.js';
import { reviewCase } from './review.js';
import { readCaseDetail } from './view.js';

const tags = ['cases'];
const IdParams = Type.Object({ id: Uuid });

/**
 * Cases (CAS-1, CAS-2): infectious-disease report cards, CDC review, reclassification and discard.
 * Registered in workflow order (pre-fill, report, read, reclassify, review, discard), the order the
 * route-coverage tests walk them in.
 */
export function casesRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/cases/prefill',
    {
      config: { permission: 'case.report' },
      schema: {
        tags,
        summary: 'A report card pre-filled from a positive individual result (by tube barcode or tube id)',
        querystring: Type.Object({ tube: Type.Optional(TubeBarcode), tubeId: Type.Optional(Uuid) }),
        response: { 200: PrefillView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { tube, tubeId } = request.query;
      return withScope(ctx.db, actor, (tx) => prefillFromTube(tx, actor, { barcode: tube, tubeId }));
    },
  );

  api.post(
    '/cases',
    {
      config: { permission: 'case.report' },
      schema: {
        tags,
        summary:
          'Report a case (传染病报告卡, CAS-1): closes the 2-hour report items of the person’s positive results and opens the CDC’s 2-hour review (CAS-2); 409 case_open names the person’s open case',
        body: ReportBody,
        response: { 200: CaseView, 201: CaseView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { view, created } = await withScope(ctx.db, actor, (tx) =>
        reportCase(ctx, tx, actor, request.body),
      );
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  api.get(
    '/cases',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary:
          'Cases in your jurisdiction, newest report first; awaitingReview=true is the CDC’s queue, oldest due first',
        querystring: Type.Object({ ...CaseQuery.properties, ...Paging.properties }),
        response: { 200: CasePageView },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) =>
        listCases(tx, actor, filter, page, pageSize, ctx.config.defaultTimeZone),
      );
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/cases/board',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary:
          'CAS-2 board: late reports, late reviews, positives unreported past 2 hours (overdue) and past 24 hours (concealed)',
        querystring: BoardQuery,
        response: { 200: BoardView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => caseBoard(tx, actor, request.query, ctx.now()));
    },
  );

  api.get(
    '/cases/:id',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'One case with its classification history',
        params: IdParams,
        response: { 200: CaseDetail },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => readCaseDetail(tx, actor.scopes, request.params.id, ctx.now()));
    },
  );

  api.post(
    '/cases/:id/reclassify',
    {
      config: { permission: 'case.report' },
      schema: {
        tags,
        summary:
          'Reclassify a case with a reason (订正, e.g. 无症状转确诊); kept in its history and reviewed by the CDC',
        params: IdParams,
        body: ReclassifyBody,
        response: { 200: CaseDetail },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        reclassifyCase(ctx, tx, actor, request.params.id, request.body),
      );
    },
  );

  api.post(
    '/cases/:id/review',
    {
      config: { permission: 'case.review' },
      schema: {
        tags,
        summary: 'The CDC reviews every change of the case awaiting review (CAS-2, within 2 hours)',
        params: IdParams,
        body: ReviewBody,
        response: { 200: CaseDetail },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        reviewCase(ctx, tx, actor, request.params.id, request.body.note),
      );
    },
  );

  api.post(
    '/cases/:id/discard',
    {
      config: { permission: 'case.report' },
      schema: {
        tags,
        summary: 'Discard a case (排除) with a reason; reviewed by the CDC',
        params: IdParams,
        body: DiscardBody,
        response: { 200: CaseDetail },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        discardCase(ctx, tx, actor, request.params.id, request.body.reason),
      );
    },
  );
}
