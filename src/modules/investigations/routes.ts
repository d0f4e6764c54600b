import { Type } from 'typebox';
import { Paging, Uuid } from '../../api/common.js';
import {
  AssignBody,
  EmptyBody,
  EntryBody,
  ExposureBody,
  FirstBody,
  GoodsBody,
  InvestigationDetail,
  InvestigationPage,
  InvestigationQuery,
  ReportBody,
  ReviewBody,
  Workload,
  WorkloadQuery,
} from '../../api/investigations.js';
import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { readInvestigation } from './detail.js';
import { addEntry, addExposure, addGoods, deleteChild, saveReport, updateEntry } from './edits.js';
import { listInvestigations } from './list.js';
import { openOnDemand } from './scheduler.js';
import { assign, recordFirst, review, submit } from './workflow.js';
import { workload } from './workload.js';

const tags = ['investigations'];
const CaseParams = Type.Object({ caseId: Uuid });
const EntryParams = Type.Object({ caseId: Uuid, entryId: Uuid });
const ExposureParams = Type.Object({ caseId: Uuid, exposureId: Uuid });
const GoodsParams = Type.Object({ caseId: Uuid, goodsId: Uuid });
const detail = { 200: InvestigationDetail };
const created = { 200: InvestigationDetail, 201: InvestigationDetail };

/**
 * Epidemiological investigations (EPI-1, EPI-2, EPI-6), keyed by their case. Registered in workflow
 * order (list, workload, open one, assign, timeline, exposures, goods, report, first investigation,
 * submit, review), the order the route-coverage tests walk them in.
 */
