import { Type } from 'typebox';
import { Uuid } from '../../api/common.js';
import { CorrectionReportSchema, IngestReportSchema, ReceiptReportSchema } from '../../api/labResults.js';
import { withScope } from '../../platform/access/scope.js';
import { uploadBody, withUpload } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { validatorCompiler } from '../../platform/http/validation.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { correctResult } from './correct.js';
import { ingestResults } from './ingest.js';
import { findLab } from './lab.js';
import { labReadRoutes } from './readRoutes.js';
import { receiveTubes } from './receipts.js';
import { rowsFromFile, rowsFromItems } from './rows.js';
import { CorrectionBody, ReceiptsBody, ResultsBody } from './schemas.js';

const tags = ['lab-results'];

export function labResultRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/lab-results/receipts',
    {
      config: { permission: 'testing.result' },
      schema: {
        tags,
        summary:
          'A lab takes tubes in by barcode (TST-2); open tubes are sealed; each refused barcode reported',
        body: ReceiptsBody,
        response: { 200: ReceiptReportSchema },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) =>
        receiveTubes(
          tx,
          actor,
          await findLab(tx, actor, request.body.labId),
          request.body.barcodes,
          ctx.now(),
        ),
      );
    },
  );

  api.post(
    '/lab-results',
    {
      config: { permission: 'testing.result' },
      schema: {
        tags,
        summary:
          'Post results by tube barcode (≤ 5,000), in one transaction; propagated to every person in the tube',
        description:
          'Accepted items are committed together; each refused item is reported with its number and reason. ' +
          'The same result again is unchanged; a different result for a resulted tube is refused (result_conflict). ' +
          'A positive pool puts its members under control with re-sampling tasks (TST-1); a positive individual ' +
          'owes the CAS-2 report within 2 hours (TST-3); arrival-linked samples are recorded on the plan.',
        body: ResultsBody,
        response: { 200: IngestReportSchema },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { rows, errors } = rowsFromItems(request.body.results, ctx.now());
      return withScope(ctx.db, actor, async (tx) =>
        ingestResults(tx, ctx, actor, await findLab(tx, actor, request.body.labId), rows, {
          kind: 'api',
          rejectedBefore: errors,
        }),
      );
    },
  );

  api.post(
    '/lab-results/import',
    {
      config: { permission: 'testing.result' },
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
      schema: {
        tags,
        summary: 'Import a result sheet (.csv or .xlsx) for one lab: the whole file in one transaction',
        description:
          'Columns 条码/barcode, 结果/result (阴性/阳性/无效 or negative/positive/invalid), optional 检测时间/tested_at ' +
          '(local time of the lab), ORF1ab, N基因, 报告编号. Every rejected row is reported with its line; importing ' +
          'the same file again changes nothing.',
        consumes: ['multipart/form-data'],
        querystring: Type.Object({ labId: Uuid }),
        body: uploadBody,
        response: { 200: IngestReportSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const lab = await withScope(ctx.db, actor, (tx) => findLab(tx, actor, request.query.labId));
      const timeZone = await withScope(ctx.db, actor, (tx) =>
        effectiveTimeZone(tx, lab.jurisdictionCode, ctx.config.defaultTimeZone),
      );
      return withUpload(request, async ({ file, format, fileName }) => {
        const { rows, errors } = await rowsFromFile(file, format, timeZone, ctx.now(), ctx.config.uploads);
        return await withScope(ctx.db, actor, (tx) =>
          ingestResults(tx, ctx, actor, lab, rows, {
            kind: 'file',
            fileName: fileName.slice(0, 200),
            rejectedBefore: errors,
          }),
        );
      });
    },
  );

  api.post(
    '/lab-results/corrections',
    {
      config: { permission: 'testing.correct' },
      schema: {
        tags,
        summary:
          'Correct a posted result with a reason (TST-3); the people in the tube follow the corrected result',
        description:
          'Recorded with the result it replaces, who corrected it and why, and audited. A positive corrected to ' +
          'negative or invalid lifts the controls it opened and cancels their re-sampling and case-report tasks; ' +
          'a result corrected to positive opens them as a new positive would (TST-1), due from the correction.',
        body: CorrectionBody,
        response: { 200: CorrectionReportSchema },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => correctResult(tx, ctx, actor, request.body));
    },
  );

  labReadRoutes(api, ctx);
}
