import { finished, type Readable, Transform, type TransformCallback } from 'node:stream';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, fieldError } from '../errors.js';
import { fileTooLarge, limitField, type UploadLimits } from './limits.js';
import type { SheetFormat } from './readRows.js';
import { contentDisposition, XLSX_TYPE } from './xlsxStream.js';

/** The format of an uploaded sheet by its file name's extension; anything else is a 415. */
export function formatOf(fileName: string): SheetFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'xlsx') return extension;
  throw new AppError('unsupported_media_type', [fieldError('file', 'file_type')]);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The upload bounds of the configuration, for withUpload. */
    uploadLimits: UploadLimits;
  }
  interface FastifyRequest {
    /** Set when an upload was left unread (refused or failed): the connection is closed after the answer. */
    uploadAbandoned?: boolean;
  }
}

/**
 * Multipart uploads under `limits`. A request whose file was refused before it was read to the
 * end is answered with `Connection: close`: the rest of the body is not waited for (E17 of issue 11:
 * draining a 512 MB one-line .csv held the request for 73 s).
 */
export async function registerUploads(app: FastifyInstance, limits: UploadLimits): Promise<void> {
  app.decorate('uploadLimits', limits);
  await app.register(fastifyMultipart, { limits: { fileSize: limits.maxFileBytes, files: 1, fields: 10 } });
  app.addHook('onSend', async (request, reply) => {
    if (request.uploadAbandoned) reply.header('connection', 'close');
  });
}

/** The uploaded file part, or a 4xx: a malformed multipart body is the client's fault. */
async function uploadedFile(request: FastifyRequest, limits: UploadLimits): Promise<MultipartFile> {
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
  part.file.once('limit', () => part.file.destroy(fileTooLarge(limits)));
  return part;
}

/**
 * Passes the upload through and fails it when the client sends nothing for `idleSeconds` while the
 * server waits for it (nothing buffered): a stalled upload must not hold a request for ever. A
 * server busy with a batch is not waiting; its full buffer holds the client back, and that is no idling.
 */
class IdleGuard extends Transform {
  private lastChunkAt = Date.now();
  private readonly timer: NodeJS.Timeout;

  /** `tooLarge`: the upload was cut at the size limit (busboy ends such a file as if it were complete). */
  constructor(
    idleSeconds: number,
    private readonly tooLarge: () => AppError | undefined,
  ) {
    super();
    const idleMs = idleSeconds * 1000;
    this.timer = setInterval(
      () => {
        const waiting = this.readableLength === 0 && this.writableLength === 0;
        if (waiting && Date.now() - this.lastChunkAt > idleMs) {
          this.destroy(
            new AppError('bad_file', [
              limitField('file', 'upload_idle', { en: `${idleSeconds} s`, zh: `${idleSeconds} 秒` }),
            ]),
          );
        }
      },
      Math.min(1000, idleMs),
    );
    this.timer.unref();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.lastChunkAt = Date.now();
    done(null, chunk);
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void) {
    clearInterval(this.timer);
    done(error);
  }

  override _flush(done: TransformCallback) {
    clearInterval(this.timer);
    done(this.tooLarge());
  }
}

/** What a handler of an upload is given: the file as a stream, its format and its name. */
export interface Upload {
  file: Readable;
  format: SheetFormat;
  fileName: string;
}

/**
 * Reads the request's `file` part and hands it to `use`, bounded by the configured upload limits
 * (size, idle time). A failure of the upload itself (cut off, too large, stalled) that surfaces as
 * some other error becomes `file_incomplete`, not a server error. A file not read to its end (it
 * was refused) is not drained: what still arrives is discarded and the connection is closed after
 * the answer, so a client cannot hold the request by sending the rest slowly.
 */
export async function withUpload<T>(
  request: FastifyRequest,
  use: (upload: Upload) => Promise<T>,
): Promise<T> {
  const limits = request.server.uploadLimits;
  const part = await uploadedFile(request, limits);
  const file = new IdleGuard(limits.idleSeconds, () =>
    part.file.truncated ? fileTooLarge(limits) : undefined,
  );
  let uploadFailed: Error | undefined;
  // finished(), not pipeline(): a part cut off before this point (a truncated body) is already
  // destroyed, and only finished() reports that.
  part.file.pipe(file);
  finished(part.file, (error) => {
    if (!error) {
      // pipe() never ends its destination for a source that had ended before it was piped.
      if (!file.writableEnded) file.end();
      return;
    }
    uploadFailed ??= error;
    file.destroy(error);
  });
  // The guard's own failures (idle, too large) are the upload's; others come from its reader.
  file.once('error', (error) => {
    if (error instanceof AppError) uploadFailed ??= error;
    part.file.destroy();
  });
  try {
    return await use({ file, format: formatOf(part.filename), fileName: part.filename });
  } catch (error) {
    if (uploadFailed && !(error instanceof AppError)) {
      throw uploadFailed instanceof AppError
        ? uploadFailed
        : new AppError('bad_file', [fieldError('file', 'file_incomplete')]);
    }
    throw error;
  } finally {
    if (!part.file.readableEnded) request.uploadAbandoned = true;
    if (!part.file.destroyed) part.file.resume();
    file.destroy();
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
