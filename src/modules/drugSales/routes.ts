import { Type } from 'typebox';
import { IsoDate, JurisdictionCode, Page, SafeText, Uuid } from '../../api/common.js';
import {
  CounterSaleReply,
  FollowUpBody,
  FollowUpReply,
  OutletBody,
  OutletView,
  SaleBatchBody,
  SaleBody,
  SaleIdentity,
  SaleIngestReport,
  SaleView,
} from '../../api/drugSales.js';
import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import { uploadBody, withUpload } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { fieldError, invalid } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { validatorCompiler } from '../../platform/http/validation.js';
import { DRUG_CLASSES } from '../../rules/drugSales.js';
import { localDate } from '../../rules/time.js';
import { isRealReason } from '../../rules/unmaskReason.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { guardUnmask } from '../persons/index.js';
import { salesFromFile } from './fileRows.js';
import { recordFollowUps, unmaskSale } from './followUp.js';
import { ingestSales } from './ingest.js';
import { getSale, listSales, recentCounterSales } from './list.js';
import { createOutlet, getOutlet, listOutlets, type Outlet } from './outlets.js';
import { checkSale, type SaleRow } from './saleInput.js';

const tags = ['drug-sales'];
const IdParams = Type.Object({ id: Uuid });

/** The outlet, its zone and its local date, for checking and writing its sales. */
async function outletContext(tx: Queryable, ctx: AppContext, actor: Actor, outletId: string) {
  const outlet: Outlet = await getOutlet(tx, actor, outletId);
  const timeZone = await effectiveTimeZone(tx, outlet.jurisdictionCode, ctx.config.defaultTimeZone);
  return { outlet, timeZone, today: localDate(ctx.now(), timeZone) };
}

