import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import {
  CampaignBody,
  CampaignStatusSchema,
  CampaignView,
  MissingPage,
  PlanResponse,
  PoolSize,
  ProgressResponse,
} from '../../api/campaigns.js';
import { JurisdictionCode, Paging, Uuid } from '../../api/common.js';
import { withScope } from '../../platform/access/scope.js';
import { contentDisposition, XLSX_TYPE } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { exportMissing, missingPersons } from './missing.js';
import { planFor } from './plan.js';
import { campaignProgress } from './progress.js';
import {
  createCampaign,
  getCampaign,
  listCampaigns,
  plannableJurisdiction,
  updateCampaignStatus,
} from './service.js';

const tags = ['campaigns'];
const Status = CampaignStatusSchema;
const IdParams = Type.Object({ id: Uuid });
const Workbook = Type.Unsafe<Readable>(Type.String({ format: 'binary' }));

export function campaignRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/campaigns',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Testing campaigns in your jurisdiction (TST-6), newest first',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          status: Type.Optional(Status),
        }),
        response: { 200: Type.Array(CampaignView) },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => listCampaigns(tx, actorOf(request), request.query)),
  );

  api.get(
    '/campaigns/plan',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary:
          'Full-population campaign plan (TST-6 … TST-9) for a jurisdiction: deadline, sites, tables, staff, lab tubes per hour, instruments, reagents, ring order',
        querystring: Type.Object({
          jurisdictionCode: JurisdictionCode,
          poolSize: Type.Optional(PoolSize),
          samplersPerTable: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
          shiftsPerDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
        }),
        response: { 200: PlanResponse },
      },
    },
    (request) => {
      const { jurisdictionCode, poolSize = 10, ...staffing } = request.query;
      return withScope(ctx.db, actorOf(request), async (tx) => {
        const jurisdiction = await plannableJurisdiction(tx, actorOf(request), jurisdictionCode);
        return planFor(tx, jurisdiction, poolSize, staffing);
      });
    },
  );

  api.post(
    '/campaigns',
    {
      config: { permission: 'testing.plan' },
      schema: {
        tags,
        summary: 'Start a campaign; without dueAt it is due at the planner’s TST-6 limit after startsAt',
        body: CampaignBody,
        response: { 201: CampaignView },
      },
    },
    async (request, reply) => {
      const { startsAt, dueAt, ...rest } = request.body;
      const campaign = await withScope(ctx.db, actorOf(request), (tx) =>
        createCampaign(ctx, tx, actorOf(request), {
          ...rest,
          startsAt: new Date(startsAt),
          dueAt: dueAt ? new Date(dueAt) : undefined,
        }),
      );
      return reply.status(201).send(campaign);
    },
  );

  api.get(
    '/campaigns/:id',
    {
      config: { permission: 'testing.read' },
      schema: { tags, summary: 'One campaign', params: IdParams, response: { 200: CampaignView } },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getCampaign(tx, actorOf(request), request.params.id)),
  );

  api.patch(
    '/campaigns/:id',
    {
      config: { permission: 'testing.plan' },
      schema: {
        tags,
        summary:
          'Change a campaign’s status: planned → active → closed (the same status again changes nothing)',
        params: IdParams,
        body: Type.Object({ status: Status }, { additionalProperties: false }),
        response: { 200: CampaignView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        updateCampaignStatus(tx, actorOf(request), request.params.id, request.body.status),
      ),
  );

  api.get(
    '/campaigns/:id/progress',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary:
          'Progress per child of `parent` (default the campaign’s jurisdiction, down to grids): persons, sampled, resulted, positives; totals; samples per hour',
        params: IdParams,
        querystring: Type.Object({ parent: Type.Optional(JurisdictionCode) }),
        response: { 200: ProgressResponse },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        campaignProgress(tx, actorOf(request), request.params.id, request.query.parent),
      ),
  );

  api.get(
    '/campaigns/:id/missing',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'People registered in `jurisdiction` not yet sampled in the campaign (masked)',
        params: IdParams,
        querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode), ...Paging.properties }),
        response: { 200: MissingPage },
      },
    },
    (request) => {
      const { jurisdiction, page = 1, pageSize = 20 } = request.query;
      return withScope(ctx.db, actorOf(request), (tx) =>
        missingPersons(tx, actorOf(request), request.params.id, jurisdiction, page, pageSize),
      );
    },
  );

  api.get(
    '/campaigns/:id/missing.xlsx',
    {
      config: { permission: 'person.export' },
      schema: {
        tags,
        summary: 'The not-yet-sampled list of one community as .xlsx (masked, streamed); audited',
        params: IdParams,
        querystring: Type.Object({ jurisdiction: JurisdictionCode }),
        response: { 200: { description: 'The workbook', content: { [XLSX_TYPE]: { schema: Workbook } } } },
      },
    },
    async (request, reply) => {
      const { stream, code } = await exportMissing(
        ctx,
        actorOf(request),
        request.params.id,
        request.query.jurisdiction,
      );
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(`missing-${code}.xlsx`, `未采样人员-${code}.xlsx`))
        .send(stream);
    },
  );
}