export async function investigationRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  /** Opens the case's investigation if due, then runs `write` and answers the workspace. */
  const writeThen = async (actor: Actor, caseId: string, write: (tx: Queryable) => Promise<unknown>) => {
    await openOnDemand(ctx, actor, caseId);
    return withScope(ctx.db, actor, async (tx) => {
      await write(tx);
      return readInvestigation(ctx, tx, actor, caseId);
    });
  };

  api.get(
    '/investigations',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary:
          'Investigations of your jurisdiction (EPI-1): those with work outstanding first, earliest due first',
        querystring: Type.Object({ ...InvestigationQuery.properties, ...Paging.properties }),
        response: { 200: InvestigationPage },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const actor = actorOf(request);
      await openOnDemand(ctx, actor);
      const result = await withScope(ctx.db, actor, (tx) =>
        listInvestigations(tx, actor, filter, page, pageSize, ctx.now()),
      );
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/investigations/workload',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary: 'Workload per investigator (EPI-6): open, overdue, completed in the last 7 days',
        querystring: WorkloadQuery,
        response: { 200: Workload },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await openOnDemand(ctx, actor);
      return withScope(ctx.db, actor, (tx) => workload(tx, actor, request.query.jurisdiction, ctx.now()));
    },
  );

  api.get(
    '/investigations/:caseId',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary:
          'The investigation workspace of a case (EPI-2): deadlines, 14-day timeline, exposures, goods, report',
        params: CaseParams,
        response: detail,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await openOnDemand(ctx, actor, request.params.caseId);
      return withScope(ctx.db, actor, (tx) => readInvestigation(ctx, tx, actor, request.params.caseId));
    },
  );

  api.post(
    '/investigations/:caseId/assign',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Assign the investigator and the investigation team (EPI-6); null clears one',
        params: CaseParams,
        body: AssignBody,
        response: detail,
      },
    },
    (request) => {
      const actor = actorOf(request);
      return writeThen(actor, request.params.caseId, (tx) =>
        assign(tx, actor, request.params.caseId, request.body),
      );
    },
  );

  api.post(
    '/investigations/:caseId/entries',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Add a place and time from the interview to the timeline (EPI-2)',
        params: CaseParams,
        body: EntryBody,
        response: created,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      let fresh = false;
      const view = await writeThen(actor, request.params.caseId, async (tx) => {
        fresh = (await addEntry(tx, actor, request.params.caseId, request.body)).created;
      });
      return reply.status(fresh ? 201 : 200).send(view);
    },
  );

  api.put(
    '/investigations/:caseId/entries/:entryId',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Correct an interview entry of the timeline (EPI-2)',
        params: EntryParams,
        body: EntryBody,
        response: detail,
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { caseId, entryId } = request.params;
      return writeThen(actor, caseId, (tx) => updateEntry(tx, actor, caseId, entryId, request.body));
    },
  );

  api.delete(
    '/investigations/:caseId/entries/:entryId',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Remove an interview entry typed by mistake',
        params: EntryParams,
        response: detail,
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { caseId, entryId } = request.params;
      return writeThen(actor, caseId, (tx) =>
        deleteChild(tx, actor, caseId, 'investigation_entries', entryId),
      );
    },
  );

  api.post(
    '/investigations/:caseId/exposures',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Record an exposure or likely source with its evidence and certainty (EPI-2)',
        params: CaseParams,
        body: ExposureBody,
        response: created,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      let fresh = false;
      const view = await writeThen(actor, request.params.caseId, async (tx) => {
        fresh = (await addExposure(tx, actor, request.params.caseId, request.body)).created;
      });
      return reply.status(fresh ? 201 : 200).send(view);
    },
  );

  api.delete(
    '/investigations/:caseId/exposures/:exposureId',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Remove an exposure recorded by mistake',
        params: ExposureParams,
        response: detail,
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { caseId, exposureId } = request.params;
      return writeThen(actor, caseId, (tx) =>
        deleteChild(tx, actor, caseId, 'investigation_exposures', exposureId),
      );
    },
  );

  api.post(
    '/investigations/:caseId/goods',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary:
          'Trace goods with the people ("人""物"同查, EPI-2): item, origin, batch, where found, sample result',
        params: CaseParams,
        body: GoodsBody,
        response: created,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      let fresh = false;
      const view = await writeThen(actor, request.params.caseId, async (tx) => {
        fresh = (await addGoods(tx, actor, request.params.caseId, request.body)).created;
      });
      return reply.status(fresh ? 201 : 200).send(view);
    },
  );

  api.delete(
    '/investigations/:caseId/goods/:goodsId',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Remove traced goods recorded by mistake',
        params: GoodsParams,
        response: detail,
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { caseId, goodsId } = request.params;
      return writeThen(actor, caseId, (tx) => deleteChild(tx, actor, caseId, 'investigation_goods', goodsId));
    },
  );

  api.put(
    '/investigations/:caseId/report',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Save the investigation report text; with version, a stale copy is refused (409 conflict)',
        params: CaseParams,
        body: ReportBody,
        response: detail,
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { caseId } = request.params;
      return writeThen(actor, caseId, (tx) =>
        saveReport(tx, actor, caseId, request.body.report, request.body.version),
      );
    },
  );

  api.post(
    '/investigations/:caseId/first',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Record the first investigation (EPI-1, 8 hours): closes its deadline',
        params: CaseParams,
        body: FirstBody,
        response: detail,
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { caseId } = request.params;
      return writeThen(actor, caseId, (tx) => recordFirst(ctx, tx, actor, caseId, request.body.summary));
    },
  );

  api.post(
    '/investigations/:caseId/submit',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Submit the complete investigation for review (EPI-1, 24 hours; EPI-6): closes its deadline',
        params: CaseParams,
        body: EmptyBody,
        response: detail,
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { caseId } = request.params;
      return writeThen(actor, caseId, (tx) => submit(ctx, tx, actor, caseId));
    },
  );

  api.post(
    '/investigations/:caseId/review',
    {
      config: { permission: 'investigation.review' },
      schema: {
        tags,
        summary:
          'Review a submitted report (EPI-6): release it, or return it with a reason; never by its author (403 review_own_report)',
        params: CaseParams,
        body: ReviewBody,
        response: detail,
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { caseId } = request.params;
      return writeThen(actor, caseId, (tx) =>
        review(ctx, tx, actor, caseId, request.body.decision, request.body.reason),
      );
    },
  );
}
