import type { Readable, Writable } from 'node:stream';
import { countText, MAX_XML_TEXT_BYTES, sheetTooLarge, sizeText, type UploadLimits } from './limits.js';

/** An entry of exceljs's unzip parser (unzipper 0.10): a stream of the part's inflated bytes. */
interface ZipEntry extends Writable {
  path: string;
}

const LT = 0x3c;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** The parts exceljs parses into memory (workbook, styles, relationships, sheets, shared strings). */
const XML_PART = /\.(xml|rels)$/i;

/**
 * Bounds what a workbook costs as it unpacks (E16 of issue 11: a 312 KB file holding one 300 MB
 * shared string took the server from 670 MB to 2.2 GB). A zip's declared sizes may lie, so the
 * bytes are counted as they inflate: every part's inflated bytes are counted at the point the
 * inflater writes them into the part's stream, before any parser sees them, and the first chunk
 * over a limit stops the file with a `bad_file` problem naming the limit:
 * - all parts together: `xlsxMaxUnzippedBytes` (sheets read before the shared strings go to a
 *   temporary file, so this also bounds the disk);
 * - the shared-strings part, kept in memory while the sheet is read: its bytes and its entries;
 * - any run of XML without a tag: MAX_XML_TEXT_BYTES, so no single text the parser builds can be
 *   larger than a cell Excel itself could hold.
 *
 * `zip` is the unzip parser exceljs pipes the upload into; its entries are watched as it emits them.
 */
export function guardWorkbookParts(zip: Readable, limits: UploadLimits, fail: (error: Error) => void): void {
  let unzipped = 0;
  let failed = false;
  const stop = (error: Error) => {
    if (!failed) fail(error);
    failed = true;
    return false;
  };
  const push = zip.push.bind(zip);
  zip.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (isEntry(chunk)) watchEntry(chunk);
    return push(chunk, encoding);
  };

  function watchEntry(entry: ZipEntry) {
    const shared = entry.path === SHARED_STRINGS;
    const xml = XML_PART.test(entry.path);
    let partBytes = 0;
    let strings = 0;
    // Bytes since the last '<', carried across chunks; and the end of the last chunk, for '<si' split across two.
    let run = 0;
    let tail = Buffer.alloc(0);
    const write = entry.write.bind(entry) as (...args: unknown[]) => boolean;
    entry.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (failed) return false;
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      unzipped += bytes.length;
      partBytes += bytes.length;
      if (unzipped > limits.xlsxMaxUnzippedBytes) {
        return stop(
          sheetTooLarge('xlsx_unzipped_too_large', sizeText(limits.xlsxMaxUnzippedBytes), {
            maxUnzippedBytes: limits.xlsxMaxUnzippedBytes,
          }),
        );
      }
      if (xml) {
        run = longestRunWithout(bytes, LT, run, MAX_XML_TEXT_BYTES);
        if (run < 0) {
          return stop(
            sheetTooLarge('xlsx_text_too_long', sizeText(MAX_XML_TEXT_BYTES), {
              maxTextBytes: MAX_XML_TEXT_BYTES,
            }),
          );
        }
      }
      if (shared) {
        if (partBytes > limits.xlsxMaxSharedStringsBytes) {
          return stop(
            sheetTooLarge('xlsx_shared_strings_too_large', sizeText(limits.xlsxMaxSharedStringsBytes), {
              maxSharedStringsBytes: limits.xlsxMaxSharedStringsBytes,
            }),
          );
        }
        const scanned = Buffer.concat([tail, bytes]);
        strings += countStringItems(scanned);
        tail = scanned.subarray(Math.max(0, scanned.length - 3));
        if (strings > limits.xlsxMaxSharedStrings) {
          return stop(
            sheetTooLarge('xlsx_too_many_shared_strings', countText(limits.xlsxMaxSharedStrings), {
              maxSharedStrings: limits.xlsxMaxSharedStrings,
            }),
          );
        }
      }
      return write(chunk, ...rest);
    }) as typeof entry.write;
  }
}

function isEntry(chunk: unknown): chunk is ZipEntry {
  return (
    typeof chunk === 'object' &&
    chunk !== null &&
    typeof (chunk as ZipEntry).path === 'string' &&
    typeof (chunk as ZipEntry).write === 'function'
  );
}

/**
 * The length of the run of bytes other than `byte` that `chunk` ends with, given the run `before`
 * it ended with; -1 as soon as any run passes `max`.
 */
function longestRunWithout(chunk: Buffer, byte: number, before: number, max: number): number {
  let start = -before;
  for (let at = chunk.indexOf(byte); at !== -1; at = chunk.indexOf(byte, at + 1)) {
    if (at - start > max) return -1;
    start = at + 1;
  }
  const run = chunk.length - start;
  return run > max ? -1 : run;
}

/** Opening `<si>` tags (shared-string items) that start in `bytes`, the first three bytes being the last chunk's end. */
function countStringItems(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf('<si'); at !== -1; at = bytes.indexOf('<si', at + 3)) {
    const next = bytes[at + 3];
    // '>' or white space or '/': <si>, <si xml:space…>, <si/>; not <sig…>. A tag cut after "<si" is counted with the next chunk.
    if (next === 0x3e || next === 0x20 || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)
      count++;
  }
  return count;
}
