import {
  finished,
  PassThrough,
  pipeline,
  type Readable,
  Transform,
  type TransformCallback,
} from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError, fieldError } from '../errors.js';
import type { FieldCode } from '../messages.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './limits.js';
import { guardWorkbookParts } from './xlsxGuard.js';

export type SheetFormat = 'csv' | 'xlsx';

/** One row of a ledger as text cells; `line` is the row number people see (the header is usually 1). */
export interface RawRow {
  line: number;
  values: string[];
}

const badFile = (code: FieldCode, extra: Record<string, unknown> = {}) =>
  new AppError('bad_file', [fieldError('file', code)], extra);

/**
 * Yields the rows of the first worksheet of an .xlsx or of a .csv, streamed: memory holds a row,
 * a parser's buffers and (for .xlsx) the shared-strings table, never the file; `limits` bound what
 * an .xlsx may unpack to (xlsxGuard.ts).
 * A file that cannot be read fails with a `bad_file` AppError; the source's own errors (a size
 * limit, a broken connection) pass through unchanged.
 */
export function readRows(
  source: Readable,
  format: SheetFormat,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): AsyncGenerator<RawRow> {
  return format === 'csv' ? readCsv(source) : readXlsx(source, limits);
}

/** Bytes sampled to choose the encoding; a ledger's header row is well inside it. */
const SAMPLE_BYTES = 64 * 1024;
/** A longer record is not a ledger row; the limit also stops an unclosed quote from swallowing the file. */
const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Decodes UTF-8 (with or without BOM) or, when the start of the file is not valid UTF-8, GB18030
 * (the encoding Excel for Chinese Windows saves CSV in). Emits UTF-8. A NUL byte means the file
 * is not text at all.
 */
class LedgerTextDecoder extends Transform {
  private decoder: TextDecoder | undefined;
  private sample: Buffer[] = [];
  private sampled = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    try {
      if (this.decoder) return done(null, this.decode(chunk));
      this.sample.push(chunk);
      this.sampled += chunk.length;
      if (this.sampled >= SAMPLE_BYTES) return done(null, this.decodeSample());
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback) {
    try {
      const head = this.decoder ? '' : this.decodeSample();
      done(null, head + this.chosen.decode());
    } catch (error) {
      done(error as Error);
    }
  }

  /** The decoder decodeSample chose; nothing is decoded before it chooses. */
  private get chosen(): TextDecoder {
    if (!this.decoder) throw new Error('decoding before the encoding was chosen');
    return this.decoder;
  }

  private decodeSample(): string {
    const sample = Buffer.concat(this.sample);
    this.sample = [];
    if (sample.includes(0)) throw badFile('file_encoding');
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    try {
      utf8.decode(sample, { stream: true });
      this.decoder = new TextDecoder('utf-8', { fatal: true });
    } catch {
      this.decoder = new TextDecoder('gb18030', { fatal: true });
    }
    return this.decode(sample);
  }

  private decode(chunk: Buffer): string {
    try {
      return this.chosen.decode(chunk, { stream: true });
    } catch {
      throw badFile('file_encoding');
    }
  }
}

async function* readCsv(source: Readable): AsyncGenerator<RawRow> {
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const failure = watchSource(source, (error) => parser.destroy(error));
  pipeline(source, new LedgerTextDecoder(), parser, () => undefined);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // `lines` counts to the record's end; a quoted cell may span lines, and the row starts above.
      const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      yield { line: info.lines - inner, values: record };
    }
  } catch (error) {
    // pipeline() destroys the source with the parser's own error: that is no failure of the source.
    const sourceFailure = failure.error instanceof CsvError ? undefined : failure.error;
    throw sourceFailure ?? (error instanceof CsvError ? badFile('csv_syntax', { line: error.lines }) : error);
  }
}

/**
 * exceljs pipes its input into an unzip parser whose errors (a corrupt deflate stream) never reach
 * a worksheet being read: that read would wait forever. The input is therefore handed over through
 * this stream, which also listens on whatever it is piped into, and every read step is raced
 * against that failure.
 */