/** Four-class drug sales (MON-2): the pharmacy counter, bulk and API feeds, and each sale's follow-up. */
export function drugSalesRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/drug-outlets',
    {
      // Which outlets exist is no personal data: every role that reads its jurisdiction may see them.
      config: { permission: 'jurisdiction.read' },
      schema: {
        tags,
        summary: 'Pharmacies, clinics and health centres that register four-class drug sales (MON-2)',
        querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) }),
        response: { 200: Type.Array(OutletView) },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        listOutlets(tx, actorOf(request), request.query.jurisdiction),
      ),
  );

  api.post(
    '/drug-outlets',
    {
      // The registry of outlets is kept by those who keep the medical institutions' (the working group).
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary: 'Register an outlet; sending the same id again returns it unchanged',
        body: OutletBody,
        response: { 200: OutletView, 201: OutletView },
      },
    },
    async (request, reply) => {
      const { outlet, created } = await withScope(ctx.db, actorOf(request), (tx) =>
        createOutlet(tx, actorOf(request), request.body),
      );
      return reply.status(created ? 201 : 200).send(outlet);
    },
  );

  api.post(
    '/drug-sales',
    {
      config: { permission: 'sentinel.report' },
      schema: {
        tags,
        summary: 'Register one sale at the counter (MON-2); the same saleId again changes nothing',
        description:
          'The buyer’s ID number is checked (GB 11643), stored encrypted and shown masked; it is never linked to ' +
          'a person record, and the answer is the same whether the person is known or not.',
        body: SaleBody,
        response: { 200: CounterSaleReply, 201: CounterSaleReply },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { outletId, ...sale } = request.body;
      // Checked before the outlet is looked up, so a wrong entry is named whatever the outlet; the
      // deployment's zone dates the ID number's birth date check (an outlet's own zone differs by hours).
      const checked = checkSale(
        1,
        { ...sale, soldAt: null },
        localDate(ctx.now(), ctx.config.defaultTimeZone),
        ctx.now(),
      );
      if ('errors' in checked) throw invalid(checked.errors.map((e) => fieldError(e.field, e.code)));
      const result = await withScope(ctx.db, actor, async (tx) => {
        const { outlet, timeZone } = await outletContext(tx, ctx, actor, outletId);
        const report = await ingestSales(tx, ctx, actor, outlet, timeZone, [checked.row], {
          kind: 'counter',
        });
        const id = report.ids.get(1);
        if (!id) throw invalid(report.errors.map((e) => fieldError(e.field, e.code)));
        return { sale: await getSale(tx, actor, id), created: report.inserted === 1 };
      });
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  api.post(
    '/drug-sales/batch',
    {
      config: { permission: 'sentinel.report' },
      schema: {
        tags,
        summary: 'Register a till’s sales (≤ 5,000) in one transaction, for API tokens (MON-2)',
        description:
          'Accepted items are committed together; each refused item is reported with its number and reason. ' +
          'An item whose saleId is already stored with the same buyer and classes is unchanged; a different sale ' +
          'under a used saleId is refused (duplicate_id). soldAt defaults to now.',
        body: SaleBatchBody,
        response: { 200: SaleIngestReport },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        const { outlet, timeZone, today } = await outletContext(tx, ctx, actor, request.body.outletId);
        const rows: SaleRow[] = [];
        const errors = request.body.sales.flatMap((item, i) => {
          const checked = checkSale(
            i + 1,
            { ...item, soldAt: item.soldAt ? new Date(item.soldAt) : null },
            today,
            ctx.now(),
          );
          if ('row' in checked) rows.push(checked.row);
          return 'errors' in checked ? checked.errors : [];
        });
        const report = await ingestSales(tx, ctx, actor, outlet, timeZone, rows, {
          kind: 'api',
          rejectedBefore: errors,
        });
        return { ...report, ids: undefined };
      });
    },
  );

  api.post(
    '/drug-sales/import',
    {
      config: { permission: 'sentinel.report' },
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
      schema: {
        tags,
        summary: 'Import an outlet’s sales sheet (.csv or .xlsx) in one transaction (MON-2)',
        description:
          'Columns 身份证号/idNumber and 药品类别/classes (退热、止咳、抗病毒、抗生素, several allowed), optional ' +
          '销售单号/saleId, 销售时间/soldAt (local time), 姓名, 联系电话, 数量. Every rejected row is reported with its ' +
          'line and reason; importing the same file again changes nothing.',
        consumes: ['multipart/form-data'],
        querystring: Type.Object({ outletId: Uuid }),
        body: uploadBody,
        response: { 200: SaleIngestReport },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { outlet, timeZone, today } = await withScope(ctx.db, actor, (tx) =>
        outletContext(tx, ctx, actor, request.query.outletId),
      );
      return withUpload(request, async ({ file, format, fileName }) => {
        const { rows, errors } = await salesFromFile(
          file,
          format,
          timeZone,
          today,
          ctx.now(),
          ctx.config.uploads,
        );
        const report = await withScope(ctx.db, actor, (tx) =>
          ingestSales(tx, ctx, actor, outlet, timeZone, rows, {
            kind: 'file',
            fileName: fileName.slice(0, 200),
            rejectedBefore: errors,
          }),
        );
        return { ...report, ids: undefined };
      });
    },
  );

  api.get(
    '/drug-sales/counter',
    {
      config: { permission: 'sentinel.report' },
      schema: {
        tags,
        summary: 'The sales you registered at this outlet in the last day, newest first, masked',
        querystring: Type.Object({ outletId: Uuid }),
        response: { 200: Type.Array(SaleView) },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        const outlet = await getOutlet(tx, actor, request.query.outletId);
        return recentCounterSales(tx, actor, outlet.id, ctx.now());
      });
    },
  );

  api.get(
    '/drug-sales',
    {
      config: { permission: 'sentinel.read' },
      schema: {
        tags,
        summary: 'Sales to follow up (MON-2): awaiting by default, oldest first; buyers masked',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          outletId: Type.Optional(Uuid),
          batch: Type.Optional(Uuid),
          state: Type.Optional(Type.Enum(['awaiting', 'overdue', 'done', 'all'])),
          drugClass: Type.Optional(Type.Enum(DRUG_CLASSES)),
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Page(SaleView) },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => listSales(tx, actorOf(request), request.query, ctx.now())),
  );

  api.post(
    '/drug-sales/follow-ups',
    {
      // The medical-control group handles the signal a sale is: those who handle alerts.
      config: { permission: 'alert.handle' },
      schema: {
        tags,
        summary:
          'Record the follow-up of one or many sales (MON-2); closes each outlet-day once all are done',
        body: FollowUpBody,
        response: { 200: FollowUpReply },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => recordFollowUps(tx, ctx, actorOf(request), request.body)),
  );

  api.post(
    '/drug-sales/:id/unmask',
    {
      config: { permission: 'person.unmask' },
      schema: {
        tags,
        summary: 'Show a buyer’s full ID number and phone; needs a real reason, limited per user and audited',
        params: IdParams,
        body: Type.Object({ reason: SafeText(200, { minLength: 2 }) }, { additionalProperties: false }),
        response: { 200: SaleIdentity },
      },
    },
    async (request) => {
      if (!isRealReason(request.body.reason)) throw invalid([fieldError('reason', 'reason_too_short')]);
      await guardUnmask(ctx, actorOf(request));
      return withScope(ctx.db, actorOf(request), (tx) =>
        unmaskSale(tx, ctx, actorOf(request), request.params.id, request.body.reason),
      );
    },
  );
}
