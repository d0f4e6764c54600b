import { AppError, type FieldError, fieldError } from '../errors.js';
import type { FieldCode } from '../messages.js';

/**
 * What one uploaded sheet may cost the server. A hostile file is refused with a 4xx naming the
 * limit it crossed, long before it can take the server's memory, disk or time (DESIGN: "Safe by
 * default"). Each is a setting (src/platform/config.ts); the defaults fit a county's ledgers.
 */
export interface UploadLimits {
  /** Bytes of one uploaded file as sent. */
  readonly maxFileBytes: number;
  /** Seconds an upload may send nothing while the server waits for it. */
  readonly idleSeconds: number;
  /** Bytes an .xlsx unpacks to, all its parts together (a zip bomb inflates a thousandfold). */
  readonly xlsxMaxUnzippedBytes: number;
  /** Bytes of the shared-strings part, which is held in memory while the sheet is read. */
  readonly xlsxMaxSharedStringsBytes: number;
  /** Entries of the shared-strings table. */
  readonly xlsxMaxSharedStrings: number;
  /** Rejected rows after which an import stops and is marked failed. */
  readonly maxRejectedRows: number;
  /** Seconds after its last sign of life a running import is shown as interrupted (the server stopped). */
  readonly staleImportSeconds: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = Object.freeze({
  maxFileBytes: 256 * MiB,
  idleSeconds: 30,
  xlsxMaxUnzippedBytes: 1024 * MiB,
  xlsxMaxSharedStringsBytes: 64 * MiB,
  xlsxMaxSharedStrings: 2_000_000,
  maxRejectedRows: 10_000,
  staleImportSeconds: 60,
});

/**
 * Excel holds at most 32,767 characters in a cell; at four UTF-8 bytes a character, a run of XML
 * without a tag longer than this is no cell Excel wrote. It bounds any one text the parser builds.
 */
export const MAX_XML_TEXT_BYTES = 32_767 * 4;

/** A limit as people read it: the same figure with its unit in each language. */
export interface LimitText {
  en: string;
  zh: string;
}

/** A field error whose message ends with the limit crossed, in both languages. */
export function limitField(field: string, code: FieldCode, limit: LimitText): FieldError {
  const base = fieldError(field, code);
  return {
    ...base,
    message: `${base.message} (limit: ${limit.en})`,
    message_zh: `${base.message_zh}（上限：${limit.zh}）`,
  };
}

const figure = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** A count of things, the same in both languages. */
export const countText = (n: number): LimitText => ({ en: figure(n), zh: figure(n) });

/** `bytes` for people, in MiB (or KiB below one MiB; bytes below one KiB). */
export function sizeText(bytes: number): LimitText {
  if (bytes >= MiB) return { en: `${figure(bytes / MiB)} MiB`, zh: `${figure(bytes / MiB)} MiB` };
  if (bytes >= 1024) return { en: `${figure(bytes / 1024)} KiB`, zh: `${figure(bytes / 1024)} KiB` };
  return { en: `${figure(bytes)} bytes`, zh: `${figure(bytes)} 字节` };
}

/** A 413 for an upload larger than the setting allows. */
export function fileTooLarge(limits: UploadLimits): AppError {
  return new AppError(
    'payload_too_large',
    [limitField('file', 'upload_too_large', sizeText(limits.maxFileBytes))],
    {
      maxBytes: limits.maxFileBytes,
    },
  );
}

/** A refused workbook: `code` names what was too big, `limit` its bound. */
export function sheetTooLarge(code: FieldCode, limit: LimitText, extra: Record<string, unknown>): AppError {
  return new AppError('bad_file', [limitField('file', code, limit)], extra);
}