class WatchedInput extends PassThrough {
  failure: Error | undefined;
  private readonly waiting = new Set<(error: Error) => void>();

  constructor(private readonly limits: UploadLimits) {
    super();
  }

  fail(error: Error) {
    this.failure ??= error;
    for (const reject of this.waiting) reject(this.failure);
    this.waiting.clear();
  }

  /**
   * `step`, or the failure if that comes first. (Not Promise.race with one long-pending promise:
   * each race would leave a reaction on it holding its row until the end of the file.)
   */
  race<T>(step: Promise<T>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      step.then(
        (value) => {
          this.waiting.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.waiting.delete(reject);
          reject(error);
        },
      );
    });
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    destination.on('error', (error: Error) => this.fail(error));
    // The destination is exceljs's unzip parser: what it inflates is bounded as it inflates.
    guardWorkbookParts(destination as unknown as Readable, this.limits, (error) => this.fail(error));
    return super.pipe(destination, options);
  }
}

/** The two WorkbookReader internals that hand raw XML chunks to the SAX parser (exceljs 4.4). */
interface ReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

/**
 * exceljs decodes each chunk of XML on its own, so a Chinese character split between two chunks
 * comes out as U+FFFD (exceljs issues #2063, #2316; fixes #1665, #2081 unmerged). Here the shared
 * strings and the worksheets reach the parser as text decoded across chunk boundaries.
 */
class Utf8WorkbookReader extends BaseReader {
  override _parseSharedStrings(entry: Readable) {
    return super._parseSharedStrings(entry.pipe(new PassThrough()).setEncoding('utf8'));
  }

  override _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(decodeUtf8(chunks), sheetNo);
  }
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks)
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* readXlsx(source: Readable, limits: UploadLimits): AsyncGenerator<RawRow> {
  const input = new WatchedInput(limits);
  const failure = watchSource(source, (error) => input.fail(error));
  let bytes = 0;
  source.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  source.once('end', () => {
    if (bytes === 0) input.fail(badFile('file_corrupt'));
  });
  pipeline(source, input, (error) => {
    if (error) input.fail(error);
  });
  const reader = new Utf8WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date cell from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  try {
    let sheetCount = 0;
    while (true) {
      const sheet = await input.race(sheets.next());
      if (sheet.done) break;
      sheetCount++;
      const rows = sheet.value[Symbol.asyncIterator]();
      while (true) {
        const row = await input.race(rows.next());
        if (row.done) break;
        // Later worksheets (the template's 填写说明) are read past, not imported.
        if (sheetCount === 1) yield { line: row.value.number, values: rowValues(row.value.values) };
      }
    }
    if (sheetCount === 0) throw badFile('file_corrupt');
  } catch (error) {
    throw failure.error ?? (error instanceof AppError ? error : badFile('file_corrupt'));
  } finally {
    input.destroy();
  }
}

/**
 * Remembers a failure of the source stream itself (a size limit, a broken upload), which is not
 * the file's fault, and reports it: pipeline() does not notice a source destroyed before it was
 * called (a truncated multipart upload arrives that way), finished() does.
 */
function watchSource(source: Readable, onFailure: (error: Error) => void): { error: Error | undefined } {
  const seen: { error: Error | undefined } = { error: undefined };
  finished(source, (error) => {
    if (!error) return;
    seen.error ??= error;
    onFailure(error);
  });
  return seen;
}

/** exceljs rows are 1-based sparse arrays of typed values. */
function rowValues(values: ExcelJS.CellValue[] | Record<string, ExcelJS.CellValue>): string[] {
  const cells = Array.isArray(values) ? values.slice(1) : Object.values(values);
  return Array.from(cells, cellText);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Cell values as the text a person typed: dates as YYYY-MM-DD (with HH:mm:ss when the cell holds a
 * time of day, as publication times do), formulas as their result.
 */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // Excel keeps times as fractions of a day: 12:00 may come back a millisecond short.
    const at = new Date(Math.round(value.getTime() / 1000) * 1000);
    const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
    if (at.getUTCHours() + at.getUTCMinutes() + at.getUTCSeconds() === 0) return date;
    return `${date} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}
