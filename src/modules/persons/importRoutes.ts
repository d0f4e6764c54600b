import { finished, type Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { Uuid } from '../../api/common.js';
import { importErrorReport } from './ledger/errorReport.js';
import { exportPersons } from './ledger/exportPersons.js';
import { importPersons } from './ledger/importPersons.js';
import type { LedgerFormat } from './ledger/readRows.js';
import { ledgerTemplate, XLSX_TYPE } from './ledger/template.js';
import { contentDisposition } from './ledger/xlsxStream.js';
import { PersonQuery } from './routes.js';

const tags = ['persons'];

const RowErrorSchema = Type.Object({
  line: Type.Integer(),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
  message_zh: Type.String(),
});

const ImportReportSchema = Type.Object({
  jobId: Type.String(),
  total: Type.Integer(),
  created: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(RowErrorSchema, { description: 'The first 10,000 row errors' }),
  errorReport: Type.String({ description: 'Where every row error can be downloaded as .xlsx' }),
});

/** A workbook sent as a Buffer or a stream, which Fastify passes through without serialising. */
const Workbook = Type.Unsafe<Buffer | Readable>(Type.String({ format: 'binary' }));
const xlsxResponse = (description: string) => ({
  200: { description, content: { [XLSX_TYPE]: { schema: Workbook } } },
});

/** Sends a workbook as a download named `ascii` (`zh` for browsers that read RFC 5987 names). */
function sendWorkbook(reply: FastifyReply, workbook: Buffer | Readable, ascii: string, zh: string) {
  return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(ascii, zh)).send(workbook);
}

export function formatOf(fileName: string): LedgerFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'xlsx') return extension;
  throw new AppError('unsupported_media_type', [fieldError('file', 'file_type')]);
}

/** The uploaded file part, or a 4xx: a malformed multipart body is the client's fault. */
export async function uploadedFile(request: FastifyRequest): Promise<MultipartFile> {
  let part: MultipartFile | undefined;
  try {
    part = await request.file();
  } catch (error) {
    // Busboy throws plain errors for a header it cannot parse (no boundary, say).
    if (error instanceof Error && !('statusCode' in error) && !(error instanceof AppError)) {
      throw new AppError('validation', [fieldError('body', 'format')]);
    }
    throw error;
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError('validation', [fieldError('file', 'required')]);
  }
  // Busboy ends a file at the size limit as if it were complete: make that an error instead.
  part.file.once('limit', () => part.file.destroy(new AppError('payload_too_large')));
  return part;
}

export function personImportRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/persons/import',
    {
      config: { permission: 'person.import' },
      // The body is a multipart stream the handler reads as it arrives; the schema documents it.
      validatorCompiler: () => () => true,
      schema: {
        tags,
        summary: 'Import a persons ledger (台账, .csv or .xlsx); every rejected row is reported',
        description:
          'Columns by their Chinese headers (see the template), in any order. Accepted rows are committed in ' +
          'batches; a person whose ID number is already registered is left unchanged, so importing the ' +
          'same file again changes nothing. CSV may be UTF-8 or GB18030.',
        consumes: ['multipart/form-data'],
        body: {
          content: {
            'multipart/form-data': {
              schema: Type.Object({ file: Type.String({ format: 'binary' }) }),
            },
          },
        },
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const part = await uploadedFile(request);
      let uploadFailed = false;
      finished(part.file, (error) => {
        uploadFailed = Boolean(error);
      });
      try {
        const report = await importPersons(ctx, actor, part.file, formatOf(part.filename), {
          fileName: part.filename,
        });
        return { ...report, errorReport: `/api/persons/imports/${report.jobId}/errors.xlsx` };
      } catch (error) {
        if (uploadFailed && !(error instanceof AppError)) {
          throw new AppError('bad_file', [fieldError('file', 'file_incomplete')]);
        }
        throw error;
      } finally {
        if (!part.file.destroyed) part.file.resume();
      }
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
      const workbook = await ledgerTemplate(actorOf(request).scopes[0]!);
      return sendWorkbook(reply, workbook, 'persons-template.xlsx', '人员台账导入模板.xlsx');
    },
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
