import { finished, type Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, fieldError } from '../errors.js';
import type { SheetFormat } from './readRows.js';
import { contentDisposition, XLSX_TYPE } from './xlsxStream.js';

/** The format of an uploaded sheet by its file name's extension; anything else is a 415. */
export function formatOf(fileName: string): SheetFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'xlsx') return extension;
  throw new AppError('unsupported_media_type', [fieldError('file', 'file_type')]);
}

/** The uploaded file part, or a 4xx: a malformed multipart body is the client's fault. */
async function uploadedFile(request: FastifyRequest): Promise<MultipartFile> {
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

/** What a handler of an upload is given: the file as a stream, its format and its name. */
export interface Upload {
  file: Readable;
  format: SheetFormat;
  fileName: string;
}

/**
 * Reads the request's `file` part and hands it to `use`. A failure of the upload itself (cut off,
 * too large) that surfaces as some other error becomes `file_incomplete`, not a server error; the
 * rest of the body is drained whatever happens, so the connection is never left hanging.
 */
export async function withUpload<T>(
  request: FastifyRequest,
  use: (upload: Upload) => Promise<T>,
): Promise<T> {
  const part = await uploadedFile(request);
  let uploadFailed = false;
  finished(part.file, (error) => {
    uploadFailed = Boolean(error);
  });
  try {
    return await use({ file: part.file, format: formatOf(part.filename), fileName: part.filename });
  } catch (error) {
    if (uploadFailed && !(error instanceof AppError)) {
      throw new AppError('bad_file', [fieldError('file', 'file_incomplete')]);
    }
    throw error;
  } finally {
    if (!part.file.destroyed) part.file.resume();
  }
}

/** The request body of an upload route, for the API documentation. */
export const uploadBody = {
  content: {
    'multipart/form-data': { schema: Type.Object({ file: Type.String({ format: 'binary' }) }) },
  },
};

/** A workbook sent as a Buffer or a stream, which Fastify passes through without serialising. */
const Workbook = Type.Unsafe<Buffer | Readable>(Type.String({ format: 'binary' }));

/** The response schema of a route that sends a workbook. */
export const xlsxResponse = (description: string) => ({
  200: { description, content: { [XLSX_TYPE]: { schema: Workbook } } },
});

/** Sends a workbook as a download named `ascii` (`name` for browsers that read RFC 5987 names). */
export function sendWorkbook(reply: FastifyReply, workbook: Buffer | Readable, ascii: string, name: string) {
  return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(ascii, name)).send(workbook);
}
