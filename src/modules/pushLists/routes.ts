import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { JurisdictionCode, Paging, Uuid } from '../../api/common.js';
import { PushImportPage, PushImportReport, PushMode } from '../../api/pushLists.js';
import { firstScope, withScope } from '../../platform/access/scope.js';
import { contentDisposition, uploadBody, withUpload, XLSX_TYPE } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { validatorCompiler } from '../../platform/http/validation.js';
import { pushErrorReport } from './errorReport.js';
import { importPushList } from './importPushList.js';
import { getPushImport, listPushImports } from './service.js';
import { pushListTemplate } from './template.js';

const tags = ['push-lists'];
const IdParams = Type.Object({ id: Uuid });

const Download = Type.Unsafe<Buffer | Readable>(Type.String({ format: 'binary' }));
const CSV_TYPE = 'text/csv; charset=utf-8';

function send(reply: FastifyReply, body: Buffer | Readable, type: string, ascii: string, zh: string) {
  return reply.type(type).header('content-disposition', contentDisposition(ascii, zh)).send(body);
}

export function pushListRoutes(api: TypedApp, ctx: AppContext) {
  // Registered before the routes under /push-lists/:id (test/support/routeRequests.ts relies on it).
  api.post(
    '/push-lists',
    {
      config: { permission: 'arrival.write' },
      // The body is a multipart stream read as it arrives (the schema documents it); the query is checked.
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
      schema: {
        tags,
        summary:
          'Import a big-data push list (大数据推送, .csv or .xlsx): every row an arrival, every rejected row reported',
        description:
          'Chinese headers (see the template), any order; CSV in UTF-8 or GB18030. Each accepted row is ' +
          'registered as an arrival of its destination (person found or registered, origin classified, plan ' +
          'made); a row is identified by ID number, arrival time and origin, so importing a file again changes ' +
          'nothing. Destinations must lie in `jurisdiction` (default: your first scope). `id` (optional, ' +
          'client-made) lets the page poll GET /push-lists/{id} while the upload runs; sending it again ' +
          'returns the finished import. mode=classify only stages and counts the rows by risk level.',
        consumes: ['multipart/form-data'],
        querystring: Type.Object({
          id: Type.Optional(Uuid),
          jurisdiction: Type.Optional(JurisdictionCode),
          mode: Type.Optional(PushMode),
        }),
        body: uploadBody,
        response: { 200: PushImportReport },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withUpload(request, async ({ file, format, fileName }) => {
        return await importPushList(ctx, actor, file, format, {
          ...request.query,
          fileName,
        });
      });
    },
  );

  api.get(
    '/push-lists',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'Push-list imports filed in your jurisdiction, newest first',
        querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode), ...Paging.properties }),
        response: { 200: PushImportPage },
      },
    },
    (request) => {
      const { page = 1, pageSize = 20, jurisdiction } = request.query;
      return withScope(ctx.db, actorOf(request), (tx) =>
        listPushImports(
          tx,
          actorOf(request),
          { jurisdiction, page, pageSize },
          ctx.config.uploads.staleImportSeconds,
        ),
      );
    },
  );

  api.get(
    '/push-lists/template',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'The push-list template: header row, example rows and a 填写说明 sheet',
        response: { 200: { description: 'The template', content: { [XLSX_TYPE]: { schema: Download } } } },
      },
    },
    async (request, reply) => {
      const workbook = await pushListTemplate(firstScope(actorOf(request).scopes));
      return send(reply, workbook, XLSX_TYPE, 'push-list-template.xlsx', '大数据推送名单模板.xlsx');
    },
  );

  api.get(
    '/push-lists/:id',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'One import: status (running while it runs), counts by risk level, first rejected rows',
        params: IdParams,
        response: { 200: PushImportReport },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        getPushImport(tx, actorOf(request), request.params.id, ctx.config.uploads.staleImportSeconds),
      ),
  );

  api.get(
    '/push-lists/:id/errors',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'Every rejected row of one import (line, column, reason in zh and en) as .xlsx or .csv',
        params: IdParams,
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])),
        }),
        response: {
          200: {
            description: 'The error report',
            content: { [XLSX_TYPE]: { schema: Download }, [CSV_TYPE]: { schema: Download } },
          },
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'xlsx';
      const stream = await pushErrorReport(ctx, actorOf(request), request.params.id, format);
      return format === 'xlsx'
        ? send(reply, stream, XLSX_TYPE, 'push-list-errors.xlsx', '推送名单错误报告.xlsx')
        : send(reply, stream, CSV_TYPE, 'push-list-errors.csv', '推送名单错误报告.csv');
    },
  );
}
