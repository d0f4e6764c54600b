import { Type } from 'typebox';
import { Paging, Uuid } from '../../api/common.js';
import { ImportJobPage, ImportJobSchema, ImportReportSchema } from '../../api/personImports.js';
import { firstScope, withScope } from '../../platform/access/scope.js';
import { sendWorkbook, uploadBody, withUpload, xlsxResponse } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { validatorCompiler } from '../../platform/http/validation.js';
import { importErrorReport } from './ledger/errorReport.js';
import { exportPersons } from './ledger/exportPersons.js';
import { importPersons } from './ledger/importPersons.js';
import { getImportJob, listImportJobs } from './ledger/importStatus.js';
import { ledgerTemplate } from './ledger/template.js';
import { PersonQuery } from './routes.js';

const tags = ['persons'];

export function personImportRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/persons/import',
    {
      config: { permission: 'person.import' },
      // The body is a multipart stream the handler reads as it arrives (the schema documents it); the query is checked.
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
      schema: {
        tags,
        summary: 'Import a persons ledger (台账, .csv or .xlsx); every rejected row is reported',
        description:
          'Columns by their Chinese headers (see the template), in any order. Accepted rows are committed in ' +
          'batches; a person whose ID number is already registered is left unchanged, so importing the ' +
          'same file again changes nothing. CSV may be UTF-8 or GB18030. The import is filed before the ' +
          'file is read: with `id` (optional, client-made) the page follows it at GET /persons/imports/{id} ' +
          'while it runs. It stops, marked failed, past the configured number of rejected rows.',
        consumes: ['multipart/form-data'],
        querystring: Type.Object({ id: Type.Optional(Uuid) }),
        body: uploadBody,
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withUpload(request, async ({ file, format, fileName }) => {
        const report = await importPersons(ctx, actor, file, format, { fileName, id: request.query.id });
        return { ...report, errorReport: `/api/persons/imports/${report.jobId}/errors.xlsx` };
      });
    },
  );

  api.get(
    '/persons/import/template.xlsx',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary: 'The ledger template: header row, an example row and a 填写说明 sheet',
        response: xlsxResponse('The template workbook'),
      },
    },
    async (request, reply) => {
      const workbook = await ledgerTemplate(firstScope(actorOf(request).scopes));
      return sendWorkbook(reply, workbook, 'persons-template.xlsx', '人员台账导入模板.xlsx');
    },
  );

  api.get(
    '/persons/imports',
    {
      config: { permission: 'person.import' },
      schema: {
        tags,
        summary: 'Ledger imports filed in your jurisdiction, newest first, with their status and counts',
        querystring: Paging,
        response: { 200: ImportJobPage },
      },
    },
    (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      return withScope(ctx.db, actorOf(request), (tx) =>
        listImportJobs(tx, { page, pageSize }, ctx.config.uploads.staleImportSeconds),
      );
    },
  );

  api.get(
    '/persons/imports/:id',
    {
      config: { permission: 'person.import' },
      schema: {
        tags,
        summary:
          'One ledger import: running (counts so far), done, failed (why) or interrupted (server stopped)',
        params: Type.Object({ id: Uuid }),
        response: { 200: ImportJobSchema },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        getImportJob(tx, request.params.id, ctx.config.uploads.staleImportSeconds),
      ),
  );

  api.get(
    '/persons/imports/:id/errors.xlsx',
    {
      config: { permission: 'person.import' },
      schema: {
        tags,
        summary: 'Every rejected row of one import (line, column, reason in zh and en)',
        params: Type.Object({ id: Uuid }),
        response: xlsxResponse('The error report'),
      },
    },
    async (request, reply) => {
      const stream = await importErrorReport(ctx, actorOf(request), request.params.id);
      return sendWorkbook(reply, stream, 'import-errors.xlsx', '导入错误报告.xlsx');
    },
  );

  api.get(
    '/persons/export.xlsx',
    {
      config: { permission: 'person.export' },
      schema: {
        tags,
        summary:
          'The filtered list (filters of GET /persons) as .xlsx; ID numbers and phones masked; audited',
        querystring: PersonQuery,
        response: xlsxResponse('The persons workbook'),
      },
    },
    async (request, reply) => {
      const stream = await exportPersons(ctx, actorOf(request), request.query);
      return sendWorkbook(reply, stream, 'persons.xlsx', '人员台账.xlsx');
    },
  );
}
